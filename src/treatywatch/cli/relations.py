"""`treatywatch relations A B`: can State A ask State B under the Convention, and why."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from treatywatch.cli import app
from treatywatch.cli.bootstrap import date_option, err_console, ready
from treatywatch.core.convention import load_convention
from treatywatch.core.cooperation_documents import relation_document
from treatywatch.core.relations import Answer, Effect, Relation
from treatywatch.core.tabular import TableError

console = Console()
_ANSWER_STYLE = {Answer.YES: "green", Answer.NO: "red", Answer.UNCERTAIN: "yellow"}
_EFFECT_STYLE = {
    Effect.SUPPORTS: "green",
    Effect.NOTE: "dim",
    Effect.DOUBT: "yellow",
    Effect.BLOCKS: "red",
}


class TextOrJson(StrEnum):
    TEXT = "text"
    JSON = "json"


def _record() -> Any:
    """The database record (created and filled on first use); tests replace this."""
    ready()
    from treatywatch.treaties.repository import load_record

    return load_record()


def _fail(message: str) -> typer.Exit:
    err_console.print(f"[red]{escape(message)}[/red]")
    return typer.Exit(2)


@app.command()
def relations(
    requesting: Annotated[str, typer.Argument(help="Requesting State: ISO alpha-2 or alpha-3.")],
    requested: Annotated[str, typer.Argument(help="Requested State: ISO alpha-2 or alpha-3.")],
    crime: Annotated[
        str,
        typer.Option(
            "--crime",
            help="genocide, crimes_against_humanity, war_crimes, or an annex crime by name "
            "(aggression, torture, enforced_disappearance) or letter (H).",
        ),
    ],
    cooperation: Annotated[
        str,
        typer.Option(
            "--cooperation",
            help="mutual_legal_assistance (or mla), extradition, "
            "transfer_of_sentenced_persons, other.",
        ),
    ],
    on: Annotated[
        date | None,
        typer.Option("--date", parser=date_option, help="Date of the request (default today)."),
    ] = None,
    as_known_on: Annotated[
        date | None,
        typer.Option(
            "--as-known-on",
            parser=date_option,
            help="Use only what TreatyWatch knew on this date (default today).",
        ),
    ] = None,
    output: Annotated[TextOrJson, typer.Option("--format", help="Output format.")] = (
        TextOrJson.TEXT
    ),
    checklist: Annotated[
        bool,
        typer.Option(
            "--checklist", help="Also list what the request must contain and refusal grounds."
        ),
    ] = False,
) -> None:
    """Whether the Convention applies between two States for a crime and kind of cooperation."""
    from treatywatch.config import today

    try:
        convention = load_convention()
    except TableError as error:
        raise _fail(str(error)) from None
    try:
        relation, data = relation_document(
            _record(),
            requesting,
            requested,
            crime=crime,
            cooperation=cooperation,
            on=on or today(),
            as_known_on=as_known_on or today(),
            convention=convention,
            with_checklist=checklist,
        )
    except (ValueError, TableError) as error:
        raise _fail(str(error)) from None
    if output is TextOrJson.JSON:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    items = data.get("checklist")
    _print_text(relation, items)


def _print_text(relation: Relation, items: dict[str, Any] | None) -> None:
    a, b = relation.requesting, relation.requested
    style = _ANSWER_STYLE[relation.applicable]
    console.print(
        f"Can {escape(a.who)} ask {escape(b.who)} for {relation.cooperation.label}, "
        f"{escape(relation.crime.label)}, on {relation.on}? "
        f"[bold {style}]{relation.applicable.value.upper()}[/bold {style}]"
    )
    console.print(f"[dim]As known on {relation.as_known_on}.[/dim]")
    for reason in relation.reasons:
        effect = _EFFECT_STYLE[reason.effect]
        console.print(f"  [{effect}]{reason.effect.value:>8}[/{effect}] {escape(reason.text)}")
        if reason.source:
            console.print(f"           [dim]{escape(reason.source)}[/dim]")
    if relation.articles:
        console.print("Provisions:")
        for article in relation.articles:
            flag = "" if article["verified"] else " (unverified)"
            console.print(f"  {article['reference']}: {escape(str(article['topic']))}{flag}")
    if relation.central_authorities:
        console.print("Central authorities:")
        for authority in relation.central_authorities:
            console.print(f"  {authority.state}: {escape(authority.summary)}")
    else:
        console.print("Central authorities: none recorded for either State.")
    if items is not None:
        _print_checklist(items)


def _print_checklist(items: dict[str, Any]) -> None:
    for title, key in (
        ("The request should contain", "contents"),
        ("It may be refused if", "refusal_grounds"),
    ):
        console.print(f"{title}:")
        for item in items[key]:
            if item["article"]:
                basis = f"Art. {item['article']}" + ("" if item["verified"] else ", unverified")
            elif item["basis"] == "convention":
                basis = "the Convention, article not read"
            else:
                basis = "general practice, unverified for this Convention"
            console.print(f"  - {escape(item['text'])} [dim]({basis})[/dim]")
