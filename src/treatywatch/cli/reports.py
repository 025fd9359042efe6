"""`treatywatch report` and `treatywatch factsheet`: documents for pledge reporting and advocacy."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from treatywatch.cli import app
from treatywatch.cli.bootstrap import date_option, err_console, ready
from treatywatch.cli.output import console


class DocumentFormat(StrEnum):
    PDF = "pdf"
    HTML = "html"
    DOCX = "docx"
    XLSX = "xlsx"


class Language(StrEnum):
    EN = "en"
    FR = "fr"
    ES = "es"


@app.command()
def report(
    start: Annotated[
        date, typer.Option("--from", parser=date_option, help="First day of the period.")
    ],
    end: Annotated[date, typer.Option("--to", parser=date_option, help="Last day of the period.")],
    output_format: Annotated[DocumentFormat, typer.Option("--format", help="Document format.")],
    out: Annotated[Path, typer.Option("--out", help="File to write.")],
    language: Annotated[Language, typer.Option("--lang", help="Language.")] = Language.EN,
    submitter: Annotated[
        str, typer.Option("--submitter", help="Who submits the report (pledge form).")
    ] = "",
    focal_person: Annotated[
        str, typer.Option("--focal-person", help="Name and e-mail of the focal person.")
    ] = "",
) -> None:
    """A progress report on the pledge for a period, with its evidence.

    Indicators at the start and end of the period, charts and the map, new signatures and
    instruments, events, references, outreach, challenges and what comes next, laid out
    like the International Conference's pledge-report form.
    """
    ready()
    from treatywatch.reports.content import build_report

    if end < start:
        err_console.print(f"[red]--to ({end}) is before --from ({start})[/red]")
        raise typer.Exit(2)
    content = build_report(start, end, language.value, submitter, focal_person)
    out.write_bytes(_render(content, output_format))
    console.print(f"wrote {output_format.value.upper()} report for {start} to {end} to {out}")


def _render(content, output_format: DocumentFormat) -> bytes:  # type: ignore[no-untyped-def]
    from treatywatch.reports.office import render_docx, render_xlsx
    from treatywatch.reports.rendering import render_html, render_pdf

    if output_format is DocumentFormat.PDF:
        return render_pdf(content)
    if output_format is DocumentFormat.HTML:
        return render_html(content).encode("utf-8")
    if output_format is DocumentFormat.DOCX:
        return render_docx(content)
    return render_xlsx(content)


@app.command()
def factsheet(
    code: Annotated[str, typer.Argument(help="ISO alpha-2 or alpha-3 code of the State.")],
    out: Annotated[Path, typer.Option("--out", help="File to write: .pdf or .html.")],
    language: Annotated[Language, typer.Option("--lang", help="Language.")] = Language.EN,
    as_of: Annotated[
        date | None, typer.Option("--as-of", parser=date_option, help="Date (default today).")
    ] = None,
) -> None:
    """A one-page factsheet on a State and the Convention, for advocacy meetings."""
    ready()
    from treatywatch.reports.factsheet import (
        StateNotFound,
        build_factsheet,
        render_factsheet_html,
    )
    from treatywatch.reports.rendering import html_to_pdf

    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".html"):
        err_console.print(f"[red]--out must end in .pdf or .html, not {suffix or 'nothing'}[/red]")
        raise typer.Exit(2)
    try:
        sheet = build_factsheet(code, language.value, as_of)
    except StateNotFound as error:
        err_console.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None
    html = render_factsheet_html(sheet)
    out.write_bytes(html_to_pdf(html) if suffix == ".pdf" else html.encode("utf-8"))
    console.print(f"wrote factsheet for {sheet.name} ({sheet.code}) to {out}")
