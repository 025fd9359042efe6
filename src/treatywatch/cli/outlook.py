"""`treatywatch outlook`: when the Convention could enter into force, under stated scenarios."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Annotated

import typer

from treatywatch.cli import app
from treatywatch.cli.bootstrap import date_option, err_console, ready
from treatywatch.cli.output import RowFormat, console, print_rows


@app.command()
def outlook(
    scenario: Annotated[
        list[str] | None,
        typer.Option(
            "--scenario",
            help="'pace' (default) or 'deposit:CODE,CODE@YYYY-MM-DD' (what if these States "
            "deposit that day); repeat for several.",
        ),
    ] = None,
    as_of: Annotated[
        date | None, typer.Option("--as-of", parser=date_option, help="Date (default today).")
    ] = None,
    window: Annotated[
        int | None, typer.Option("--window", min=1, help="Months over which the pace is measured.")
    ] = None,
    output: Annotated[RowFormat, typer.Option("--format")] = RowFormat.TABLE,
) -> None:
    """Expected entry into force at the current pace and under what-if deposits.

    The rule is not verified against the treaty text; projections are shown under the
    rule's threshold and under each other threshold a source states.
    """
    ready()
    from treatywatch.core.outlook import ScenarioError, WhatIf, parse_scenario
    from treatywatch.core.validate import resolve_state
    from treatywatch.reports.outlook import outlook as compute
    from treatywatch.treaties.repository import load_record

    record = load_record()
    parsed: list[str | WhatIf] = []
    try:
        for text in scenario or ["pace"]:
            item = parse_scenario(text)
            if isinstance(item, WhatIf):
                codes = [resolve_state(code, record.states_by_code) for code in item.states]
                unknown = [c for c, r in zip(item.states, codes, strict=True) if r is None]
                if unknown:
                    raise ScenarioError(f"scenario {text!r}: unknown State(s) {', '.join(unknown)}")
                item = WhatIf(tuple(code for code in codes if code), item.on)
            parsed.append(item)
    except ScenarioError as error:
        err_console.print(f"[red]{error}[/red]", markup=False)
        raise typer.Exit(2) from None
    result = compute(as_of, parsed, window, record)
    if output is RowFormat.JSON:
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    rows = [
        {
            **projection.to_json(),
            "assumed": ", ".join(f"{s} {d.isoformat()}" for s, d in projection.assumed_deposits),
        }
        for projection in result.projections
    ]
    if output is RowFormat.CSV:
        columns = ("scenario", "threshold", "deposits_recorded", "assumed", "entry_into_force",
                   "explanation", "threshold_source")  # fmt: skip
        print_rows(rows, output, columns)
        return
    console.print(f"[bold]Entry-into-force outlook[/bold] as of {result.as_of}")
    console.print(f"Rule: {result.rule} ({'verified' if result.rule_verified else 'UNVERIFIED'})")
    console.print(
        f"Instruments recorded: {len(result.deposits_recorded)}; pace: "
        f"{result.deposits_in_window} in the last {result.window_months} months "
        f"({result.pace_per_month:.3f} a month); signatories without an instrument: "
        f"{len(result.signatories_without_consent)}"
    )
    print_rows(rows, output, ("scenario", "threshold", "entry_into_force", "explanation"))
    for warning in result.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
