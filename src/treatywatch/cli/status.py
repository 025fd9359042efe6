"""`treatywatch status`, `states` and `state`: where States stand, on any date."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from treatywatch.cli import app
from treatywatch.cli.bootstrap import date_option, err_console, ready
from treatywatch.core.denominators import DEFAULT_DENOMINATOR, DENOMINATORS

console = Console()


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


AsOf = Annotated[
    date | None,
    typer.Option(
        "--as-of", parser=date_option, help="Legal date: status as it stood then (default today)."
    ),
]
AsKnownOn = Annotated[
    date | None,
    typer.Option(
        "--as-known-on",
        parser=date_option,
        help="Record date: use only what TreatyWatch knew then, to reproduce a past report.",
    ),
]
Denominator = Annotated[
    str,
    typer.Option("--denominator", help=f"Who counts as a State: {', '.join(DENOMINATORS)}."),
]
Format = Annotated[OutputFormat, typer.Option("--format", help="Output format.")]
Treaty = Annotated[str, typer.Option("--treaty", help="Treaty slug.")]
STATE_COLUMNS = ("code", "name", "status", "signed", "consented", "consent_type", "in_force")


def _report(as_of, as_known_on, denominator_name, treaty):  # type: ignore[no-untyped-def]
    from treatywatch.treaties.queries import status_report

    try:
        return status_report(as_of, as_known_on, denominator_name, treaty)
    except KeyError as error:
        err_console.print(f"[red]{error.args[0]}[/red]")
        raise typer.Exit(2) from None


@app.command()
def status(
    as_of: AsOf = None,
    as_known_on: AsKnownOn = None,
    denominator: Denominator = DEFAULT_DENOMINATOR,
    output: Format = OutputFormat.TABLE,
    treaty: Treaty = "ljubljana-the-hague",
) -> None:
    """Counts and every State's status with the Convention on a date, with sources."""
    ready()
    report = _report(as_of, as_known_on, denominator, treaty)
    if output is OutputFormat.JSON:
        console.print_json(json.dumps(report.to_json(), ensure_ascii=False))
        return
    if output is OutputFormat.CSV:
        _write_csv([state.to_json() for state in report.states])
        return
    console.print(
        f"[bold]{report.treaty.short_title}[/bold] as of {report.as_of}, "
        f"as known on {report.as_known_on}"
    )
    console.print(
        f"Signatories: [bold]{report.signatories}[/bold]   "
        f"Consenting: [bold]{report.consenting}[/bold]   "
        f"In force for: [bold]{report.in_force_for}[/bold]   Treaty in force: "
        f"{'yes, since ' + str(report.entry_into_force) if report.treaty_in_force else 'no'}"
    )
    console.print(
        f"Denominator: {report.denominator.name} ({report.denominator.size}): "
        f"{report.denominator.label}"
    )
    table = Table(*STATE_COLUMNS, "sources")
    for state in report.states:
        if state.status != "none":
            row = state.to_json()
            table.add_row(
                *(str(row[column] or "") for column in STATE_COLUMNS), "\n".join(state.sources)
            )
    console.print(table)
    for warning in report.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")


@app.command()
def states(
    region: Annotated[
        str | None, typer.Option(help="UN regional group, e.g. african, western_european_others.")
    ] = None,
    group: Annotated[
        str | None,
        typer.Option(
            help="Organisation on the date: UN, COE, EU, AU, OAS, or ROME (Rome Statute party)."
        ),
    ] = None,
    status_filter: Annotated[
        str | None, typer.Option("--status", help="none, signed, consented, in_force or withdrawn.")
    ] = None,
    as_of: AsOf = None,
    output: Format = OutputFormat.TABLE,
) -> None:
    """List States with their status, filtered by region, group and status."""
    ready()
    from treatywatch.config import today
    from treatywatch.treaties.filters import FilterError, filter_states
    from treatywatch.treaties.repository import load_record

    record = load_record()
    report = _report(as_of, None, "all", "ljubljana-the-hague")
    try:
        rows = filter_states(
            record, report, region=region, group=group, status=status_filter, day=as_of or today()
        )
    except FilterError as error:
        err_console.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None
    data = [dict(state.to_json(), region=region_of) for state, region_of in rows]
    if output is OutputFormat.JSON:
        console.print_json(json.dumps(data, ensure_ascii=False))
    elif output is OutputFormat.CSV:
        _write_csv(data)
    else:
        table = Table(*STATE_COLUMNS, "region", title=f"{len(data)} States")
        for row in data:
            table.add_row(*(str(row[column] or "") for column in (*STATE_COLUMNS, "region")))
        console.print(table)


@app.command()
def state(
    code: Annotated[str, typer.Argument(help="ISO alpha-2 or alpha-3 code, any case.")],
    output: Format = OutputFormat.TABLE,
) -> None:
    """One State's history with the Convention and related treaties, with sources."""
    ready()
    from treatywatch.treaties.history import StateNotFound, state_history

    try:
        history = state_history(code)
    except StateNotFound as error:
        err_console.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None
    if output is OutputFormat.JSON:
        console.print_json(json.dumps(history, ensure_ascii=False))
        return
    if output is OutputFormat.CSV:
        _write_csv(history["actions"])
        return
    console.print(
        f"[bold]{history['name']}[/bold] ({history['code']}) — {history['un_regional_group']}"
    )
    for treaty in history["treaties"]:
        console.print(f"{treaty['short_title']}: [bold]{treaty['status']}[/bold]")
    table = Table(
        "treaty",
        "date",
        "action",
        "effective",
        "place",
        "scope",
        "source",
        "read on",
        title="Actions",
    )
    for action in history["actions"]:
        struck = " (retracted)" if action["retracted_on"] else ""
        table.add_row(
            action["treaty"], action["date"], action["action_class"] + struck,
            action["effective_on"],
            action["place"], action["scope"], action["source_url"], action["source_date"],
        )  # fmt: skip
    console.print(table)
    if history["declarations"]:
        table = Table(
            "kind",
            "articles",
            "annexes",
            "made on",
            "valid until",
            "summary",
            "source",
            title="Declarations",
        )
        for item in history["declarations"]:
            table.add_row(
                item["kind"], item["articles"], item["annexes"], item["made_on"] or "unknown",
                item["valid_until"], item["summary"], item["source_url"],
            )  # fmt: skip
        console.print(table)
    for membership in history["memberships"]:
        console.print(
            f"{membership['organisation']}: joined {membership['joined'] or 'date unknown'}"
            + (f", left {membership['left']}" if membership["left"] else "")
        )


def _write_csv(rows: list[dict]) -> None:  # type: ignore[type-arg]
    if not rows:
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                key: " ".join(value) if isinstance(value, list) else value
                for key, value in row.items()
            }
        )


@app.command()
def indicators(
    as_of: AsOf = None,
    as_known_on: AsKnownOn = None,
    denominator: Denominator = DEFAULT_DENOMINATOR,
    output: Format = OutputFormat.TABLE,
) -> None:
    """The pledge's five indicators on a date, with the evidence behind each count."""
    ready()
    from treatywatch.treaties.queries import indicator_values

    try:
        values = indicator_values(as_of, as_known_on, denominator)
    except KeyError as error:
        err_console.print(f"[red]{error.args[0]}[/red]")
        raise typer.Exit(2) from None
    rows = [value.to_json() for value in values]
    if output is OutputFormat.JSON:
        console.print_json(json.dumps(rows, ensure_ascii=False))
    elif output is OutputFormat.CSV:
        _write_csv(rows)
    else:
        table = Table(
            "#",
            "indicator",
            "value",
            "raw",
            "pending review",
            title=f"Indicators as of {rows[0]['as_of']}",
        )
        for row in rows:
            table.add_row(
                str(row["number"]),
                row["title"],
                str(row["value"]),
                str(row["raw_value"]),
                str(row["pending"]),
            )
        console.print(table)
