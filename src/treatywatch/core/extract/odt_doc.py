"""ODT: content.xml and meta.xml read straight from the zip, with entity expansion off."""

from __future__ import annotations

import io
import zipfile

import lxml.etree

from treatywatch.core.extract.records import Extracted

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
DC = "http://purl.org/dc/elements/1.1/"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"

# No network, no entities, no huge trees: content.xml is untrusted input.
_PARSER = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_SKIPPED_INLINE = {f"{{{TEXT}}}note-citation", f"{{{OFFICE}}}annotation"}


def _inline_text(element: lxml.etree._Element) -> str:
    """The text of a paragraph, honouring ODF's encoded spaces, tabs and line breaks."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == f"{{{TEXT}}}s":
            parts.append(" " * int(child.get(f"{{{TEXT}}}c", "1") or 1))
        elif tag == f"{{{TEXT}}}tab":
            parts.append("\t")
        elif tag == f"{{{TEXT}}}line-break":
            parts.append("\n")
        elif tag not in _SKIPPED_INLINE:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _blocks(element: lxml.etree._Element, lines: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in (f"{{{TEXT}}}p", f"{{{TEXT}}}h"):
            lines.append(_inline_text(child))
        elif tag == f"{{{TABLE}}}table-row":
            cells = [
                " ".join(_cell_text(cell).split())
                for cell in child
                if cell.tag == f"{{{TABLE}}}table-cell"
            ]
            lines.append("\t".join(cells))
        else:
            _blocks(child, lines)


def _cell_text(cell: lxml.etree._Element) -> str:
    lines: list[str] = []
    _blocks(cell, lines)
    return " ".join(lines)


def _meta(archive: zipfile.ZipFile) -> dict[str, str | None]:
    if "meta.xml" not in archive.namelist():
        return {}
    root = lxml.etree.fromstring(archive.read("meta.xml"), _PARSER)

    def first(*paths: str) -> str | None:
        for path in paths:
            value = root.findtext(path, namespaces={"dc": DC, "meta": META})
            if isinstance(value, str) and value.strip():
                return value.strip()
        return None

    created = first(".//meta:creation-date", ".//dc:date")
    return {
        "title": first(".//dc:title"),
        "author": first(".//meta:initial-creator", ".//dc:creator"),
        "published": created[:10] if created else None,
        "language": first(".//dc:language"),
    }


def extract_odt(data: bytes, source: str) -> Extracted:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = lxml.etree.fromstring(archive.read("content.xml"), _PARSER)
        meta = _meta(archive)
    lines: list[str] = []
    body = root.find(f"{{{OFFICE}}}body")
    _blocks(body if body is not None else root, lines)
    return Extracted(source=source, text="\n".join(lines), format="odt", **meta)
