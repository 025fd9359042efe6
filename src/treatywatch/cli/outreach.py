"""`treatywatch outreach …`: the log of contacts with States and the follow-ups falling due."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from treatywatch.cli import app
from treatywatch.cli.bootstrap import date_option, err_console, ready
from treatywatch.cli.output import RowFormat, console, print_problems, print_rows

outreach_app = typer.Typer(
    help="The outreach log: contacts with States, outcomes and follow-ups.",
    no_args_is_help=True,
)
app.add_typer(outreach_app, name="outreach")
COLUMNS = ("on", "actor", "target", "channel", "measure", "outcome", "follow_up_on")


@outreach_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="CSV or JSON file in the outreach columns.")],
) -> None:
    """Check every row of FILE, then add or update contacts; nothing is written if one is bad."""
    ready()
    from treatywatch.config import today
    from treatywatch.core.tabular import TableError
    from treatywatch.outreach.services import import_outreach

    try:
        result = import_outreach(file, today())
    except TableError as error:
        print_problems(error.problems, err_console)
        err_console.print(f"[red]{len(error.problems)} problem(s); nothing was written.[/red]")
        raise typer.Exit(1) from None
    parts = ", ".join(f"{count} {outcome}" for outcome, count in sorted(result.counts.items()))
    console.print(f"Imported outreach contacts: {parts or 'nothing'}")


@outreach_app.command("list")
def list_command(
    start: Annotated[date | None, typer.Option("--from", parser=date_option)] = None,
    end: Annotated[date | None, typer.Option("--to", parser=date_option)] = None,
    state: Annotated[
        str | None, typer.Option("--state", help="Acting or approached State (alpha-3).")
    ] = None,
    output: Annotated[RowFormat, typer.Option("--format")] = RowFormat.TABLE,
) -> None:
    """Contacts, oldest first."""
    ready()
    from treatywatch.outreach.services import outreach_records

    records = outreach_records(start=start, end=end, state=state.upper() if state else None)
    rows = [{"actor": r.actor, **r.to_json()} for r in records]
    print_rows(rows, output, COLUMNS, title=f"{len(rows)} contacts")


@outreach_app.command("due")
def due_command(
    within: Annotated[
        int, typer.Option("--within", min=0, help="Also follow-ups due in this many days.")
    ] = 14,
    output: Annotated[RowFormat, typer.Option("--format")] = RowFormat.TABLE,
) -> None:
    """Follow-ups not done that are overdue or fall due soon, the most overdue first."""
    ready()
    from treatywatch.config import today
    from treatywatch.outreach.services import follow_ups_due

    due = follow_ups_due(today(), within)
    rows = [{"actor": item.record.actor, **item.to_json()} for item in due]
    print_rows(
        rows,
        output,
        ("due_on", "days_late", "actor", "target", "channel", "summary"),
        title=f"{len(rows)} follow-ups due by {today().isoformat()} + {within} days",
    )
