"""Gzip decompression: ISA-L (``isal.igzip``) when installed, else the stdlib's zlib."""

from __future__ import annotations

import gzip
import importlib
import io
import zlib
from types import ModuleType
from typing import BinaryIO, cast

from treatywatch.core.extract.context import LimitExceeded, over_ratio, ratio_reason


def _optional(module: str) -> ModuleType | None:
    try:
        return importlib.import_module(module)
    except ImportError:  # isal is optional: zlib gives the same bytes, only slower
        return None


igzip = _optional("isal.igzip")
isal_zlib = _optional("isal.isal_zlib")

BACKENDS = ("isal", "zlib")
DEFAULT_BACKEND = "isal" if igzip is not None else "zlib"
# What a damaged gzip stream raises, whichever backend reads it (ISA-L's error is no OSError).
GZIP_ERRORS: tuple[type[Exception], ...] = (OSError, EOFError, zlib.error) + (
    (isal_zlib.error,) if isal_zlib is not None else ()
)
GZIP_OR_VALUE_ERRORS: tuple[type[Exception], ...] = (*GZIP_ERRORS, ValueError)


def open_gzip(stream: BinaryIO, backend: str | None = None) -> BinaryIO:
    """A reader of the decompressed bytes of ``stream``, gzip members concatenated."""
    chosen = backend or DEFAULT_BACKEND
    if chosen == "isal":
        if igzip is None:
            raise ValueError("gzip backend 'isal' is not installed")
        return cast(BinaryIO, igzip.GzipFile(fileobj=stream, mode="rb"))
    if chosen == "zlib":
        return cast(BinaryIO, gzip.GzipFile(fileobj=stream, mode="rb"))
    raise ValueError(f"unknown gzip backend {chosen!r}; choose one of {', '.join(BACKENDS)}")


class CountingReader(io.RawIOBase):
    """Counts the bytes read through it, so a decompression ratio can be watched as it grows."""

    def __init__(self, stream: BinaryIO, prefix: bytes = b"") -> None:
        self._stream = stream
        self._prefix = prefix  # bytes already read from the stream to sniff its format
        self.count = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        # FastWARC asks for the position before reading; unanswered, it panics.
        return self.count

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._prefix:
            size = min(len(view), len(self._prefix))
            view[:size] = self._prefix[:size]
            self._prefix = self._prefix[size:]
        else:
            chunk = self._stream.read(len(view))
            size = len(chunk)
            view[:size] = chunk
        self.count += size
        return size


class RatioGuard(io.RawIOBase):
    """Passes decompressed bytes through, raising once output outgrows input by the ratio."""

    def __init__(
        self, decompressed: BinaryIO, compressed: CountingReader, max_ratio: float
    ) -> None:
        self._decompressed = decompressed
        self._compressed = compressed
        self._max_ratio = max_ratio
        self.count = 0
        self.damage: Exception | None = None

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        # FastWARC asks for the position before reading; unanswered, it panics.
        return self.count

    def read(self, size: int = -1) -> bytes:
        if self.damage is not None:
            return b""
        try:
            # read1: one inflate step per call, so output before a damaged spot is not lost
            # with the exception (a buffered read(n) would discard what it had gathered).
            chunk: bytes = self._decompressed.read1(size)  # type: ignore[attr-defined]
        except GZIP_ERRORS as exc:
            # End the stream here so the parser can hand over the records before the damage.
            self.damage = exc
            return b""
        self.count += len(chunk)
        if over_ratio(self.count, self._compressed.count, self._max_ratio):
            ratio = self.count / max(self._compressed.count, 1)
            raise LimitExceeded(ratio_reason(ratio, self._max_ratio, at_least=True))
        return chunk

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        chunk = self.read(len(view))
        view[: len(chunk)] = chunk
        return len(chunk)
