"""The `treatywatch` command: one Typer app, one module per command group."""

import typer

app = typer.Typer(
    name="treatywatch",
    help="Status, indicators and references for the Ljubljana – The Hague Convention.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


def main() -> None:
    """Entry point of the `treatywatch` console script."""
    app()


# Command modules register themselves on `app` when imported.
from treatywatch.cli import (  # noqa: E402, F401
    data,
    events,
    ingest,
    monitor,
    network,
    outlook,
    outreach,
    relations,
    reports,
    scan,
    serve,
    status,
    sweep,
    targets,
)
