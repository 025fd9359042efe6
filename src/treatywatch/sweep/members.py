"""Gzip member boundaries, found from any byte offset, so one file can be split among tasks.

Common Crawl writes WARC and WET files as concatenated gzip members, one record per member.
A task given the byte range [a, b) reads the members that *start* in it: from the first
member start at or after `a` up to the first member start at or after `b`. The neighbouring
task computes that same boundary with the same function, so every member is read by exactly
one task, whatever the range sizes.

A member start is recognised by the gzip magic (1f 8b 08, reserved flag bits clear) where
inflating yields a WARC record's first bytes ('WARC/'). The magic can occur by chance inside
compressed data, but a chance occurrence that also inflates to a valid stream starting with
'WARC/' does not happen in practice (it needs a valid deflate block header, Huffman tables
and five chosen output bytes).
"""

from __future__ import annotations

import zlib

from treatywatch.sweep.inputs import ByteSource

GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_START = b"WARC/"
SEARCH_WINDOW = 1024 * 1024
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
    while position < size:
        # Overlap windows by the magic's length less one, so a magic across the border is seen.
        window = source.read_at(position, SEARCH_WINDOW + len(GZIP_MAGIC) - 1)
        if not window:
            break
        found = window.find(GZIP_MAGIC)
        while 0 <= found < SEARCH_WINDOW:
            if _is_member_start(source, position + found, window[found:]):
                return position + found
            found = window.find(GZIP_MAGIC, found + 1)
        position += SEARCH_WINDOW
    return size


def split_ranges(size: int, chunk: int) -> list[tuple[int, int]]:
    """[a, b) byte ranges of at most `chunk` bytes covering [0, size); at least one range."""
    if size <= 0:
        return [(0, 0)]
    return [(start, min(start + chunk, size)) for start in range(0, size, max(chunk, 1))]
