"""Content-Security-Policy for every response, with framing allowed only for embeds.

No 'unsafe-inline': scripts and styles come from files under 'self'. A template that
truly needs an inline <script> or <style> writes `nonce="{{ request.csp_nonce }}"`; the
nonce joins the policy only on responses that used it. Inline `style="…"` attributes
stay blocked: use classes (SVG presentation attributes such as fill are not styles).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

__all__ = ["ContentSecurityPolicyMiddleware", "CspNonce", "build_policy", "is_embed"]

BASE_POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    # data: for the small icons some style sheets inline; never for scripts.
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
    "frame-ancestors": ("'none'",),
}
# The badge and widget are made to be framed by any site that shows them.
EMBED_FRAME_ANCESTORS = ("*",)


class CspNonce:
    """A per-response nonce, drawn the first time a template prints it."""

    def __init__(self) -> None:
        self._value: str | None = None

    @property
    def used(self) -> bool:
        return self._value is not None

    def __str__(self) -> str:
        if self._value is None:
            self._value = secrets.token_urlsafe(18)
        return self._value


def is_embed(path: str) -> bool:
    """True for the embeddable routes, with or without a language prefix (/fr/embed/…)."""
    prefixes = tuple(getattr(settings, "TREATYWATCH_EMBED_PATHS", ("/embed/",)))
    if path.startswith(prefixes):
        return True
    language, _, rest = path.lstrip("/").partition("/")
    codes = {code for code, _name in settings.LANGUAGES}
    return language in codes and f"/{rest}".startswith(prefixes)


def build_policy(path: str, nonce: CspNonce | None = None) -> str:
    """The policy for a response to `path`, with the nonce when the response used one."""
    policy = dict(BASE_POLICY)
    if nonce is not None and nonce.used:
        token = f"'nonce-{nonce}'"
        policy["script-src"] = (*policy["script-src"], token)
        policy["style-src"] = (*policy["style-src"], token)
    if is_embed(path):
        policy["frame-ancestors"] = EMBED_FRAME_ANCESTORS
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    """Sits first so that it sees every response, including the clickjacking middleware's."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        nonce = CspNonce()
        request.csp_nonce = nonce  # type: ignore[attr-defined]
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = build_policy(request.path, nonce)
        if is_embed(request.path):
            # X-Frame-Options has no "any site" value; the CSP frame-ancestors above says it.
            del response["X-Frame-Options"]
        return response
