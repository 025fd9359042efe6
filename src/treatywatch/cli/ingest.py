"""`treatywatch ingest`: documents handed in by hand become references pending review."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from treatywatch.cli import app
from treatywatch.cli.bootstrap import date_option, err_console, ready

console = Console()


class Kind(StrEnum):
    ADOPTED_DOCUMENT = "adopted-document"
    PUBLIC_DOMAIN = "public-domain"


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or http(s) URLs.")],
    kind: Annotated[Kind, typer.Option("--kind", help="Which indicator the references count for.")],
    forum: Annotated[
        str, typer.Option("--forum", help="The forum or body, e.g. 'UN General Assembly'.")
    ] = "",
    published: Annotated[
        date | None,
        typer.Option(
            "--date",
            parser=date_option,
            help="Publication or adoption date, if the document lacks one.",
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", help="Monitor configuration giving the contact for fetching URLs."
        ),
    ] = None,
    contact: Annotated[
        str,
        typer.Option(
            "--contact", help="URL or mailto: named in the User-Agent when fetching URLs."
        ),
    ] = "",
) -> None:
    """Store documents and the references to the Convention found in them, pending review.

    Each document is extracted, searched and compared with what is stored: a copy of a stored
    document joins its duplicate cluster, and a document already ingested is not read twice.
    Only references a reviewer confirms count in indicators 4 and 5.
    """
    urls = [item for item in inputs if item.startswith(("http://", "https://"))]
    paths = [item for item in inputs if item not in urls]
    missing = [path for path in paths if not Path(path).exists()]
    if missing:
        err_console.print(f"[red]no such file or folder: {', '.join(missing)}[/red]")
        raise typer.Exit(2)
    ready()
    from treatywatch.monitor.ingest import IngestError, ingest_documents

    try:
        summaries = ingest_documents(
            paths=[str(Path(path).resolve()) for path in paths],
            urls=urls,
            kind=str(kind),
            forum=forum,
            published=published,
            config=config,
            contact=contact,
        )
    except IngestError as error:
        err_console.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None
    for summary in summaries:
        console.print(
            f"{summary.source}: {summary.items_new} new document(s), "
            f"{summary.items_known} already ingested, {summary.new_references} new reference(s) "
            "pending review",
            soft_wrap=True,
        )
        for message in summary.messages:
            err_console.print(f"  {message}", markup=False, highlight=False, soft_wrap=True)
