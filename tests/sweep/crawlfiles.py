"""WET files written by the tests: one gzip member per record, as Common Crawl writes them."""

from __future__ import annotations

import zlib
from pathlib import Path

MENTION = "Slovenia signed the Ljubljana–The Hague Convention in 2024."


def record_id(number: int) -> str:
    return f"urn:uuid:00000000-0000-4000-8000-{number:012d}"


def wet_record(
    payload: bytes,
    number: int,
    *,
    language: str | None = "eng",
    kind: str = "conversion",
    with_id: bool = True,
) -> bytes:
    """One uncompressed WARC record; `kind` is its WARC-Type."""
    lines = [
        "WARC/1.0",
        f"WARC-Type: {kind}",
        f"WARC-Target-URI: https://news{number}.example/page",
        "WARC-Date: 2024-02-20T00:00:00Z",
    ]
    if with_id:
        lines.append(f"WARC-Record-ID: <{record_id(number)}>")
    if language is not None:
        lines.append(f"WARC-Identified-Content-Language: {language}")
    lines += [
        "Content-Type: text/plain",
        f"Content-Length: {len(payload)}",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + payload + b"\r\n\r\n"


def gzip_member(data: bytes, level: int = 6) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def write_wet(path: Path, records: list[bytes], level: int = 6) -> list[int]:
    """Write the records as concatenated gzip members; return each member's offset."""
    offsets = []
    with path.open("wb") as handle:
        for record in records:
            offsets.append(handle.tell())
            handle.write(gzip_member(record, level))
    return offsets


def filler(size: int, seed: int) -> str:
    """Plain words with no candidate for the detector, about `size` characters."""
    words = ["river", "budget", "council", "harvest", "museum", "weather", "transport", "debate"]
    text = []
    length = 0
    index = seed
    while length < size:
        word = words[index % len(words)]
        text.append(word)
        length += len(word) + 1
        index = index * 7 + 3
    return " ".join(text)
