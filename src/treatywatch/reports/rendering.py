"""The progress report as standalone HTML and as PDF (WeasyPrint), from one template."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.template.loader import render_to_string

from treatywatch.reports.catalogue import format_day
from treatywatch.reports.content import Link, ProgressReport, Table, cell_text
from treatywatch.reports.drawing import to_svg

__all__ = ["html_to_pdf", "render_html", "render_pdf", "table_view"]


def table_view(table: Table, language: str) -> dict[str, Any]:
    """A table as the template reads it: text, link and alignment for every cell."""
    numeric = [
        bool(table.rows) and all(isinstance(row[i], int | float) for row in table.rows)
        for i in range(len(table.columns))
    ]
    return {
        "columns": [
            {"text": column, "number": numeric[index], "width": f"{width:.1f}"}
            for index, (column, width) in enumerate(
                zip(table.columns, _widths(table, numeric), strict=True)
            )
        ],
        "rows": [
            [
                {
                    "text": cell_text(cell, language),
                    "url": cell.url if isinstance(cell, Link) else "",
                    "css": _css(cell, numeric[index]),
                }
                for index, cell in enumerate(row)
            ]
            for row in table.rows
        ],
    }


def _widths(table: Table, numeric: list[bool]) -> list[float]:
    """Column widths in percent, so tables lay out fast and long texts get the room they need.

    Dates, numbers and URLs get fixed shares; the rest is shared by typical text length,
    never narrower than the longest word (about 0.85% of the width per character at 8.5pt).
    """
    fixed: list[float | None] = []
    weights: list[float] = []
    floors: list[float] = []
    for index in range(len(table.columns)):
        cells = [row[index] for row in table.rows if row[index] not in (None, "")]
        texts = [str(cell.text if isinstance(cell, Link) else cell) for cell in cells]
        if cells and all(isinstance(cell, Link) and cell.text == cell.url for cell in cells):
            fixed.append(30.0)
        elif cells and all(isinstance(cell, date) for cell in cells):
            fixed.append(11.0)
        elif numeric[index]:
            fixed.append(8.0)
        else:
            fixed.append(None)
        typical = sum(len(text) for text in texts) / len(texts) if texts else 8
        weights.append(min(max(typical, len(table.columns[index]), 6.0), 45.0))
        words = [len(word) for text in [*texts, table.columns[index]] for word in text.split()]
        floors.append(min(max(words, default=4) * 0.85 + 2.0, 30.0))
    rest = max(100.0 - sum(width for width in fixed if width), 20.0)
    flexible = [i for i, width in enumerate(fixed) if width is None]
    widths = dict.fromkeys(flexible, 0.0)
    pinned: set[int] = set()
    # Give each column its share; pin the ones below their floor and share the rest again.
    while True:
        free = [i for i in flexible if i not in pinned]
        room = rest - sum(floors[i] for i in pinned)
        total = sum(weights[i] for i in free) or 1.0
        for i in free:
            widths[i] = room * weights[i] / total
        short = [i for i in free if widths[i] < floors[i]]
        if not short or len(short) == len(free):
            break
        for i in short:
            pinned.add(i)
            widths[i] = floors[i]
    return [width if width is not None else widths[i] for i, width in enumerate(fixed)]


def _css(cell: object, numeric: bool) -> str:
    if isinstance(cell, Link) and cell.text == cell.url:
        return "url"
    if isinstance(cell, date):
        return "date"
    return "number" if numeric else ""


def render_html(report: ProgressReport) -> str:
    """A standalone HTML document: inline styles and SVG, nothing fetched."""
    language = report.language
    tables = {
        name: table_view(getattr(report, name), language)
        for name in (
            "treaty_actions", "events", "references", "references_by_language",
            "outreach_public", "outreach_by_channel",
            "targets_ratify", "targets_sign", "outlook",
        )
    }  # fmt: skip
    context = {
        "r": report,
        "t": report.t,
        "charts": {name: to_svg(drawing) for name, drawing in report.charts.items()},
        "alts": report.chart_alts,
        "generated_text": report.t.format(
            "generated", today=format_day(report.generated, language)
        ),
        "evidence_text": report.t.format("evidence_text", end=format_day(report.end, language)),
        "start_short": format_day(report.start, language, "medium"),
        "end_short": format_day(report.end, language, "medium"),
        "evidence": [
            {"title": section.title, "table": table_view(section.table, language)}
            for section in report.evidence
        ],
        **tables,
    }
    return render_to_string("reports/progress.html", context)


def html_to_pdf(html: str) -> bytes:
    # Imported here: WeasyPrint loads fonts and Pango on import, which other formats never need.
    from weasyprint import HTML

    return bytes(HTML(string=html, base_url=None).write_pdf())


def render_pdf(report: ProgressReport) -> bytes:
    return html_to_pdf(render_html(report))
