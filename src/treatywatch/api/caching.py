"""Answers computed once per version of the data, served with an ETag and 304s.

The engine rebuilds every State's status from the whole record (about 25 ms); the API
answers the same question many times between two edits. A version of the data is read
in one query: the newest audit-log entry (every save of a record through Django) and the
newest dataset load (every `update-data`). Writes that bypass both — `import` updating
rows in place — are picked up when an entry expires after `TTL_SECONDS`.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from treatywatch.config import today
from treatywatch.treaties.repository import Record, load_record

__all__ = [
    "TTL_SECONDS",
    "CachedBody",
    "Snapshot",
    "answer",
    "clear",
    "current_record",
    "data_version",
    "json_response",
]

TTL_SECONDS = 60.0
CACHE_CONTROL = "public, max-age=60"
_generation = 0
_lock = threading.Lock()


# Apps whose rows change answers: the record, the evidence, the outreach log (targets) and
# the monitor's counts of documents read (attention).
RECORD_APPS = frozenset({"treaties", "events", "references", "outreach", "monitor"})


def _bump(sender: Any, **_: Any) -> None:
    """A save of any record in this process makes every cached answer stale at once."""
    global _generation
    if getattr(getattr(sender, "_meta", None), "app_label", None) not in RECORD_APPS:
        return  # sessions, login attempts and log entries change no answer
    with _lock:
        _generation += 1


for _signal in (post_save, post_delete, m2m_changed):
    _signal.connect(_bump, dispatch_uid=f"treatywatch-api-{_signal!r}")


def data_version() -> tuple[int, int | None, int | None]:
    """This process's save counter, the newest audit entry and the newest dataset load."""
    from auditlog.models import LogEntry

    from treatywatch.treaties.models import DatasetLoad

    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT MAX(id) FROM {quote(LogEntry._meta.db_table)}), "
            f"(SELECT MAX(id) FROM {quote(DatasetLoad._meta.db_table)})"
        )
        audit, load = cursor.fetchone()
    return _generation, audit, load


@dataclass(frozen=True)
class CachedBody:
    content: bytes
    etag: str


class _LruCache:
    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Hashable) -> Any:
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry[1] < time.monotonic():
                del self.entries[key]
                return None
            self.entries.move_to_end(key)
            return entry[0]

    def put(self, key: Hashable, value: Any) -> None:
        with self.lock:
            self.entries[key] = (value, time.monotonic() + TTL_SECONDS)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


_bodies = _LruCache(256)
_records = _LruCache(2)


def clear() -> None:
    """Forget every cached answer (tests; after writing outside Django's signals)."""
    _bodies.clear()
    _records.clear()


def current_record(version: Hashable | None = None) -> Record:
    """The engine's record, read once per data version."""
    version = version or data_version()
    record = _records.get(version)
    if record is None:
        record = load_record()
        _records.put(version, record)
    return record


def encode(payload: Any) -> CachedBody:
    content = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    return CachedBody(content, etag)


def _matches(if_none_match: str, etag: str) -> bool:
    # Weak comparison (RFC 9110 §13.1.2): a W/ prefix does not matter for GET.
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in tags or etag in tags


def json_response(request: HttpRequest, body: CachedBody) -> HttpResponse:
    """The body with its ETag, or 304 Not Modified when the client already has it."""
    if _matches(request.headers.get("If-None-Match", ""), body.etag):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body.content, content_type="application/json")
    response["ETag"] = body.etag
    response["Cache-Control"] = CACHE_CONTROL
    return response


@dataclass
class Snapshot:
    """One version of the data; the engine's record is read from it only if asked for."""

    version: Hashable

    @cached_property
    def record(self) -> Record:
        return current_record(self.version)


def answer(request: HttpRequest, key: Hashable, compute: Callable[[Snapshot], Any]) -> HttpResponse:
    """JSON of `compute(snapshot)`, computed once per key, data version, day and language.

    Validate parameters before calling this: only good answers are stored.
    """
    version = data_version()
    full_key = (key, version, today(), translation.get_language())
    body = _bodies.get(full_key)
    if body is None:
        body = encode(compute(Snapshot(version)))
        _bodies.put(full_key, body)
    return json_response(request, body)
