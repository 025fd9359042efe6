"""Whole public pages cached per process until the data changes (or the day turns).

The public pages hold nothing personal (no session, no CSRF token), so one rendering serves
every reader of the same URL, host and language. The key starts with the data version, so an
edit made anywhere is visible on the next request; memory is bounded by bytes, oldest out first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse

from treatywatch.config import today
from treatywatch.site.context import language
from treatywatch.site.freshness import data_version

__all__ = ["MAX_BYTES", "cached_page", "clear_page_cache"]

MAX_BYTES = 48 * 1024 * 1024
_KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Cache-Control")


class _Store:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.entries: OrderedDict[Hashable, tuple[bytes, list[tuple[str, str]], bool]] = (
            OrderedDict()
        )
        self.lock = threading.Lock()

    def get(self, key: Hashable) -> tuple[bytes, list[tuple[str, str]], bool] | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key: Hashable, entry: tuple[bytes, list[tuple[str, str]], bool]) -> None:
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = entry
            self.size += len(entry[0])
            while self.size > self.max_bytes and self.entries:
                _, (content, _, _) = self.entries.popitem(last=False)
                self.size -= len(content)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0


_STORE = _Store(MAX_BYTES)


def clear_page_cache() -> None:
    _STORE.clear()


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a successful GET of `view` from memory while the data and the day stay the same."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key = (
            data_version(),
            today(),
            language(),
            request.get_host(),
            request.is_secure(),
            request.get_full_path(),
        )
        hit = _STORE.get(key)
        if hit is not None:
            content, headers, frameable = hit
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            if frameable:
                response.xframe_options_exempt = True  # type: ignore[attr-defined]
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            headers = [(name, response[name]) for name in _KEPT_HEADERS if name in response]
            frameable = bool(getattr(response, "xframe_options_exempt", False))
            _STORE.put(key, (response.content, headers, frameable))
        return response

    return wrapper
