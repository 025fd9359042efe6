"""The progress report as a Word document (python-docx) and a workbook (openpyxl)."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from openpyxl import Workbook
from openpyxl.drawing.image import Image as SheetImage
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from treatywatch.reports.catalogue import format_day
from treatywatch.reports.content import Link, ProgressReport, Table, cell_text
from treatywatch.reports.drawing import to_png

__all__ = ["render_docx", "render_xlsx"]

ACCENT = RGBColor(0x1D, 0x4E, 0x89)
MUTED = RGBColor(0x61, 0x6E, 0x7C)


def _hyperlink(paragraph: Paragraph, text: str, url: str, size: float | None = None) -> None:
    """A clickable link; python-docx has no API for it, so the XML is built here."""
    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "1D4E89")
    properties.append(colour)
    if size is not None:
        half_points = OxmlElement("w:sz")
        half_points.set(qn("w:val"), str(round(size * 2)))
        properties.append(half_points)
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def _page_number(paragraph: Paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _docx_table(document: Document, table: Table, language: str, size: float = 8.0) -> None:
    if not table.rows:
        return
    grid = document.add_table(rows=1, cols=len(table.columns))
    grid.style = "Light Grid Accent 1"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, title in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(title)
        run.bold = True
        run.font.size = Pt(size)
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            if isinstance(value, Link) and value.url:
                _hyperlink(paragraph, value.text, value.url, size - 1)
            else:
                run = paragraph.add_run(cell_text(value, language))
                run.font.size = Pt(size)
                if isinstance(value, int | float):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph()


def render_docx(report: ProgressReport) -> bytes:
    """A Word document with the same sections, tables and charts as the PDF."""
    t, language = report.t, report.language
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Sans"
    normal.font.size = Pt(10)
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(1.8)
        section.top_margin = section.bottom_margin = Cm(1.8)
        footer = section.footer.paragraphs[0]
        footer.text = f"TreatyWatch — {t['report_title']} — {report.period_text} — {t['page']} "
        footer.runs[0].font.size = Pt(8)
        _page_number(footer)
    heading = document.add_heading(f"{t['report_title']}: {t['report_subtitle']}", level=0)
    heading.runs[0].font.color.rgb = ACCENT
    document.add_paragraph(f"{t['period']}: {report.period_text}")
    meta = document.add_paragraph(
        t.format("generated", today=format_day(report.generated, language))
    )
    meta.runs[0].font.color.rgb = MUTED

    document.add_heading(f"1. {t['form_section']}", level=1)
    document.add_paragraph(t["form_note"]).runs[0].font.color.rgb = MUTED
    _docx_table(
        document,
        Table(
            ("", ""),
            (
                (t["pledge_title"], Link(report.pledge_title, report.pledge_url)),
                (t["submitter"], report.submitter or t["to_complete"]),
                (t["focal_person"], report.focal_person or t["to_complete"]),
                (t["period"], report.period_text),
            ),
        ),
        language,
        9,
    )
    document.add_heading(f"2. {t['summary']}", level=1)
    document.add_paragraph(report.summary)
    _docx_table(document, _indicator_table(report), language, 9)

    document.add_heading(f"3. {t['actions_taken']}", level=1)
    document.add_heading(f"3.1 {t['treaty_actions']}", level=2)
    if report.treaty_actions.rows:
        _docx_table(document, report.treaty_actions, language)
    else:
        document.add_paragraph(t["no_treaty_actions"])
    document.add_heading(f"3.2 {t['events']}", level=2)
    if report.events.rows:
        _docx_table(document, report.events, language)
    else:
        document.add_paragraph(t["no_events"])
    document.add_heading(f"3.3 {t['references']}", level=2)
    document.add_paragraph(report.references_text)
    _docx_table(document, report.references, language)
    if report.references_by_language.rows:
        document.add_paragraph(t["public_by_language"])
        _docx_table(document, report.references_by_language, language)
    document.add_heading(f"3.4 {t['outreach']}", level=2)
    document.add_paragraph(report.outreach_text)
    _docx_table(document, report.outreach_by_channel, language)
    _docx_table(document, report.outreach_public, language)
    document.add_heading(f"3.5 {t['challenges']}", level=2)
    for item in report.challenges:
        document.add_paragraph(item, style="List Bullet")

    document.add_heading(f"4. {t['examples']}", level=1)
    if not report.examples:
        document.add_paragraph(t["no_examples"])
    for example in report.examples:
        paragraph = document.add_paragraph()
        paragraph.add_run(example.title).bold = True
        paragraph.add_run(f" — {example.when}").font.color.rgb = MUTED
        for line in example.lines:
            document.add_paragraph(line)
        _hyperlink(document.add_paragraph(), example.url, example.url)

    document.add_heading(f"5. {t['indicators']}", level=1)
    _docx_table(document, _indicator_table(report), language, 9)
    document.add_paragraph(report.denominator).runs[0].font.color.rgb = MUTED
    for name, caption in (
        ("indicators", t["chart_indicators"]),
        ("timeline", t["chart_timeline"]),
        ("map", t["chart_map"]),
    ):
        document.add_picture(io.BytesIO(to_png(report.charts[name])), width=Cm(17))
        caption_paragraph = document.add_paragraph(f"{caption}. {report.chart_alts.get(name, '')}")
        caption_paragraph.runs[0].font.size = Pt(8)
        caption_paragraph.runs[0].font.color.rgb = MUTED

    document.add_heading(f"6. {t['next']}", level=1)
    document.add_heading(f"6.1 {t['targets_ratify']}", level=2)
    _docx_table(document, report.targets_ratify, language)
    document.add_heading(f"6.2 {t['targets_sign']}", level=2)
    _docx_table(document, report.targets_sign, language)
    document.add_paragraph(t["targets_note"]).runs[0].font.color.rgb = MUTED
    document.add_heading(f"6.3 {t['outlook']}", level=2)
    document.add_paragraph(report.outlook_text)
    _docx_table(document, report.outlook, language)

    document.add_heading(f"7. {t['evidence']}", level=1)
    document.add_paragraph(t.format("evidence_text", end=format_day(report.end, language)))
    for section in report.evidence:
        document.add_heading(section.title, level=2)
        _docx_table(document, section.table, language, 7.5)
    document.add_heading(t["method"], level=2)
    document.add_paragraph(t["method_text"])
    document.add_paragraph(t["title_as_source"]).runs[0].font.color.rgb = MUTED
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _indicator_table(report: ProgressReport) -> Table:
    t = report.t
    return Table(
        ("#", t["indicator"], f"{t['at_start']} ({format_day(report.start, report.language)})",
         f"{t['at_end']} ({format_day(report.end, report.language)})", t["change"]),
        tuple((row.number, row.title, row.start, row.end, row.change_text)
              for row in report.indicators),
    )  # fmt: skip


HEADER_FILL = PatternFill("solid", fgColor="1D4E89")
HEADER_FONT = Font(bold=True, color="FFFFFF")


def _sheet_name(text: str, taken: set[str]) -> str:
    name = "".join(ch for ch in text if ch not in "[]:*?/\\")[:31]
    while name in taken:
        name = name[:28] + f"~{len(taken)}"
    taken.add(name)
    return name


def _write_table(sheet: Worksheet, table: Table, first_row: int = 1) -> int:
    """The table with a styled header, real dates and clickable links; the next free row."""
    for column, title in enumerate(table.columns, start=1):
        cell = sheet.cell(first_row, column, title)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [len(title) for title in table.columns]
    for row_number, row in enumerate(table.rows, start=first_row + 1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row_number, column)
            if isinstance(value, Link):
                cell.value = value.text
                cell.hyperlink = value.url
                cell.font = Font(color="1D4E89", underline="single")
            elif isinstance(value, date):
                cell.value = value
                cell.number_format = "yyyy-mm-dd"
            else:
                cell.value = value
            cell.alignment = Alignment(vertical="top", wrap_text=isinstance(value, str))
            widths[column - 1] = max(widths[column - 1], min(len(str(cell.value or "")), 60))
    for column, width in enumerate(widths, start=1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = max(10, min(width + 2, 62))
    return first_row + len(table.rows) + 2


def render_xlsx(report: ProgressReport) -> bytes:
    """A workbook: a summary sheet, one sheet per list, the charts, and the evidence."""
    t, language = report.t, report.language
    book = Workbook()
    taken: set[str] = set()
    summary = book.active
    summary.title = _sheet_name(t["summary"], taken)
    summary["A1"] = f"{t['report_title']}: {t['report_subtitle']}"
    summary["A1"].font = Font(bold=True, size=14, color="1D4E89")
    summary["A2"] = f"{t['period']}: {report.period_text}"
    summary["A3"] = t.format("generated", today=format_day(report.generated, language))
    rows = (
        (t["pledge_title"], report.pledge_title),
        (t["submitter"], report.submitter or t["to_complete"]),
        (t["focal_person"], report.focal_person or t["to_complete"]),
    )
    for offset, (label, value) in enumerate(rows, start=5):
        summary.cell(offset, 1, label).font = Font(bold=True)
        summary.cell(offset, 2, value)
    summary["B5"].hyperlink = report.pledge_url
    summary["A9"] = report.summary
    indicators = Table(
        ("#", "code", t["indicator"], t["at_start"], t["at_end"], t["change"]),
        tuple((row.number, row.code, row.title, row.start, row.end, row.change)
              for row in report.indicators),
    )  # fmt: skip
    next_row = _write_table(summary, indicators, 11)
    summary.cell(next_row, 1, t["challenges"]).font = Font(bold=True)
    for offset, item in enumerate(report.challenges, start=1):
        summary.cell(next_row + offset, 1, item)
    summary.column_dimensions["A"].width = 22

    for title, table in (
        (t["treaty_actions"], report.treaty_actions),
        (t["events"], report.events),
        (t["references"], report.references),
        (t["outreach"], report.outreach_public),
        (t["next"], report.targets_all),
        (t["outlook"], report.outlook),
    ):
        sheet = book.create_sheet(_sheet_name(title, taken))
        _write_table(sheet, table)
        sheet.freeze_panes = "A2"
        if table.rows:
            sheet.auto_filter.ref = sheet.dimensions

    charts = book.create_sheet(_sheet_name(t["indicators"], taken))
    anchor_row = 1
    for name, caption in (
        ("indicators", t["chart_indicators"]),
        ("timeline", t["chart_timeline"]),
        ("map", t["chart_map"]),
    ):
        charts.cell(anchor_row, 1, caption).font = Font(bold=True)
        drawing = report.charts[name]
        image = SheetImage(io.BytesIO(to_png(drawing, 1.5)))
        charts.add_image(image, f"A{anchor_row + 1}")
        anchor_row += int(drawing.height * 1.5 / 20) + 4

    for number, section in enumerate(report.evidence, start=1):
        sheet = book.create_sheet(_sheet_name(f"{t['evidence']} {number}", taken))
        sheet.cell(1, 1, section.title).font = Font(bold=True)
        _write_table(sheet, section.table, 3)
        sheet.freeze_panes = "A4"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
