"""One error body for every API failure: {"error": {"code", "message", "field"}}."""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import HttpError, ValidationError

if TYPE_CHECKING:
    from ninja import NinjaAPI

__all__ = ["ApiError", "error_body", "error_response", "install_error_handlers"]

logger = logging.getLogger("treatywatch.api")


class ApiError(Exception):
    """A failure the client can act on: its status, a stable code and a readable message."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field


def error_body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "field": field}}


def error_response(status: int, code: str, message: str, field: str | None = None) -> HttpResponse:
    return HttpResponse(
        json.dumps(error_body(code, message, field), ensure_ascii=False),
        status=status,
        content_type="application/json",
    )


def _field_of(error: dict[str, Any]) -> str | None:
    # ninja puts the parameter's location first ("query", "path"); the name follows.
    names = [str(part) for part in error.get("loc", ())[1:]]
    return ".".join(names) or None


def _on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    first = exc.errors[0] if exc.errors else {}
    field = _field_of(first)
    message = str(first.get("msg", _("invalid request")))
    if field:
        message = f"{field}: {message}"
    return error_response(400, "invalid_parameter", message, field)


def _on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
    return error_response(exc.status, exc.code, exc.message, exc.field)


def _on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return error_response(exc.status_code, "http_error", exc.message)


def _on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(404, "not_found", _("Nothing is published at this address."))


def _on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    # Logged in full for the operators; the client gets no internals.
    logger.exception("API failure on %s", request.get_full_path())
    return error_response(500, "server_error", _("The server failed to answer; it was logged."))


def install_error_handlers(api: NinjaAPI) -> None:
    """Replace ninja's default error bodies with the one shape."""
    api.add_exception_handler(ValidationError, _on_validation_error)
    api.add_exception_handler(ApiError, _on_api_error)
    api.add_exception_handler(HttpError, _on_http_error)
    api.add_exception_handler(Http404, _on_not_found)
    api.add_exception_handler(Exception, _on_unexpected)
