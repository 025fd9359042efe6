"""The address a login attempt came from, as django-axes should count it.

In production TreatyWatch runs behind a TLS-terminating reverse proxy (the settings
already trust its X-Forwarded-Proto), so REMOTE_ADDR is the proxy's own address. The
proxy appends the address it saw to X-Forwarded-For; that last entry is the only one a
client cannot forge. Elsewhere the direct peer address is used.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

__all__ = ["client_address"]


def client_address(request: HttpRequest) -> str | None:
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "PRODUCTION", False) and forwarded.strip():
        return forwarded.split(",")[-1].strip() or None
    return request.META.get("REMOTE_ADDR")
