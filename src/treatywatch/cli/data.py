"""`treatywatch import`, `export` and `update-data`: moving the record in and out."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from treatywatch.cli import app
from treatywatch.cli.bootstrap import err_console, ready

console = Console()


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"


def _print_summary(summary, verb: str) -> None:  # type: ignore[no-untyped-def]
    for table, counts in summary.as_dict().items():
        parts = ", ".join(f"{count} {outcome}" for outcome, count in sorted(counts.items()))
        console.print(f"{verb} {table}: {parts}")
    for change in summary.changes:
        console.print(f"  changed {change}")


@app.command("import")
def import_command(
    file: Annotated[
        Path, typer.Argument(help="CSV or JSON file of treaty actions or declarations.")
    ],
) -> None:
    """Check every row of FILE, then add it to the record; nothing is written if any row is bad."""
    ready()
    from treatywatch.config import today
    from treatywatch.core.tabular import TableError
    from treatywatch.treaties.loading import import_file

    try:
        summary = import_file(file, today=today())
    except TableError as error:
        for problem in error.problems:
            err_console.print(str(problem), markup=False, highlight=False, soft_wrap=True)
        err_console.print(f"[red]{len(error.problems)} problem(s); nothing was written.[/red]")
        raise typer.Exit(1) from None
    _print_summary(summary, "Imported")


@app.command()
def export(
    output_format: Annotated[
        ExportFormat, typer.Option("--format", help="csv (a folder of files) or json.")
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Folder for csv; file for json (default: standard output)."),
    ] = None,
) -> None:
    """Write the whole record with its sources, in the bundled files' columns."""
    ready()
    from treatywatch.treaties.loading import export_rows

    tables = export_rows()
    if output_format is ExportFormat.JSON:
        document = {"exported_at": datetime.now(UTC).isoformat(timespec="seconds"), **tables}
        text = json.dumps(document, ensure_ascii=False, indent=2)
        if out:
            out.write_text(text + "\n", encoding="utf-8")
        else:
            typer.echo(text)
        return
    if out is None:
        err_console.print(
            "[red]--out FOLDER is required with --format csv (one file per table).[/red]"
        )
        raise typer.Exit(2)
    out.mkdir(parents=True, exist_ok=True)
    for table, rows in tables.items():
        path = out / f"{table}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            if rows:
                writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
        console.print(f"wrote {len(rows)} rows to {path}")


@app.command("update-data")
def update_data_command() -> None:
    """Bring the bundled dataset into the database, keeping what staff entered or changed."""
    ready()
    from treatywatch.config import today
    from treatywatch.treaties.loading import update_data

    _print_summary(update_data(today=today()), "Bundled")
