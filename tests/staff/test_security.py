"""Security of the site and the staff workspace: login, CSRF, headers, production cookies."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.staff.conftest import PASSWORD
from treatywatch.events.models import Event
from treatywatch.security import BASE_POLICY

pytestmark = pytest.mark.django_db
SRC = Path(__file__).resolve().parents[2] / "src"
STAFF_PAGES = (
    "/staff/",
    "/staff/treaties/treatyaction/",
    "/staff/treaties/state/LVA/change/",
    "/staff/events/event/add/",
    "/staff/references/reference/",
    "/staff/auditlog/logentry/",
    "/staff/auth/user/",
    "/staff/outreach/outreachcontact/",
    "/staff/follow-ups/",
)


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_nothing_of_the_staff_workspace_without_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")


def test_staff_pages_need_a_staff_account(client, django_user_model):
    """A signed-in user who is not staff is sent to the login page too."""
    client.force_login(django_user_model.objects.create_user("reader", password=PASSWORD))
    assert client.get("/staff/").status_code == 302


def test_login_form_refuses_a_post_without_its_csrf_token(make_user):
    make_user("editor")
    client = Client(enforce_csrf_checks=True)
    response = client.post("/staff/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_login_form_works_with_its_csrf_token(make_user):
    make_user("editor")
    client = Client(enforce_csrf_checks=True)
    page = client.get("/staff/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.content)[1].decode()
    response = client.post(
        "/staff/login/",
        {"username": "editor", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302 and client.session["_auth_user_id"]


@pytest.mark.parametrize(
    ("url", "form"),
    [
        ("/staff/treaties/treatyaction/add/", {"state": "ITA"}),
        ("/staff/events/event/", {"action": "confirm_selected", "_selected_action": ["1"]}),
        ("/staff/logout/", {}),
        ("/staff/password_change/", {"old_password": PASSWORD}),
    ],
)
def test_every_staff_form_refuses_a_post_without_its_csrf_token(make_user, url, form):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("admin"))
    assert client.post(url, form).status_code == 403


def test_every_staff_form_carries_a_csrf_token(make_user):
    client = Client()
    client.force_login(make_user("admin"))
    for url in ("/staff/treaties/treatyaction/add/", "/staff/events/event/", "/staff/"):
        page = client.get(url).content.decode()
        forms = re.findall(r"<form[^>]*method=\"post\"[^>]*>.*?</form>", page, re.S | re.I)
        assert forms, url
        assert all("csrfmiddlewaretoken" in form for form in forms), url


def policy(response):
    parts = [part.split() for part in response["Content-Security-Policy"].split("; ")]
    return {name: sources for name, *sources in parts}


@pytest.mark.parametrize("url", ["/staff/login/", "/api/status", "/api/no-such-page"])
def test_headers_on_every_response(client, url):
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.urls("tests.staff.security_urls")
@pytest.mark.parametrize("url", ["/embed/badge.svg", "/fr/embed/badge.svg"])
def test_embeds_may_be_framed_by_any_site(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert policy(response)["frame-ancestors"] == ["*"]
    assert "X-Frame-Options" not in response
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.urls("tests.staff.security_urls")
def test_an_inline_script_runs_only_with_the_nonce_of_its_response(client):
    first, second = client.get("/with-inline-script/"), client.get("/with-inline-script/")
    nonce = re.search(rb'nonce="([^"]+)"', first.content)[1].decode()
    assert policy(first)["script-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert nonce not in second["Content-Security-Policy"]


def test_pages_without_inline_code_get_no_nonce(client):
    assert "nonce-" not in client.get("/staff/login/")["Content-Security-Policy"]


@pytest.mark.parametrize(
    "url",
    [
        "/staff/login/",
        "/staff/",
        "/staff/treaties/treatyaction/",
        "/staff/treaties/state/LVA/change/",
        "/staff/events/event/add/",
        "/staff/events/event/{event}/change/",
        "/staff/events/event/{event}/auditlog/",
        "/staff/auditlog/logentry/",
        "/staff/outreach/outreachcontact/",
        "/staff/outreach/outreachcontact/add/",
        "/staff/follow-ups/",
        "/staff/monitor/proposal/",
    ],
)
def test_admin_pages_have_no_inline_code_the_policy_would_block(bundle, make_user, url):
    """No <script> without src, no <style>, no style= or on…= attributes: the admin works."""
    client = Client()
    if url != "/staff/login/":
        client.force_login(make_user("admin"))
    page = client.get(url.format(event=Event.objects.order_by("pk").first().pk))
    assert page.status_code == 200
    html = page.content.decode()
    assert not re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html
    assert not re.findall(r"\sstyle=\"", html)
    assert not re.findall(r"\son[a-z]+=", html)


def settings_in_production(**environment):
    """The settings a fresh process reads with TREATYWATCH_PRODUCTION=1."""
    names = [
        "DEBUG",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "ALLOWED_HOSTS",
    ]
    code = (
        "import json, treatywatch.settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {names!r}}}))"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC), "TREATYWATCH_PRODUCTION": "1", **environment}
    env.pop("TREATYWATCH_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )


def test_production_settings_secure_cookies_and_hsts():
    result = settings_in_production(
        TREATYWATCH_SECRET_KEY="k" * 50, TREATYWATCH_ALLOWED_HOSTS="treatywatch.example.org"
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"] and values["CSRF_COOKIE_HTTPONLY"]
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert values["SECURE_SSL_REDIRECT"] and values["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["ALLOWED_HOSTS"] == ["treatywatch.example.org"]


def test_production_refuses_to_start_without_a_secret_key():
    result = settings_in_production(TREATYWATCH_SECRET_KEY="")
    assert result.returncode != 0 and "TREATYWATCH_SECRET_KEY" in result.stderr


def test_production_cookies_and_hsts_on_the_wire(client, make_user, settings):
    """With the production flags, the session cookie is Secure, HttpOnly, SameSite=Lax."""
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    make_user("editor")
    page = client.get("/staff/login/", secure=True)
    assert page["Strict-Transport-Security"].startswith("max-age=31536000")
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.content)[1].decode()
    response = client.post(
        "/staff/login/",
        {"username": "editor", "password": PASSWORD, "csrfmiddlewaretoken": token},
        secure=True,
    )
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def test_csp_directives_are_the_documented_ones():
    assert BASE_POLICY["frame-ancestors"] == ("'none'",)
    assert all("'unsafe-inline'" not in sources for sources in BASE_POLICY.values())
