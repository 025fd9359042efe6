"""`treatywatch targets`: whom to approach next, with the factors behind each score."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from treatywatch.cli import app
from treatywatch.cli.bootstrap import date_option, err_console, ready
from treatywatch.cli.output import RowFormat, print_rows


@app.command()
def targets(
    output: Annotated[RowFormat, typer.Option("--format")] = RowFormat.TABLE,
    as_of: Annotated[
        date | None, typer.Option("--as-of", parser=date_option, help="Date (default today).")
    ] = None,
    step: Annotated[
        str | None,
        typer.Option("--step", help="Only: sign, ratify, encourage_others or use_convention."),
    ] = None,
    region: Annotated[str | None, typer.Option("--region", help="Only this UN group.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="First N only.")] = None,
    language: Annotated[str, typer.Option("--lang", help="State names: en, fr or es.")] = "en",
) -> None:
    """Every State's recommended next step and priority score, highest first.

    The score is the sum of the factors' contributions (value × weight, rounded to a whole
    point); the weights are in data/targets.yaml and explained in docs/pledge.md.
    """
    ready()
    from treatywatch.config import today
    from treatywatch.core.targets import FACTOR_NAMES, NextStep, WeightsError
    from treatywatch.reports.targets import targets as compute

    if step and step not in {s.value for s in NextStep}:
        err_console.print(f"[red]unknown step {step!r}; choose one of: "
                          f"{', '.join(s.value for s in NextStep)}[/red]")  # fmt: skip
        raise typer.Exit(2)
    try:
        found = compute(as_of or today(), language)
    except WeightsError as error:
        err_console.print(f"[red]{error}[/red]", markup=False)
        raise typer.Exit(1) from None
    chosen = [
        target
        for target in found
        if (not step or target.next_step == step) and (not region or target.region == region)
    ][:limit]
    if output is RowFormat.JSON:
        print_rows([target.to_json() for target in chosen], output, ())
        return
    rows = []
    for target in chosen:
        row = {key: value for key, value in target.to_json().items() if key != "factors"}
        for factor in target.factors:
            row[f"{factor.name}_value"] = factor.to_json()["value"]
            row[factor.name] = factor.contribution
        rows.append(row)
    base = ("code", "name", "region", "status", "next_step", "score")
    if output is RowFormat.CSV:
        columns: tuple[str, ...] = base
        for name in FACTOR_NAMES:
            columns += (f"{name}_value", name)
        print_rows(rows, output, columns)
        return
    short = ("code", "name", "next_step", "score", *FACTOR_NAMES)
    print_rows(rows, output, short, title=f"{len(rows)} States, as of {as_of or today()}")
