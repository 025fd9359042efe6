"""`treatywatch monitor run|status|attention` and `treatywatch proposals list|accept|reject`."""

from __future__ import annotations

import csv
import getpass
import io
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from treatywatch.cli import app
from treatywatch.cli.bootstrap import date_option, err_console, ready

console = Console()
monitor_app = typer.Typer(
    help="Watch feeds, the web, GDELT, the UN Digital Library, Common Crawl and the "
    "depositary record; see docs/monitor.md.",
    no_args_is_help=True,
)
proposals_app = typer.Typer(
    help="Review proposed status changes read from depositary sources.", no_args_is_help=True
)
app.add_typer(monitor_app, name="monitor")
app.add_typer(proposals_app, name="proposals")

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Monitor configuration (TOML); default: monitor.toml in TREATYWATCH_HOME.",
    ),
]


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def _config_path(path: Path | None) -> Path:
    from treatywatch.config import data_home
    from treatywatch.monitor.config import EXAMPLE_CONFIG

    if path is not None:
        return path
    default = data_home() / "monitor.toml"
    if not default.exists():
        err_console.print(
            f"No configuration at {default}. Copy the documented example and edit it:\n"
            f"  cp {EXAMPLE_CONFIG} {default}\nor pass --config FILE.",
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(2)
    return default


def _load(path: Path | None):  # type: ignore[no-untyped-def]
    from treatywatch.monitor.config import ConfigError, load_config

    try:
        return load_config(_config_path(path))
    except ConfigError as error:
        for problem in error.problems:
            err_console.print(str(problem), markup=False, highlight=False, soft_wrap=True)
        err_console.print(f"[red]{len(error.problems)} problem(s) in the configuration.[/red]")
        raise typer.Exit(2) from None


def _emit(rows: list[dict[str, Any]], output: Format, columns: list[str], title: str) -> None:
    if output is Format.JSON:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    if output is Format.CSV:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        typer.echo(buffer.getvalue(), nl=False)
        return
    table = Table(title=title)
    for column in columns:
        table.add_column(column.replace("_", " "))
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    console.print(table)


@monitor_app.command("run")
def run_command(
    config: ConfigOption = None,
    source: Annotated[
        list[str] | None,
        typer.Option("--source", help="Run only this source (repeatable); disabled ones too."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Look back to this date (YYYY-MM-DD) where the source allows it."),
    ] = None,
) -> None:
    """Fetch, extract, detect, deduplicate and store new references as pending review."""
    since_day = date_option(since)
    settings = _load(config)
    unknown = [name for name in source or [] if settings.source(name) is None]
    if unknown:
        known = ", ".join(s.name for s in settings.sources)
        err_console.print(f"[red]Unknown source {', '.join(unknown)}; configured: {known}[/red]")
        raise typer.Exit(2)
    ready()
    from treatywatch.monitor.pipeline import Monitor

    try:
        monitor = Monitor(settings)
    except ImportError as error:
        err_console.print(f"[red]The reference detector is not available: {error}[/red]")
        raise typer.Exit(1) from None
    with monitor.fetcher:
        summaries = monitor.run(source or None, since_day)
    table = Table(title="Monitor run")
    for column in (
        "source",
        "status",
        "new items",
        "known",
        "new references",
        "proposals",
        "errors",
    ):
        table.add_column(column)
    for summary in summaries:
        table.add_row(
            summary.source,
            str(summary.status),
            str(summary.items_new),
            str(summary.items_known),
            str(summary.new_references),
            str(summary.proposals),
            str(summary.errors),
        )
    console.print(table)
    for summary in summaries:
        for message in summary.messages:
            err_console.print(
                f"{summary.source}: {message}", markup=False, highlight=False, soft_wrap=True
            )
    if any(summary.status == "failed" for summary in summaries):
        raise typer.Exit(1)


@monitor_app.command("status")
def status_command(
    config: ConfigOption = None,
    output_format: Annotated[Format, typer.Option("--format")] = Format.TABLE,
) -> None:
    """Per source: last run, items seen, references, errors and coverage gaps."""
    settings = _load(config)
    ready()
    from treatywatch.config import today
    from treatywatch.monitor.status import source_statuses

    rows = [status.as_dict() for status in source_statuses(settings, today())]
    for row in rows:
        row["gap"] = "GAP" if row["coverage_gap"] else ""
    columns = [
        "source",
        "kind",
        "last_run_at",
        "last_status",
        "items_seen",
        "references",
        "last_run_new_references",
        "last_run_errors",
        "retrying",
        "pending_proposals",
        "gap",
        "coverage",
    ]
    _emit(rows, output_format, columns, "Monitor status")
    flagged = [row["source"] for row in rows if row["coverage_gap"]]
    if flagged and output_format is Format.TABLE:
        err_console.print(
            f"[yellow]Coverage gap: {', '.join(flagged)} returned nothing for unusually long; "
            "their silence is not zero attention.[/yellow]"
        )


@monitor_app.command("attention")
def attention_command(
    by: Annotated[str, typer.Option(help="Comma-separated: month, language, country.")] = "month",
    start: Annotated[str | None, typer.Option("--from", help="First month (a date).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last month (a date).")] = None,
    source: Annotated[list[str] | None, typer.Option("--source")] = None,
    kind: Annotated[str | None, typer.Option(help="adopted-document or public-domain.")] = None,
    output_format: Annotated[Format, typer.Option("--format")] = Format.TABLE,
) -> None:
    """References found per month, language and country beside the documents read."""
    from_day, to_day = date_option(start), date_option(end)
    dimensions = [part.strip() for part in by.split(",") if part.strip()]
    ready()
    from treatywatch.monitor import attention

    try:
        rows = attention(start=from_day, end=to_day, by=dimensions, sources=source, kind=kind)
    except ValueError as error:
        err_console.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None
    data = [row.as_dict() for row in rows]
    columns = [
        *dimensions,
        "confirmed",
        "pending",
        "confirmed_stories",
        "pending_stories",
        "documents_read",
        "per_10k",
    ]
    _emit(data, output_format, columns, "Attention, normalised by documents read")
    if output_format is Format.TABLE and any(not row.covered for row in rows):
        err_console.print("Rows with no documents read are gaps in coverage, not zero attention.")


@proposals_app.command("list")
def proposals_list(
    status: Annotated[
        str, typer.Option(help="pending, accepted, rejected, superseded or all.")
    ] = "pending",
    output_format: Annotated[Format, typer.Option("--format")] = Format.TABLE,
) -> None:
    """Proposed status changes with their source and capture time."""
    ready()
    from treatywatch.monitor.models import Proposal
    from treatywatch.monitor.proposals import describe

    proposals = Proposal.objects.all()
    if status != "all":
        if status not in Proposal.Status.values:
            err_console.print(f"[red]Unknown status {status!r}.[/red]")
            raise typer.Exit(2)
        proposals = proposals.filter(status=status)
    rows = [describe(proposal) for proposal in proposals]
    for row in rows:
        row["needs"] = ", ".join(row["needs"])
    _emit(
        rows,
        output_format,
        ["id", "status", "summary", "needs", "captured_at", "source_url"],
        "Proposals",
    )


def _reviewer(value: str | None) -> str:
    if value:
        return value
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


@proposals_app.command("accept")
def proposals_accept(
    proposal_id: Annotated[int, typer.Argument(metavar="ID")],
    reviewer: Annotated[str | None, typer.Option(help="Your name (default: login).")] = None,
    action_class: Annotated[str | None, typer.Option(help="For R or NK instruments.")] = None,
    kind: Annotated[str | None, typer.Option(help="Declaration kind.")] = None,
    summary: Annotated[str | None, typer.Option(help="Declaration summary, own words.")] = None,
    made_at: Annotated[str | None, typer.Option(help="signature, consent, later, unknown.")] = None,
    note: Annotated[str, typer.Option(help="Why; kept with the decision.")] = "",
) -> None:
    """Write the proposed change into the record, through the checks of `treatywatch import`."""
    ready()
    from treatywatch.monitor.proposals import ProposalError, accept

    overrides = {
        "action_class": action_class or "",
        "kind": kind or "",
        "summary": summary or "",
        "made_at": made_at or "",
    }
    try:
        written = accept(proposal_id, reviewer=_reviewer(reviewer), overrides=overrides, note=note)
    except ProposalError as error:
        for problem in error.problems:
            err_console.print(str(problem), markup=False, highlight=False, soft_wrap=True)
        err_console.print(f"[red]{error}[/red]", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    if written is None:
        console.print(f"Proposal #{proposal_id} acknowledged (nothing to write).")
        return
    for table, counts in written.as_dict().items():
        parts = ", ".join(f"{count} {outcome}" for outcome, count in sorted(counts.items()))
        console.print(f"Proposal #{proposal_id} accepted: {table}: {parts}")


@proposals_app.command("reject")
def proposals_reject(
    proposal_id: Annotated[int, typer.Argument(metavar="ID")],
    reviewer: Annotated[str | None, typer.Option(help="Your name (default: login).")] = None,
    note: Annotated[str, typer.Option(help="Why; kept with the decision.")] = "",
) -> None:
    """Reject a proposal; the same reading will not be proposed again."""
    ready()
    from treatywatch.monitor.proposals import ProposalError, reject

    try:
        reject(proposal_id, reviewer=_reviewer(reviewer), note=note)
    except ProposalError as error:
        err_console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    console.print(f"Proposal #{proposal_id} rejected.")
