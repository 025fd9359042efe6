"""DOCX through python-docx: body paragraphs and tables in document order."""

from __future__ import annotations

import io
from datetime import datetime

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from treatywatch.core.extract.records import Extracted


def _table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        seen = set()
        for cell in row.cells:
            # A merged cell appears once per grid column it spans; keep it once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        lines.append("\t".join(cells))
    return lines


def extract_docx(data: bytes, source: str) -> Extracted:
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.extend(_table_lines(block))
    properties = document.core_properties
    created = properties.created
    return Extracted(
        source=source,
        text="\n".join(lines),
        format="docx",
        title=properties.title or None,
        published=created.date().isoformat() if isinstance(created, datetime) else None,
        author=properties.author or None,
        language=properties.language or None,
    )
