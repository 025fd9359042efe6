"""`treatywatch network`: the pairs of States able to cooperate under the Convention."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer

from treatywatch.cli import app
from treatywatch.cli.bootstrap import date_option, err_console, ready
from treatywatch.cli.output import RowFormat, console, print_rows

SHOWN_IMPACTS = 10


class TableOrJson(StrEnum):
    TABLE = "table"
    JSON = "json"


def _record() -> Any:
    """The database record (created and filled on first use); tests replace this."""
    ready()
    from treatywatch.treaties.repository import load_record

    return load_record()


@app.command()
def network(
    as_of: Annotated[
        date | None, typer.Option("--as-of", parser=date_option, help="Date (default today).")
    ] = None,
    as_known_on: Annotated[
        date | None,
        typer.Option(
            "--as-known-on",
            parser=date_option,
            help="Use only what TreatyWatch knew on this date (default today).",
        ),
    ] = None,
    output: Annotated[TableOrJson, typer.Option("--format", help="Output format.")] = (
        TableOrJson.TABLE
    ),
) -> None:
    """Pairs of States between which the Convention applies (mutual legal assistance, core
    crimes), the network's size month by month, and what one more consent would open."""
    from treatywatch.config import today
    from treatywatch.core.convention import load_convention
    from treatywatch.core.cooperation_documents import network_document
    from treatywatch.core.tabular import TableError

    try:
        document = network_document(
            _record(),
            on=as_of or today(),
            as_known_on=as_known_on or today(),
            convention=load_convention(),
        )
    except (ValueError, TableError) as error:
        err_console.print(f"[red]{error}[/red]", markup=False)
        raise typer.Exit(2) from None
    if output is TableOrJson.JSON:
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    _print_table(document)


def _print_table(document: dict[str, Any]) -> None:
    size = document["size"]
    console.print(f"[bold]{document['indicator']['label']}[/bold] on {document['date']}")
    console.print(
        f"yes: {size['yes']} pairs; uncertain: {size['uncertain']} pairs "
        f"(States bound: {size['states_bound']}, possibly bound: "
        f"{size['states_possibly_bound']})"
    )
    if not document["rule_verified"]:
        console.print("[yellow]The entry-into-force rule is not verified.[/yellow]")
    pairs = [{"pair": " – ".join(pair), "answer": "yes"} for pair in document["pairs"]["yes"]]
    pairs += [
        {"pair": " – ".join(pair), "answer": "uncertain"} for pair in document["pairs"]["uncertain"]
    ]
    print_rows(pairs, RowFormat.TABLE, ("pair", "answer"), title="Pairs")
    print_rows(
        document["series"],
        RowFormat.TABLE,
        ("date", "yes", "uncertain", "states_bound", "states_possibly_bound"),
        title="Month by month",
    )
    impacts = document["impacts"][:SHOWN_IMPACTS]
    print_rows(
        impacts,
        RowFormat.TABLE,
        ("code", "name", "status", "new_pairs", "triggers_entry_into_force"),
        title=f"Consents that would open the most pairs (first {len(impacts)} "
        f"of {len(document['impacts'])})",
    )
