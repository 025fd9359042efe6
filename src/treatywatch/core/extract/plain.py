"""Plain text and Markdown: the text is the file's content, unchanged, so offsets index the file."""

from __future__ import annotations

import logging
import re

import charset_normalizer

from treatywatch.core.extract.records import Extracted, Result, Skipped
from treatywatch.core.extract.sniff import looks_binary

logger = logging.getLogger("treatywatch.core.extract")

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_ATX_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)
_FRONT_MATTER_TITLE = re.compile(r"\A---\r?\n(?:.*\r?\n)*?title:[ \t]*[\"']?(.+?)[\"']?[ \t]*\r?\n")


def decode_text(data: bytes) -> tuple[str, str] | None:
    """Decode bytes as UTF-8 exactly, else by BOM, else by charset detection.

    Returns the text and the encoding used, or None when the bytes are not text. UTF-8 is
    decoded with the plain codec (a BOM stays as U+FEFF) so offsets match the UTF-8 text.
    """
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for bom, encoding in _BOMS[1:]:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    if looks_binary(data):
        return None
    best = charset_normalizer.from_bytes(data[: 1024 * 1024]).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None


def markdown_title(text: str) -> str | None:
    """The front-matter title or the first ATX heading; the text itself is left alone."""
    front = _FRONT_MATTER_TITLE.match(text)
    if front:
        return front.group(1).strip()
    heading = _ATX_HEADING.search(text[:20_000])
    return heading.group(1).strip() if heading else None


def extract_plain(data: bytes, source: str, fmt: str) -> Result:
    decoded = decode_text(data)
    if decoded is None:
        return Skipped(source, "not text: binary content or unknown encoding")
    text, encoding = decoded
    if encoding != "utf-8":
        # Offsets then index this decoding, not a UTF-8 one; callers relying on that are told.
        logger.warning("%s: not UTF-8; decoded as %s (detected)", source, encoding)
    title = markdown_title(text) if fmt == "md" else None
    return Extracted(source=source, text=text, format=fmt, title=title)
