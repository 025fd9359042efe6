"""The hot path: walk a WARC/WET stream in large blocks and look closely only where needed.

Each block of decompressed bytes is split into records by their headers (Content-Length),
and the detector's byte prefilter runs once over the whole block. A WET conversion record
with no prefilter hit in its payload cannot hold a mention (`Detector.detect` starts with the
same prefilter over the same bytes: the payload decoded as UTF-8, where undecodable bytes
become U+FFFD, which no pattern contains), so it is only counted. Every other record that
matters (a conversion record with a hit, a response or resource record) is handed, alone,
to the extractor `treatywatch scan` uses, so its documents and mentions are the same.

Anything irregular (a header this walker does not read with certainty, a record over the
size limit, a missing record separator) hands the rest of the stream to that extractor.
"""

from __future__ import annotations

import io
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import BinaryIO

from treatywatch.core.detect import Detector
from treatywatch.core.detect.detector import QUICK_REACH
from treatywatch.core.extract import Extracted, Limits, Skipped, iter_warc_records

BLOCK = 8 * 1024 * 1024
MAX_HEADER = 64 * 1024
RECORD_END = b"\r\n\r\n"
# Types the extractor passes over without reading: no document in them.
_IGNORED = {b"warcinfo", b"request", b"metadata", b"revisit", b"continuation"}
_CONVERSION = b"conversion"
_CAPITAL_SIGMA = "Σ".encode()

Result = Extracted | Skipped
OnResult = Callable[[Result], None]


class Irregular(Exception):
    """A record this walker will not read itself; the extractor takes over from it."""


@dataclass(frozen=True, slots=True)
class Span:
    """One record's place in a block."""

    start: int
    payload_start: int
    payload_end: int
    end: int
    kind: bytes
    has_id: bool
    language: bytes  # WARC-Identified-Content-Language, as written


def _field(header: bytes, name: bytes) -> bytes | None:
    """The value of the header line `name` (lower case, with its colon) in the lower-cased
    `header`; None when absent. Raises Irregular when it is repeated."""
    at = header.find(name)
    if at < 0:
        return None
    if header.find(name, at + len(name)) >= 0:
        raise Irregular(f"repeated {name.decode().strip()}")
    line_end = header.find(b"\r\n", at + len(name))
    return header[at + len(name) : line_end].strip(b" \t")


def parse_header(buf: bytes, pos: int, max_payload: int) -> Span | int:
    """The record starting at `pos`, or how many bytes from `pos` are needed to read it.

    Raises Irregular when the record is not one this walker reads with certainty."""
    available = len(buf) - pos
    if available < 5:
        return max(5, available + 1)
    if not buf.startswith(b"WARC/", pos):
        raise Irregular("no WARC/ record start")
    header_end = buf.find(RECORD_END, pos, pos + MAX_HEADER)
    if header_end < 0:
        if available >= MAX_HEADER:
            raise Irregular("header too long")
        return available + BLOCK
    # Field names are case-insensitive; lower-casing the short header once is cheapest.
    header = buf[pos : header_end + 2].lower()
    length = _field(header, b"\r\ncontent-length:")
    if length is None or not length.isdigit():
        raise Irregular("no Content-Length")
    kind = _field(header, b"\r\nwarc-type:") or b""
    has_id = _field(header, b"\r\nwarc-record-id:") is not None
    if int(length) > max_payload:
        raise Irregular("record over the size limit")
    payload_start = header_end + 4
    payload_end = payload_start + int(length)
    end = payload_end + len(RECORD_END)
    if end > len(buf):
        return end - pos
    if not buf.startswith(RECORD_END, payload_end):
        raise Irregular("no record separator after the payload")
    language = _field(header, b"\r\nwarc-identified-content-language:") or b""
    return Span(pos, payload_start, payload_end, end, kind, has_id, language)


class _Chained(io.RawIOBase):
    """`head` then the rest of `tail`: hands a stream over from the middle of a block."""

    def __init__(self, head: bytes, tail: BinaryIO) -> None:
        self._head = head
        self._tail = tail

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._head:
            size = min(len(view), len(self._head))
            view[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        chunk = self._tail.read(len(view))
        view[: len(chunk)] = chunk
        return len(chunk)


@dataclass
class WalkStats:
    """What the walk saw: uncompressed bytes, documents only counted, records completed."""

    bytes: int = 0
    counted_documents: int = 0
    # The declared language of each document only counted, as written ('slv,eng').
    counted_languages: Counter[bytes] = field(default_factory=Counter)
    complete_records: int = 0
    cut_short: bool = False  # the stream broke inside a record, which was dropped


class Walker:
    """Walks one decompressed WARC/WET stream. `on_result` receives what the extractor
    yields for each record handed to it; `stats` counts what was only counted.

    `position_label(offset)` names a record without a WARC-Record-ID by its offset in this
    stream, the way the extractor names it by its offset in the whole file.
    """

    def __init__(
        self,
        label: str,
        detector: Detector,
        limits: Limits,
        on_result: OnResult,
        position_label: Callable[[int], str] = str,
    ) -> None:
        self.label = label
        self.detector = detector
        self.limits = limits
        self.on_result = on_result
        self.position_label = position_label
        self.stats = WalkStats()

    def walk(self, stream: BinaryIO, damaged: Callable[[], bool] = lambda: False) -> None:
        """Read `stream` to its end; `damaged()` tells whether its end was a break."""
        buf = b""
        base = 0  # offset of buf[0] in the stream
        need = BLOCK
        at_end = False
        while True:
            parts = [buf]
            size = len(buf)
            while not at_end and size < need:
                chunk = stream.read(BLOCK)
                if not chunk:
                    at_end = True
                    break
                parts.append(chunk)
                size += len(chunk)
            if len(parts) > 1:
                buf = b"".join(parts)
            consumed, need, irregular = self._block(buf, base)
            if irregular:
                self._hand_over(buf[consumed:], stream, base + consumed)
                return
            buf = buf[consumed:]
            base += consumed
            if at_end:
                if buf and damaged():
                    # As the extractor does: a record the break may have cut is not guessed.
                    self.stats.cut_short = True
                elif buf:
                    self._hand_over(buf, stream, base)
                return

    def _block(self, buf: bytes, base: int) -> tuple[int, int, bool]:
        """Read the complete records in `buf`: bytes consumed, bytes needed to read the next
        record, and whether the next one is irregular."""
        spans: list[Span] = []
        pos = 0
        need = BLOCK
        irregular = False
        while pos < len(buf):
            try:
                found = parse_header(buf, pos, self.limits.max_bytes)
            except Irregular:
                irregular = True
                break
            if isinstance(found, int):
                need = max(BLOCK, found)
                break
            spans.append(found)
            pos = found.end
        self._records(buf, base, spans)
        return pos, need, irregular

    def _records(self, buf: bytes, base: int, spans: list[Span]) -> None:
        if not spans:
            return
        flagged = self._flagged(buf, spans)
        stats = self.stats
        for index, span in enumerate(spans):
            stats.complete_records += 1
            stats.bytes += span.end - span.start
            if span.kind == _CONVERSION and index not in flagged:
                stats.counted_documents += 1
                stats.counted_languages[span.language] += 1
            elif span.kind not in _IGNORED:
                record = io.BytesIO(buf[span.start : span.end])
                for result in iter_warc_records(record, self.label, self.limits):
                    self.on_result(
                        result if span.has_id else self._renamed(result, base + span.start, 0)
                    )

    def _flagged(self, buf: bytes, spans: list[Span]) -> set[int]:
        """Indexes of conversion records with a prefilter hit in their payload that passes
        the detector's quick look (see `_worth_a_look`)."""
        if not any(span.kind == _CONVERSION for span in spans):
            return set()
        payload_ends = [span.payload_end for span in spans]
        last = spans[-1].end
        flagged: set[int] = set()
        for hit in sorted(set(self.detector.prefilter.scan_bytes(buf))):
            index = bisect_left(payload_ends, hit)
            if hit > last or index >= len(spans) or index in flagged:
                continue
            span = spans[index]
            if hit > span.payload_start and self._worth_a_look(buf, span, hit):
                flagged.add(index)
        return flagged

    def _worth_a_look(self, buf: bytes, span: Span, hit: int) -> bool:
        """The detector's quick look, on bytes around the hit within the payload.

        `Detector.detect` looks at QUICK_REACH characters either side of each hit and
        returns nothing when no look passes. Four bytes a character at most, so this
        window holds that one, and the look only asks whether some word or mark occurs in
        it: a larger window cannot pass less. The one exception is lower-casing: a capital
        sigma lowers to final 'ς' or to 'σ' depending on the next letter, which a window
        border can change, so a window holding one is always looked at closely.
        """
        reach = 4 * QUICK_REACH
        around = buf[max(span.payload_start, hit - reach) : min(span.payload_end, hit + reach)]
        if _CAPITAL_SIGMA in around:
            return True
        return self.detector.quick_look(around.decode("utf-8", "ignore"))

    def _hand_over(self, head: bytes, stream: BinaryIO, start: int) -> None:
        """The extractor reads on from `head` to the end of the stream."""
        rest = _Counted(_Chained(head, stream))
        for result in iter_warc_records(rest, self.label, self.limits):  # type: ignore[arg-type]
            self.on_result(self._renamed(result, start, None))
        self.stats.bytes += rest.count

    def _renamed(self, result: Result, start: int, offset: int | None) -> Result:
        """Rename a record the extractor named by its offset in the part it was given
        (`offset`, or read from the name) to its offset in this stream."""
        prefix = self.label + "#"
        if not result.source.startswith(prefix):
            return result
        position, bang, member = result.source[len(prefix) :].partition("!")
        if not position.isdigit() or (offset is not None and int(position) != offset):
            return result  # a WARC-Record-ID, which needs no renaming
        renamed = prefix + self.position_label(start + int(position)) + bang + member
        if isinstance(result, Extracted):
            return replace(result, source=renamed)
        return Skipped(renamed, result.reason)


class _Counted(io.RawIOBase):
    """Counts the bytes read through it."""

    def __init__(self, stream: io.RawIOBase) -> None:
        self._stream = stream
        self.count = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        # FastWARC asks for the position before reading.
        return self.count

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        size = self._stream.readinto(buffer) or 0
        self.count += size
        return size
