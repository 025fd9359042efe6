"""`treatywatch events …`: import, list, export to a calendar, find entries made twice."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from treatywatch.cli import app
from treatywatch.cli.bootstrap import date_option, err_console, ready
from treatywatch.cli.output import RowFormat, console, print_problems, print_rows

events_app = typer.Typer(
    help="Events in fora about the Convention (indicator 3): import, list, calendar, duplicates.",
    no_args_is_help=True,
)
app.add_typer(events_app, name="events")

From = Annotated[
    date | None, typer.Option("--from", parser=date_option, help="First day (inclusive).")
]
To = Annotated[date | None, typer.Option("--to", parser=date_option, help="Last day (inclusive).")]
LIST_COLUMNS = ("starts_on", "ends_on", "slug", "title", "kind", "place", "review")


@events_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="CSV or JSON file in the events.csv columns.")],
    confirm: Annotated[
        bool, typer.Option("--confirm", help="Mark the rows as reviewed and confirmed.")
    ] = False,
) -> None:
    """Check every row of FILE, then add or update the events; nothing is written if one is bad."""
    ready()
    from treatywatch.config import today
    from treatywatch.core.tabular import TableError
    from treatywatch.events.importing import import_events

    try:
        result = import_events(file, today(), confirm=confirm)
    except TableError as error:
        print_problems(error.problems, err_console)
        err_console.print(f"[red]{len(error.problems)} problem(s); nothing was written.[/red]")
        raise typer.Exit(1) from None
    parts = ", ".join(f"{count} {outcome}" for outcome, count in sorted(result.counts.items()))
    console.print(f"Imported events: {parts or 'nothing'}")
    for pair in result.duplicates:
        err_console.print(
            f"[yellow]likely duplicate:[/yellow] {pair.first} and {pair.second} "
            f"({', '.join(pair.reasons)}); both kept, a reviewer should decide",
            soft_wrap=True,
        )


@events_app.command("list")
def list_command(
    start: From = None,
    end: To = None,
    state: Annotated[
        str | None, typer.Option("--state", help="Only events involving this State.")
    ] = None,
    confirmed: Annotated[
        bool, typer.Option("--confirmed", help="Only events a reviewer confirmed.")
    ] = False,
    output: Annotated[RowFormat, typer.Option("--format")] = RowFormat.TABLE,
) -> None:
    """Events, oldest first, with their sources."""
    ready()
    from treatywatch.core.evidence import Review
    from treatywatch.events.repository import event_records
    from treatywatch.events.services import event_to_json

    code = _state_code(state) if state else None
    records = event_records(
        review=Review.CONFIRMED if confirmed else None, start=start, end=end, state=code
    )
    rows = [event_to_json(record) for record in records]
    columns = LIST_COLUMNS if output is RowFormat.TABLE else (*LIST_COLUMNS, "source_url")
    print_rows(rows, output, columns, title=f"{len(rows)} events")


@events_app.command("ics")
def ics_command(
    out: Annotated[Path, typer.Option("--out", help="The .ics file to write.")],
    start: From = None,
    end: To = None,
    include_pending: Annotated[
        bool, typer.Option("--include-pending", help="Also events not yet reviewed.")
    ] = False,
) -> None:
    """Write the events as an iCalendar (.ics) file; events without a known day are left out."""
    ready()
    from treatywatch.config import today
    from treatywatch.core.evidence import Review
    from treatywatch.events.calendar import events_to_ics
    from treatywatch.events.repository import event_records

    records = event_records(
        review=None if include_pending else Review.CONFIRMED, start=start, end=end
    )
    records = [r for r in records if r.review is not Review.REJECTED]
    data, skipped = events_to_ics(records, today(), "Ljubljana – The Hague Convention: events")
    out.write_bytes(data)
    console.print(
        f"wrote {len(records) - skipped} events to {out}"
        + (f" ({skipped} without a known day left out)" if skipped else "")
    )


@events_app.command("duplicates")
def duplicates_command(
    output: Annotated[RowFormat, typer.Option("--format")] = RowFormat.TABLE,
) -> None:
    """Pairs of events that look like the same one entered twice (nothing is merged)."""
    ready()
    from treatywatch.events.services import duplicates_of

    rows = [pair.to_json() for pair in duplicates_of()]
    print_rows(
        rows, output, ("first", "second", "score", "reasons"), title=f"{len(rows)} likely pairs"
    )


def _state_code(value: str) -> str:
    from treatywatch.core.validate import resolve_state
    from treatywatch.treaties.repository import load_record

    code = resolve_state(value, load_record().states_by_code)
    if code is None:
        err_console.print(f"[red]unknown State {value!r}: use an ISO alpha-2 or alpha-3 code[/red]")
        raise typer.Exit(2)
    return code
