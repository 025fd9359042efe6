"""Django settings, read from the environment through `treatywatch.config`."""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from treatywatch.config import data_home, read

BASE_DIR = data_home()
DEBUG = read("TREATYWATCH_DEBUG") == "1"
PRODUCTION = read("TREATYWATCH_PRODUCTION") == "1"
SECRET_KEY = read("TREATYWATCH_SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise RuntimeError("TREATYWATCH_SECRET_KEY must be set when TREATYWATCH_PRODUCTION=1")
    # A local install keeps one generated key, so sessions survive restarts.
    key_file = BASE_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
    SECRET_KEY = key_file.read_text().strip()
ALLOWED_HOSTS = [
    host.strip() for host in read("TREATYWATCH_ALLOWED_HOSTS").split(",") if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "treatywatch.treaties",
    "treatywatch.events",
    "treatywatch.references",
    "treatywatch.monitor",
    "treatywatch.outreach",
    "treatywatch.reports",
    "treatywatch.staff",
    "treatywatch.api",
    "auditlog",
    "axes",
    "treatywatch.site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "treatywatch.security.ContentSecurityPolicyMiddleware",
    "treatywatch.api.middleware.ApiHttpMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "treatywatch.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
WSGI_APPLICATION = "treatywatch.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        read("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'treatywatch.sqlite3'}",
        conn_max_age=60,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Adopt Django 6's default now: a URL typed without a scheme is read as https.
FORMS_URLFIELD_ASSUME_HTTPS = True

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
USE_I18N = True
LOCALE_PATHS = [Path(__file__).resolve().parent / "locale"]
# Dates written "24 September 2024" / "24 de septiembre de 2024" rather than Django's defaults.
FORMAT_MODULE_PATH = ["treatywatch.site.formats"]
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy: treatywatch.security; the widget and its embed page may be framed.
TREATYWATCH_EMBED_PATHS = ("/widget/", "/embed/")
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Staff sessions end with the browser and after eight hours at most.
    SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    SESSION_COOKIE_AGE = 8 * 3600

# Staff workspace: the admin at /staff/, login attempts throttled by django-axes.
LOGIN_URL = "admin:login"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours: a locked pair may try again after 15 minutes
# Lock the pair, so a stranger cannot lock a colleague out from everywhere by guessing.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "treatywatch.staff.client_address.client_address"
AXES_LOCKOUT_TEMPLATE = "staff/locked_out.html"
AUDITLOG_INCLUDE_ALL_MODELS = False
