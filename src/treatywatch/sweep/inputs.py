"""Where a sweep reads bytes from: a local file or a URL, both read by byte range.

A task reads only its own range of an input, so one large file can be shared among workers.
URLs are read with HTTP range requests over httpx; a dropped connection resumes where it
stopped, and a server that ignores ranges is read whole by a single task.
"""

from __future__ import annotations

import io
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import httpx

from treatywatch import __version__

USER_AGENT = f"TreatyWatch-sweep/{__version__} (reference detection over web crawls)"
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
RETRIES = 4  # Common Crawl answers 503 'slow down' under load; backing off gets through
BACKOFF_SECONDS = 0.5
_RETRY_STATUSES = {429, 500, 502, 503, 504}
_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")
STREAM_CHUNK = 1024 * 1024


class FetchError(OSError):
    """A URL could not be read; the message names the URL and the byte offset."""


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


class ByteSource(Protocol):
    """Random access to one input, by offset."""

    location: str
    size: int | None

    def read_at(self, offset: int, size: int) -> bytes: ...

    def open_range(self, start: int, end: int | None) -> io.RawIOBase: ...


class _FileRange(io.RawIOBase):
    """Bytes [start, end) of a local file, read with pread so the offset is never shared."""

    def __init__(self, path: str, start: int, end: int | None) -> None:
        self._fd = os.open(path, os.O_RDONLY)
        self._position = start
        self._end = end if end is not None else os.fstat(self._fd).st_size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        wanted = min(len(view), self._end - self._position)
        if wanted <= 0:
            return 0
        chunk = os.pread(self._fd, wanted, self._position)
        view[: len(chunk)] = chunk
        self._position += len(chunk)
        return len(chunk)

    def close(self) -> None:
        if not self.closed:
            os.close(self._fd)
        super().close()


@dataclass
class LocalSource:
    location: str
    size: int | None = None

    def __post_init__(self) -> None:
        if self.size is None:
            self.size = Path(self.location).stat().st_size

    def read_at(self, offset: int, size: int) -> bytes:
        with Path(self.location).open("rb") as handle:
            handle.seek(offset)
            return handle.read(size)

    def open_range(self, start: int, end: int | None) -> io.RawIOBase:
        return _FileRange(self.location, start, end)


@lru_cache(maxsize=1)
def http_client() -> httpx.Client:
    """One pooled client per process (each Dask worker builds its own)."""
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        timeout=TIMEOUT,
        follow_redirects=True,
    )


def _range_header(start: int, end: int | None) -> dict[str, str]:
    return {"Range": f"bytes={start}-{'' if end is None else end - 1}"}


def _should_retry(status: int) -> bool:
    return status in _RETRY_STATUSES


class _HttpRange(io.RawIOBase):
    """A ranged GET streamed chunk by chunk; a broken connection is reopened at the byte it
    stopped at, up to RETRIES times."""

    def __init__(self, source: HttpSource, start: int, end: int | None) -> None:
        self._source = source
        self._position = start
        self._end = end
        self._pending = b""
        self._chunks: Iterator[bytes] | None = None
        self._response: httpx.Response | None = None
        self._failures = 0

    def readable(self) -> bool:
        return True

    def _open(self) -> None:
        self._response = self._source.stream(self._position, self._end)
        self._chunks = self._response.iter_raw(STREAM_CHUNK)

    def _next_chunk(self) -> bytes:
        while True:
            if self._chunks is None:
                self._open()
            assert self._chunks is not None
            try:
                return next(self._chunks, b"")
            except httpx.TransportError as error:
                self._drop()
                self._failures += 1
                if self._failures > RETRIES:
                    raise FetchError(
                        f"{self._source.location}: download failed at byte {self._position}: "
                        f"{error}"
                    ) from error
                time.sleep(BACKOFF_SECONDS * 2 ** (self._failures - 1))

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._end is not None and self._position >= self._end:
            return 0
        if not self._pending:
            self._pending = self._next_chunk()
        size = min(len(view), len(self._pending))
        if self._end is not None:
            # A server that ignores the range sends the whole file: stop at the range's end.
            size = min(size, self._end - self._position)
        view[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        self._position += size
        return size

    def _drop(self) -> None:
        if self._response is not None:
            self._response.close()
        self._response = None
        self._chunks = None

    def close(self) -> None:
        self._drop()
        super().close()


@dataclass
class HttpSource:
    """A URL read by ranges. `size` is None until probed, and stays None when the server
    does not say (then the URL is read whole, in one task)."""

    location: str
    size: int | None = None
    accepts_ranges: bool = False
    client: httpx.Client | None = None

    def _client(self) -> httpx.Client:
        return self.client or http_client()

    def _send(self, start: int, end: int | None) -> httpx.Response:
        """A streamed GET of [start, end), retried with backoff on transient failures."""
        last: Exception | None = None
        for attempt in range(RETRIES + 1):
            if attempt:
                time.sleep(BACKOFF_SECONDS * 2 ** (attempt - 1))
            headers = _range_header(start, end) if (start or end is not None) else {}
            request = self._client().build_request("GET", self.location, headers=headers)
            try:
                response = self._client().send(request, stream=True)
            except httpx.TransportError as error:
                last = error
                continue
            if _should_retry(response.status_code):
                response.close()
                last = FetchError(f"HTTP {response.status_code}")
                continue
            return response
        raise FetchError(f"{self.location}: unreachable after {RETRIES + 1} tries: {last}")

    def stream(self, start: int, end: int | None) -> httpx.Response:
        response = self._send(start, end)
        if response.status_code == 206 or (response.status_code == 200 and start == 0):
            return response
        response.close()
        raise FetchError(
            f"{self.location}: HTTP {response.status_code} for bytes {start}-"
            f"{'' if end is None else end - 1}"
        )

    def probe(self, head_size: int = 65536) -> bytes:
        """Learn the size and range support from a ranged GET of the first bytes; return them."""
        response = self._send(0, head_size)
        try:
            if response.status_code == 206:
                match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
                self.accepts_ranges = True
                if match and match.group(3) != "*":
                    self.size = int(match.group(3))
            elif response.status_code == 200:
                length = response.headers.get("Content-Length")
                self.size = int(length) if length and length.isdigit() else None
            else:
                raise FetchError(f"{self.location}: HTTP {response.status_code}")
            head = b""
            for chunk in response.iter_raw(STREAM_CHUNK):
                head += chunk
                if len(head) >= head_size:
                    break
            return head[:head_size]
        finally:
            response.close()

    def read_at(self, offset: int, size: int) -> bytes:
        if self.size is not None and offset >= self.size:
            return b""
        with self.open_range(offset, offset + size) as reader:
            return reader.read()

    def open_range(self, start: int, end: int | None) -> io.RawIOBase:
        return _HttpRange(self, start, end)


def open_source(location: str, size: int | None = None) -> ByteSource:
    if is_url(location):
        return HttpSource(location, size=size, accepts_ranges=size is not None)
    return LocalSource(location, size=size)
