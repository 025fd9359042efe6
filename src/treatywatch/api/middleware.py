"""HTTP manners of the API: CORS for reading, HEAD as GET, one error body everywhere."""

from __future__ import annotations

import json
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.translation import gettext as _

from treatywatch.api.errors import error_body

__all__ = ["ApiHttpMiddleware"]

PREFIX = "/api/"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
# Headers a browser may send cross-origin beyond the always-safe ones.
ALLOWED_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
EXPOSED_HEADERS = "ETag, Content-Language"


def _error_for(response: HttpResponseBase) -> tuple[str, str]:
    status = response.status_code
    if status == 404:
        return "not_found", _("Nothing is published at this address.")
    if status == 405:
        return "method_not_allowed", _("This address only answers %(methods)s.") % {
            "methods": ALLOWED_METHODS
        }
    if status >= 500:
        return "server_error", _("The server failed to answer; it was logged.")
    return "http_error", _("The request could not be answered.")


class ApiHttpMiddleware:
    """Wraps every response under /api/, including Django's own 404 and 500 pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response: HttpResponseBase = HttpResponse(status=204)
            del response["Content-Type"]
            response["Allow"] = ALLOWED_METHODS
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
            response["Access-Control-Max-Age"] = "86400"
        else:
            head = request.method == "HEAD"
            if head:
                # Answered exactly as GET, so headers and ETag agree; the body is dropped.
                request.method = "GET"
            response = self.get_response(request)
            if response.status_code >= 400 and not response.get("Content-Type", "").startswith(
                "application/json"
            ):
                response = self._as_error_body(response)
            if head and isinstance(response, HttpResponse):
                length = len(response.content)
                response.content = b""
                response["Content-Length"] = str(length)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response

    @staticmethod
    def _as_error_body(original: HttpResponseBase) -> HttpResponse:
        code, message = _error_for(original)
        response = HttpResponse(
            json.dumps(error_body(code, message), ensure_ascii=False),
            status=original.status_code,
            content_type="application/json",
        )
        # Keep what inner middleware added (security headers, Vary), not the old body's type.
        for header, value in original.items():
            if header.lower() not in ("content-type", "content-length"):
                response[header] = value
        if original.status_code == 405:
            response["Allow"] = ALLOWED_METHODS
        return response
