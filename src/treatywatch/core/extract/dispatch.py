"""Route each input to its format's extractor; nothing raised by bad input escapes from here."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from treatywatch.core.extract.archives import extract_gz, extract_zip, zip_limit_reason
from treatywatch.core.extract.context import Budget, Context, LimitExceeded, size_reason
from treatywatch.core.extract.docx_doc import extract_docx
from treatywatch.core.extract.email_msg import extract_eml
from treatywatch.core.extract.gzip_stream import GZIP_OR_VALUE_ERRORS, open_gzip
from treatywatch.core.extract.html_page import extract_html
from treatywatch.core.extract.odt_doc import extract_odt
from treatywatch.core.extract.pdf_doc import extract_pdf
from treatywatch.core.extract.plain import extract_plain
from treatywatch.core.extract.records import DEFAULT_LIMITS, Extracted, Limits, Result, Skipped
from treatywatch.core.extract.sniff import sniff, sniff_binary
from treatywatch.core.extract.warc import read_records

HEAD = 8192
_LABELS = {"txt": "text", "md": "Markdown", "eml": "e-mail", "gz": "gzip"}


def _gz_holds_warc(stream: BinaryIO) -> bool:
    try:
        with open_gzip(stream) as inner:
            return inner.read(5) == b"WARC/"
    except GZIP_OR_VALUE_ERRORS:
        return False


def _office(
    data: bytes, source: str, ctx: Context, extractor: Callable[[bytes, str], Result]
) -> Iterator[Result]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        reason = zip_limit_reason(archive, len(data), ctx)
        declared = sum(info.file_size for info in archive.infolist())
    if reason:
        yield Skipped(source, reason)
        return
    ctx.budget.spend(declared)
    yield extractor(data, source)


def _by_format(fmt: str, data: bytes, source: str, ctx: Context) -> Iterator[Result]:
    if fmt in ("txt", "md"):
        yield extract_plain(data, source, fmt)
    elif fmt == "html":
        yield extract_html(data, source)
    elif fmt == "pdf":
        yield extract_pdf(data, source, ctx.limits)
    elif fmt == "docx":
        yield from _office(data, source, ctx, extract_docx)
    elif fmt == "odt":
        yield from _office(data, source, ctx, extract_odt)
    elif fmt == "eml":
        yield from extract_eml(data, source, ctx)
    elif fmt == "zip":
        yield from extract_zip(data, source, ctx)
    elif (fmt == "gz" and _gz_holds_warc(io.BytesIO(data))) or fmt == "warc":
        yield from read_records(io.BytesIO(data), source, ctx.limits, dispatch=_dispatcher(ctx))
    elif fmt == "gz":
        yield from extract_gz(data, source, ctx)
    elif fmt == "tar":
        yield Skipped(source, "unsupported format: tar archive")
    else:
        yield Skipped(source, "unsupported format: binary content of unknown type")


def _extract(data: bytes, source: str, ctx: Context) -> Iterator[Result]:
    limits = ctx.limits
    if ctx.depth > limits.max_depth:
        yield Skipped(source, f"nested too deep: depth {ctx.depth} > {limits.max_depth}")
        return
    if not data:
        yield Skipped(source, "empty file")
        return
    if len(data) > limits.max_bytes:
        yield Skipped(source, size_reason(len(data), limits.max_bytes))
        return
    fmt = "unknown"
    try:
        fmt = sniff(data, source)
        yield from _by_format(fmt, data, source, ctx)
    except LimitExceeded as exc:
        yield Skipped(source, str(exc))
    except Exception as exc:  # every parser has its own errors; bad input must never crash a run
        label = _LABELS.get(fmt, fmt.upper() if len(fmt) <= 4 else fmt)
        yield Skipped(source, f"corrupt {label}: {type(exc).__name__}: {exc}")


def _dispatcher(ctx: Context) -> Callable[[bytes, str], Iterator[Result]]:
    def dispatch(payload: bytes, name: str) -> Iterator[Result]:
        return _extract(payload, name, ctx.nested())

    return dispatch


def _root_context(limits: Limits) -> Context:
    return Context(limits, 0, Budget(limits.max_decompressed_bytes), recurse=_extract)


def extract_bytes(
    data: bytes, name: str, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Extracted | Skipped]:
    """Extract one in-memory file; ``name`` is its source label and extension hint."""
    yield from _extract(data, name, _root_context(limits))


def iter_warc_records(
    stream: BinaryIO, source: str, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Extracted | Skipped]:
    """Stream the documents of a WARC or WET file (plain or gzipped) without loading it."""
    yield from read_records(stream, source, limits, dispatch=_dispatcher(_root_context(limits)))


def _extract_file(path: Path, limits: Limits) -> Iterator[Result]:
    source = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(HEAD)
            kind = sniff_binary(head)
            if kind == "gz":
                handle.seek(0)
                if _gz_holds_warc(handle):
                    kind = "warc"
            if kind == "warc":
                handle.seek(0)
                yield from iter_warc_records(handle, source, limits)
                return
            if size == 0:
                yield Skipped(source, "empty file")
                return
            if size > limits.max_bytes:
                yield Skipped(source, size_reason(size, limits.max_bytes))
                return
            handle.seek(0)
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        yield Skipped(source, f"unreadable: {exc.strerror or exc}")
        return
    yield from extract_bytes(data, source, limits)


def _files_under(folder: Path) -> list[Path]:
    found: list[Path] = []
    # os.walk does not follow directory symlinks, so a link loop cannot trap the sweep.
    for root, _dirs, files in os.walk(folder):
        found.extend(Path(root, name) for name in files)
    return sorted(found, key=lambda path: path.as_posix())


def extract_path(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Extracted | Skipped]:
    """Extract a file, or every file under a folder (recursive, in sorted path order)."""
    path = Path(path)
    if path.is_dir():
        for file in _files_under(path):
            yield from _extract_file(file, limits)
    elif path.exists():
        yield from _extract_file(path, limits)
    else:
        yield Skipped(str(path), "no such file or folder")
