"""Tell a file's format from its first bytes, with the extension as a hint for text formats.

Binary signatures (PDF, zip, gzip, WARC) win over the extension, so a PDF saved as
``.txt`` is still read as a PDF. Text formats have no reliable signature, so there the
extension decides and content is only consulted when the extension says nothing.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath

TEXT_EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".eml": "eml",
}

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_ANYWHERE = re.compile(rb"<(html|body|head)[\s>]", re.I)
# An e-mail starts with a header block; these names rarely begin anything else.
_MAIL_HEADER = re.compile(
    rb"^(from|to|subject|date|received|return-path|message-id|mime-version|"
    rb"delivered-to|reply-to|x-[a-z0-9-]+|content-type|cc):[ \t]",
    re.I,
)


def extension_of(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def sniff_binary(head: bytes) -> str | None:
    """Return pdf, zip, gz, warc or tar when the leading bytes say so, else None."""
    if head.startswith(b"\x1f\x8b"):
        return "gz"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    # The PDF spec lets the header sit anywhere in the first kilobyte.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"WARC/"):
        return "warc"
    if len(head) > 262 and head[257:262] == b"ustar":
        return "tar"
    return None


def zip_kind(data: bytes) -> str:
    """docx, odt or zip for a zip container, judged by the members that define each."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and "content.xml" in names:
                info = archive.getinfo("mimetype")
                # The mimetype member is tiny by the ODF spec; refuse to inflate a large one.
                if info.file_size <= 256 and archive.read(info).strip() == ODT_MIMETYPE:
                    return "odt"
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        return "zip"
    return "zip"


def looks_like_html(head: bytes) -> bool:
    return bool(_HTML_START.match(head) or _HTML_ANYWHERE.search(head[:4096]))


def looks_like_email(head: bytes) -> bool:
    lines = head[:2048].splitlines()[:8]
    known = sum(1 for line in lines if _MAIL_HEADER.match(line))
    return bool(lines) and bool(_MAIL_HEADER.match(lines[0])) and known >= 2


def looks_binary(head: bytes) -> bool:
    """True for content no text decoder should be trusted with (NULs outside UTF-16/32)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    sample = head[:8192]
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return b"\x00" in sample or controls / len(sample) > 0.05


def sniff(data: bytes, name: str) -> str:
    """The format to read ``data`` as: a format name, ``zip``, ``gz``, ``tar`` or ``binary``."""
    head = data[:8192]
    found = sniff_binary(head)
    if found == "zip":
        return zip_kind(data)
    if found is not None:
        return found
    by_extension = TEXT_EXTENSIONS.get(extension_of(name))
    if by_extension is not None:
        return by_extension
    if looks_binary(head):
        return "binary"
    if looks_like_html(head):
        return "html"
    if looks_like_email(head):
        return "eml"
    return "txt"
