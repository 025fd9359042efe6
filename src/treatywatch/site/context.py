"""What every public page shares: the date shown, the language links and link-preview tags."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from treatywatch.config import today
from treatywatch.site.params import BadParameter

__all__ = ["OG_LOCALES", "handles_bad_parameters", "language", "page_context", "query_with"]

OG_LOCALES = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES"}
SITE_NAME = "TreatyWatch"


def language() -> str:
    """The active interface language, one of en, fr, es."""
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in OG_LOCALES else "en"


def query_with(request: HttpRequest, **changes: str | None) -> str:
    """The current query string with some parameters changed (None drops one), with '?'."""
    params = {key: value for key, value in request.GET.items() if value}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return f"?{urlencode(params)}" if params else ""


def page_context(
    request: HttpRequest,
    as_of: date | None,
    title: str,
    description: str,
    **extra: Any,
) -> dict[str, Any]:
    """Context every template of the site needs; `as_of` None for pages without a date."""
    current = today()
    as_of_given = bool(request.GET.get("as_of"))
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": translate_url(request.get_full_path(), code),
                "current": code == language(),
            }
        )
    return {
        "as_of": as_of,
        "as_of_iso": as_of.isoformat() if as_of else "",
        "as_of_is_today": as_of == current,
        "as_of_in_future": bool(as_of and as_of > current),
        "as_of_query": f"?{urlencode({'as_of': as_of.isoformat()})}"
        if as_of and as_of_given
        else "",
        "today": current,
        # Other parameters (filters, sort) ride along when the reader picks another date.
        "keep_params": [
            (key, value) for key, value in request.GET.items() if key not in ("as_of", "page")
        ],
        "site_languages": languages,
        "og": {
            "title": f"{title} · {SITE_NAME}",
            "page_title": title,
            "description": description,
            "url": request.build_absolute_uri(),
            "locale": OG_LOCALES[language()],
            "alternates": [OG_LOCALES[code] for code in OG_LOCALES if code != language()],
            "image": request.build_absolute_uri(settings.STATIC_URL + "site/og-card.png"),
        },
        **extra,
    }


def handles_bad_parameters(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Turn a BadParameter into a 400 page that names the parameter and the fix."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except BadParameter as error:
            context = page_context(
                request,
                None,
                _("Bad request"),
                error.message,
                parameter=error.name,
                message=error.message,
                path=request.path,
            )
            return render(request, "site/bad_request.html", context, status=400)

    return wrapper
