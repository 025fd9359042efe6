"""WARC and WET files, streamed record by record (FastWARC parses; ISA-L or zlib inflates).

A file is never loaded whole: the gzip layer is read in chunks under a ratio guard, and
each record's payload is read up to ``max_bytes``. Response records holding a document
(HTML, plain text, PDF, DOCX, ODT) are extracted; requests, metadata, redirects, error
pages and media are passed over silently, because they are not documents.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from treatywatch.core.extract.context import LimitExceeded, size_reason
from treatywatch.core.extract.gzip_stream import CountingReader, RatioGuard, open_gzip
from treatywatch.core.extract.html_page import extract_html
from treatywatch.core.extract.plain import decode_text
from treatywatch.core.extract.records import DEFAULT_LIMITS, Extracted, Limits, Result, Skipped
from treatywatch.core.extract.sniff import looks_like_html, sniff_binary

Dispatch = Callable[[bytes, str], Iterator[Result]]

HTML_TYPES = {"text/html", "application/xhtml+xml"}
DOCUMENT_TYPES = {
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
    "message/rfc822",
}
# A panic inside FastWARC surfaces as pyo3's PanicException, a BaseException: catch it too.
RUST_PANICS: tuple[type[BaseException], ...] = tuple(
    cls for cls in BaseException.__subclasses__() if cls.__name__ == "PanicException"
)
READ_CHUNK = 1024 * 1024
_MALFORMED = (WarcRecordType.no_type, WarcRecordType.unknown)  # no_type is 0: no bitmask
RECOVERABLE: tuple[type[BaseException], ...] = (Exception, *RUST_PANICS)
_WANTED = WarcRecordType.response | WarcRecordType.resource | WarcRecordType.conversion


def _record_source(source: str, record: WarcRecord) -> str:
    record_id = (record.record_id or "").strip().strip("<>")
    return f"{source}#{record_id or record.stream_pos}"


def _read_payload(record: WarcRecord, limit: int) -> bytes | None:
    """The payload, or None when it is over the limit (the parser skips the rest)."""
    parts = []
    allowed = limit + 1
    # Modest reads: FastWARC allocates the full requested size on every read call.
    while allowed > 0 and (chunk := record.reader.read(min(READ_CHUNK, allowed))):
        parts.append(chunk)
        allowed -= len(chunk)
    return None if allowed <= 0 else b"".join(parts)


def _wet_record(record: WarcRecord, rec_source: str, limits: Limits) -> Result:
    payload = _read_payload(record, limits.max_bytes)
    if payload is None:
        return Skipped(rec_source, size_reason(record.content_length, limits.max_bytes))
    headers = record.headers
    return Extracted(
        source=rec_source,
        # WET conversion records are UTF-8 by definition; a stray byte must not lose a record.
        text=payload.decode("utf-8", errors="replace"),
        format="wet",
        url=headers.get("WARC-Target-URI") or None,
        language=headers.get("WARC-Identified-Content-Language") or None,
    )


def _content_type(record: WarcRecord) -> str | None:
    if record.is_http:
        return (record.http_content_type or "").lower() or None
    declared = record.headers.get("Content-Type") or ""
    return declared.split(";", 1)[0].strip().lower() or None


def _document_record(
    record: WarcRecord, rec_source: str, limits: Limits, dispatch: Dispatch | None
) -> Iterator[Result]:
    if record.is_http:
        status = record.http_headers.status_code if record.http_headers else None
        if status is None or not 200 <= status < 300:
            return
    content_type = _content_type(record)
    url = record.headers.get("WARC-Target-URI") or None
    if content_type is not None and not (
        content_type in HTML_TYPES or content_type == "text/plain" or content_type in DOCUMENT_TYPES
    ):
        return
    payload = _read_payload(record, limits.max_bytes)
    if payload is None:
        yield Skipped(rec_source, size_reason(record.content_length, limits.max_bytes))
        return
    head = payload[:8192]
    results: Iterator[Result]
    binary_kind = sniff_binary(head)
    if binary_kind is None and (content_type in HTML_TYPES or looks_like_html(head)):
        results = iter([extract_html(payload, rec_source, charset=record.http_charset, url=url)])
    elif binary_kind is None and content_type in (None, "text/plain"):
        decoded = decode_text(payload)
        if decoded is None:
            return
        results = iter([Extracted(source=rec_source, text=decoded[0], format="warc")])
    elif dispatch is not None:
        # The record's own source as the name: members then read "path#record!member".
        results = dispatch(payload, rec_source)
    else:
        return
    for result in results:
        if isinstance(result, Extracted):
            # Whatever the payload was, it came from a WARC capture of this URL.
            result = dataclasses.replace(result, format="warc", url=url or result.url)
        yield result


def _guarded_record(
    record: WarcRecord, source: str, limits: Limits, dispatch: Dispatch | None
) -> Iterator[Result]:
    """One record's documents; a record that breaks its parser costs only itself."""
    rec_source = _record_source(source, record)
    try:
        if record.record_type == WarcRecordType.conversion:
            yield _wet_record(record, rec_source, limits)
        else:
            yield from _document_record(record, rec_source, limits, dispatch)
    except LimitExceeded:
        raise  # the stream-wide ratio guard tripped: the whole file stops
    except Exception as exc:
        yield Skipped(rec_source, f"corrupt WARC record: {type(exc).__name__}: {exc}")


def read_records(
    stream: BinaryIO,
    source: str,
    limits: Limits = DEFAULT_LIMITS,
    *,
    gzip_backend: str | None = None,
    dispatch: Dispatch | None = None,
) -> Iterator[Result]:
    """Stream the records of a WARC or WET file, gzipped or not.

    ``gzip_backend`` picks ``isal`` or ``zlib`` (the benchmark compares them);
    ``dispatch`` extracts non-HTML payloads such as PDFs.
    """
    try:
        head = stream.read(2)
    except OSError as exc:
        yield Skipped(source, f"unreadable: {exc}")
        return
    compressed = CountingReader(stream, prefix=head)
    readable: BinaryIO = compressed  # type: ignore[assignment]
    guard: RatioGuard | None = None
    if head == b"\x1f\x8b":
        guard = RatioGuard(open_gzip(compressed, gzip_backend), compressed, limits.max_ratio)  # type: ignore[arg-type]
        readable = guard  # type: ignore[assignment]
    damage: str | None = None
    held: list[Result] = []  # the latest record's results, released once the next one starts
    complete = 0  # records wholly read before the current one
    current: str | None = None
    try:
        records = ArchiveIterator(
            readable,
            record_types=WarcRecordType.any_type,
            parse_http=True,
            auto_decode="all",
            quirks_mode=True,
            stream_detect=False,
            fsspec_args=False,
        )
        for record in records:
            yield from held
            complete += current is not None
            current = _record_source(source, record)
            # Every type is parsed so that a file with no readable record at all is reported.
            if record.record_type in _MALFORMED:
                held = [Skipped(current, "corrupt WARC record: missing or unknown WARC-Type")]
            elif record.record_type & _WANTED:
                held = list(_guarded_record(record, source, limits, dispatch))
            else:
                held = []
    except LimitExceeded as exc:
        yield from held
        yield Skipped(source, str(exc))
        return
    except RECOVERABLE as exc:  # FastWARC: OSError, or a Rust panic
        damage = f"{type(exc).__name__}: {exc}"
    if guard is not None and guard.damage is not None:
        damage = f"{type(guard.damage).__name__}: {guard.damage}"
    if damage is None:
        yield from held
        if current is None:
            yield Skipped(source, "corrupt WARC: no record could be read")
        return
    # The record being read when the stream broke may be cut short: it is dropped, not guessed.
    lost = f"; dropped {current}, which the damage may have cut" if current else ""
    yield Skipped(source, f"corrupt WARC after {complete} complete records{lost}: {damage}")
