"""Zip and gzip archives, expanded member by member under size, count and ratio limits.

Limits are checked against the sizes an archive declares before anything is inflated,
and again while inflating (zipfile stops at the declared size; gzip declares none), so
a bomb is reported without ever being expanded in full.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import PurePosixPath

from treatywatch.core.extract.context import (
    Context,
    LimitExceeded,
    over_ratio,
    ratio_reason,
    size_reason,
)
from treatywatch.core.extract.gzip_stream import GZIP_OR_VALUE_ERRORS, open_gzip
from treatywatch.core.extract.records import Result, Skipped

CHUNK = 1024 * 1024
# Only methods whose decompressor honours an output bound; bzip2 and lzma members in
# zipfile inflate a whole input chunk at once, which a bomb can exploit.
SAFE_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
_GZ_SUFFIXES = {".gz": "", ".gzip": "", ".tgz": ".tar"}


def zip_limit_reason(archive: zipfile.ZipFile, archive_size: int, ctx: Context) -> str | None:
    """Why a zip (an archive, a DOCX or an ODT) must not be opened, from its declared sizes."""
    limits = ctx.limits
    members = [info for info in archive.infolist() if not info.is_dir()]
    if len(members) > limits.max_archive_members:
        return f"too many archive members: {len(members)} > {limits.max_archive_members}"
    declared = sum(info.file_size for info in members)
    if over_ratio(declared, archive_size, limits.max_ratio):
        return ratio_reason(declared / max(archive_size, 1), limits.max_ratio)
    if declared > ctx.budget.remaining:
        return (
            f"decompressed size over limit: {declared} bytes > "
            f"{max(ctx.budget.remaining, 0)} bytes left of {limits.max_decompressed_bytes}"
        )
    return None


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, ctx: Context) -> bytes:
    parts = []
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            ctx.budget.spend(len(chunk))
            parts.append(chunk)
    return b"".join(parts)


def extract_zip(data: bytes, source: str, ctx: Context) -> Iterator[Result]:
    limits = ctx.limits
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        yield Skipped(source, f"corrupt zip: {exc}")
        return
    with archive:
        reason = zip_limit_reason(archive, len(data), ctx)
        if reason:
            yield Skipped(source, reason)
            return
        for info in archive.infolist():
            if info.is_dir():
                continue
            member_source = f"{source}!{info.filename}"
            if info.flag_bits & 0x1:
                yield Skipped(member_source, "encrypted archive member")
                continue
            if info.compress_type not in SAFE_METHODS:
                yield Skipped(member_source, f"unsupported zip compression {info.compress_type}")
                continue
            if info.file_size > limits.max_bytes:
                yield Skipped(member_source, size_reason(info.file_size, limits.max_bytes))
                continue
            if over_ratio(info.file_size, info.compress_size, limits.max_ratio):
                ratio = info.file_size / max(info.compress_size, 1)
                yield Skipped(member_source, ratio_reason(ratio, limits.max_ratio))
                continue
            try:
                member = _read_member(archive, info, ctx)
            except LimitExceeded as exc:
                yield Skipped(member_source, str(exc))
                return
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
                yield Skipped(member_source, f"corrupt archive member: {exc}")
                continue
            yield from ctx.extract_member(member, member_source)


def gz_member_name(name: str) -> str:
    path = PurePosixPath(name.replace("\\", "/"))
    replacement = _GZ_SUFFIXES.get(path.suffix.lower())
    if replacement is None:
        return path.name
    return path.stem + replacement


def gunzip_bounded(data: bytes, ctx: Context) -> bytes:
    """Inflate in memory, raising LimitExceeded as soon as ratio, size or budget is passed."""
    limits = ctx.limits
    parts = []
    total = 0
    with open_gzip(io.BytesIO(data)) as stream:
        while chunk := stream.read(CHUNK):
            total += len(chunk)
            if over_ratio(total, len(data), limits.max_ratio):
                raise LimitExceeded(
                    ratio_reason(total / len(data), limits.max_ratio, at_least=True)
                )
            if total > limits.max_bytes:
                raise LimitExceeded(size_reason(total, limits.max_bytes) + " (decompressed)")
            ctx.budget.spend(len(chunk))
            parts.append(chunk)
    return b"".join(parts)


def extract_gz(data: bytes, source: str, ctx: Context) -> Iterator[Result]:
    member_source = f"{source}!{gz_member_name(source.rsplit('!', 1)[-1])}"
    try:
        member = gunzip_bounded(data, ctx)
    except LimitExceeded as exc:
        yield Skipped(source, str(exc))
        return
    except GZIP_OR_VALUE_ERRORS as exc:
        yield Skipped(source, f"corrupt gzip: {exc}")
        return
    yield from ctx.extract_member(member, member_source)
