"""Gzip member boundaries, found from any byte offset, so one file can be split among tasks.

Common Crawl writes WARC and WET files as concatenated gzip members, one record per member.
A task given the byte range [a, b) reads the members that *start* in it: it finds the first
member start at or after `a` (`next_member_start`), then inflates member by member, so that
it knows every boundary, and stops at the first member at or after `b` that opens a record.

A member start is found by the gzip magic (1f 8b 08, reserved flag bits clear) where
inflating yields a WARC record's first bytes ('WARC/'). By chance inside compressed data
that essentially never happens, but a record can hold a gzipped WARC file as its payload,
and a compressor may store such incompressible bytes as they are: then the search finds a
start that is not one. So the search is only a guess, which the previous range checks:
the offset it stopped at (`MemberReader.stop`, found by inflating, hence true) must equal
the next range's start, and a range whose start disagrees is run again from the true one
(see `engine.reconcile`). Every member is thus read exactly once.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from treatywatch.core.extract.context import LimitExceeded, over_ratio, ratio_reason
from treatywatch.core.extract.gzip_stream import GZIP_ERRORS, isal_zlib
from treatywatch.sweep.inputs import ByteSource

GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_START = b"WARC/"
SEARCH_WINDOW = 1024 * 1024
FIRST_WINDOW = 64 * 1024
PROBE_BYTES = 16 * 1024  # enough compressed input to inflate a record's first bytes
_RESERVED_FLAGS = 0xE0


def inflates_to_warc(data: bytes) -> bool | None:
    """True when `data` begins a gzip member whose output starts with 'WARC/', False when it
    cannot, None when `data` is too short to tell."""
    if len(data) < 10:
        return None
    if not data.startswith(GZIP_MAGIC) or data[3] & _RESERVED_FLAGS:
        return False
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        output = inflater.decompress(data, len(WARC_START))
    except zlib.error:
        return False
    if len(output) >= len(WARC_START):
        return output == WARC_START
    return False if inflater.eof else None


def _is_member_start(source: ByteSource, offset: int, available: bytes) -> bool:
    verdict = inflates_to_warc(available[:PROBE_BYTES])
    if verdict is None and len(available) < PROBE_BYTES:
        verdict = inflates_to_warc(source.read_at(offset, PROBE_BYTES))
    return bool(verdict)


def next_member_start(source: ByteSource, offset: int, size: int) -> int:
    """The first offset at or after `offset` where a WARC record's gzip member starts, or
    `size` when there is none. Offset 0 is a start by definition (the planner checked it)."""
    if offset <= 0:
        return 0
    position = offset
    window_size = FIRST_WINDOW  # members are mostly a few kB: look near first, then further
    while position < size:
        # Overlap windows by the magic's length less one, so a magic across the border is seen.
        window = source.read_at(position, window_size + len(GZIP_MAGIC) - 1)
        if not window:
            break
        found = window.find(GZIP_MAGIC)
        while 0 <= found < window_size:
            if _is_member_start(source, position + found, window[found:]):
                return position + found
            found = window.find(GZIP_MAGIC, found + 1)
        position += window_size
        window_size = min(2 * window_size, SEARCH_WINDOW)
    return size


def split_ranges(size: int, chunk: int) -> list[tuple[int, int]]:
    """[a, b) byte ranges of at most `chunk` bytes covering [0, size); at least one range."""
    if size <= 0:
        return [(0, 0)]
    return [(start, min(start + chunk, size)) for start in range(0, size, max(chunk, 1))]


INPUT_CHUNK = 4 * 1024 * 1024
_MIN_STEP = 4096
_BREAKS: tuple[type[Exception], ...] = (*GZIP_ERRORS, EOFError)  # a damaged or cut member


def _inflater() -> Any:
    """A gzip member decompressor: ISA-L's when installed (twice zlib's speed), else zlib's."""
    return (isal_zlib or zlib).decompressobj(16 + zlib.MAX_WBITS)


class MemberReader:
    """Decompressed bytes of the gzip members that start in [start, end), read member by
    member so that every boundary is known.

    `start` must be a member start. Reading stops at the first member that starts at or
    after `end` and begins a WARC record (the boundary `next_member_start(end)` finds, when
    that search was not misled); `stop` is then its offset, the proof the next range checks
    its own start against. A break in the data ends the stream early with `damage` set;
    output beyond `max_ratio` times the input read raises LimitExceeded.
    """

    def __init__(
        self, raw: BinaryIO, start: int, end: int | None, max_ratio: float = float("inf")
    ) -> None:
        self.start = start
        self.end = end
        self.stop: int | None = None
        self.damage: BaseException | None = None
        self.output = 0
        self._raw = raw
        self._max_ratio = max_ratio
        self._buffer = b""
        self._pos = 0  # in _buffer
        self._base = start  # file offset of _buffer[0]
        self._exhausted = False
        self._chunks = self._inflate()
        self._pending = b""

    @property
    def compressed(self) -> int:
        """Compressed bytes consumed so far."""
        return self._base + self._pos - self.start

    def read(self, size: int = -1) -> bytes:
        """Up to `size` decompressed bytes (fewer is not the end); b"" at the end."""
        if not self._pending:
            self._pending = next(self._chunks, b"")
        if size < 0 or size >= len(self._pending):
            chunk, self._pending = self._pending, b""
        else:
            chunk, self._pending = self._pending[:size], self._pending[size:]
        return chunk

    def _fill(self, wanted: int) -> None:
        """Make `wanted` bytes available after _pos, unless the input ends first."""
        while not self._exhausted and len(self._buffer) - self._pos < wanted:
            size = INPUT_CHUNK
            if self.end is not None:
                # A small range needs little more than itself: do not read megabytes past it.
                size = min(size, max(self.end - self._base - len(self._buffer), 0) + PROBE_BYTES)
            more = self._raw.read(max(size, wanted))
            if not more:
                self._exhausted = True
                break
            self._base += self._pos
            self._buffer = self._buffer[self._pos :] + more
            self._pos = 0

    def _inflate(self) -> Iterator[bytes]:
        step = PROBE_BYTES
        try:
            while True:
                self._fill(step)
                if self._pos >= len(self._buffer):
                    self.stop = self._base + self._pos  # the end of the input
                    return
                member_start = self._base + self._pos
                inflater = _inflater()
                first = b""
                deciding = self.end is not None and member_start >= self.end
                while True:
                    self._fill(step)
                    piece = memoryview(self._buffer)[self._pos : self._pos + step]
                    if not piece:
                        raise EOFError("compressed file ended before the end-of-stream marker")
                    output = inflater.decompress(piece)
                    if inflater.eof:
                        self._pos += len(piece) - len(inflater.unused_data)
                    else:
                        self._pos += len(piece)
                    if deciding:
                        # Past the range's end: the first member opening a record is the
                        # next range's. Decide once its first bytes are known.
                        first += output
                        if len(first) < len(WARC_START) and not inflater.eof:
                            continue
                        if first.startswith(WARC_START):
                            self.stop = member_start
                            return
                        deciding, output = False, first
                    if output:
                        self.output += len(output)
                        if over_ratio(self.output, self.compressed, self._max_ratio):
                            ratio = self.output / max(self.compressed, 1)
                            raise LimitExceeded(ratio_reason(ratio, self._max_ratio, at_least=True))
                        yield output
                    if inflater.eof:
                        break
                # Most members are alike in size: a step of twice the last one seldom
                # needs a second call, and bounds what `unused_data` copies.
                last_size = self._base + self._pos - member_start
                step = min(max(_MIN_STEP, 2 * last_size), INPUT_CHUNK)
        except _BREAKS as error:
            self.damage = error
