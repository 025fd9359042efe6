"""Checking rows of treaty actions and declarations before anything is written.

Every problem of every row is collected, so one run tells the user all that is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TypeVar

from treatywatch.core.dates import DateError, parse_date
from treatywatch.core.records import (
    SIGNATURE_REQUIRED_CLASSES,
    Action,
    ActionClass,
    Declaration,
    DeclarationKind,
    State,
    Treaty,
)
from treatywatch.core.tabular import Problem, Row

__all__ = [
    "ACTION_COLUMNS",
    "DECLARATION_COLUMNS",
    "RAW_ACTION_CLASSES",
    "Context",
    "FieldReader",
    "resolve_state",
    "validate_actions",
    "validate_declarations",
]

ACTION_COLUMNS = (
    "treaty", "state", "action", "action_class", "date", "effective_on",
    "reported_entry_into_force", "place", "scope", "recorded_on", "retracted_on",
    "source_url", "source_date", "note",
)  # fmt: skip
DECLARATION_COLUMNS = (
    "treaty", "state", "kind", "articles", "annexes", "made_on", "made_at", "valid_from",
    "valid_until", "validity_months", "renewable", "withdrawn_on", "target_state", "summary",
    "recorded_on", "retracted_on", "source_url", "source_date", "note",
)  # fmt: skip
MADE_AT = ("signature", "consent", "later", "unknown")

# Act types as depositaries print them. Case matters: UNTC's `a` is accession, `A` acceptance.
# The Netherlands Treaty Database's `R` lumps ratification, acceptance, approval and
# notification, so it is deliberately absent: such rows must name their class.
RAW_ACTION_CLASSES = {
    "s": ActionClass.SIGNATURE,
    "signature": ActionClass.SIGNATURE,
    "ratification": ActionClass.RATIFICATION,
    "a": ActionClass.ACCESSION,
    "accession": ActionClass.ACCESSION,
    "A": ActionClass.ACCEPTANCE,
    "acceptance": ActionClass.ACCEPTANCE,
    "AA": ActionClass.APPROVAL,
    "approval": ActionClass.APPROVAL,
    "d": ActionClass.SUCCESSION,
    "succession": ActionClass.SUCCESSION,
    "Su": ActionClass.SUCCESSION,
    "provisional application": ActionClass.PROVISIONAL_APPLICATION,
    "denunciation": ActionClass.DENUNCIATION,
    "Den": ActionClass.DENUNCIATION,
}
_ANNEX = re.compile(r"^(\*|[A-Z])$")
_ARTICLE = re.compile(r"^\d+(\(\d+\))?(\([a-z]\))?$")
EnumT = TypeVar("EnumT", bound=StrEnum)


@dataclass
class Context:
    """What a row is checked against: known States and treaties, today, the existing record."""

    states: Mapping[str, State]
    treaties: Mapping[str, Treaty]
    today: date
    existing_actions: Iterable[Action] = field(default_factory=tuple)


def resolve_state(code: str, states: Mapping[str, State]) -> str | None:
    """The alpha-3 code for an ISO alpha-2 or alpha-3 code in any case, or None."""
    wanted = code.strip().upper()
    if wanted in states:
        return wanted
    for state in states.values():
        if state.alpha2 == wanted:
            return state.code
    return None


class FieldReader:
    """Reads one row's fields, recording a Problem for each bad one instead of raising."""

    def __init__(self, file: str, row: Row, problems: list[Problem], today: date) -> None:
        self.file, self.row, self.problems, self.today = file, row, problems, today

    def problem(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.file, self.row.line, column, message))

    def text(self, column: str, required: bool = False) -> str:
        value = self.row.values.get(column, "").strip()
        if required and not value:
            self.problem(column, "required")
        return value

    def date(self, column: str, required: bool = False, past: bool = True) -> date | None:
        value = self.text(column, required)
        if not value:
            return None
        try:
            parsed = parse_date(value)
        except DateError as error:
            self.problem(column, str(error))
            return None
        if parsed is None:
            self.problem(column, f"{value!r} is a placeholder for an unknown date: leave it empty")
        elif past and parsed > self.today:
            self.problem(column, f"{parsed.isoformat()} is in the future")
            return None
        return parsed

    def choice(self, column: str, choices: type[EnumT], required: bool = True) -> EnumT | None:
        value = self.text(column, required)
        if not value:
            return None
        try:
            return choices(value)
        except ValueError:
            allowed = ", ".join(choice.value for choice in choices)
            self.problem(column, f"unknown value {value!r}; expected one of: {allowed}")
            return None

    def urls(self, column: str) -> str:
        value = self.text(column, required=True)
        for url in value.split():
            if not re.match(r"^https?://[^\s/]+\.[^\s]+", url):
                self.problem(column, f"{url!r} is not an http(s) URL")
        return value

    def state(self, column: str, states: Mapping[str, State], required: bool = True) -> str:
        value = self.text(column, required)
        if not value:
            return ""
        code = resolve_state(value, states)
        if code is None:
            self.problem(column, f"unknown State {value!r} (use an ISO alpha-2 or alpha-3 code)")
            return ""
        return code

    def unknown_columns(self, known: Iterable[str]) -> None:
        extra = sorted(set(self.row.values) - set(known))
        for column in extra:
            self.problem(column, "unknown column")


def validate_actions(
    file: str, rows: Iterable[Row], context: Context
) -> tuple[list[Action], list[Problem]]:
    """Treaty actions from rows, and every problem found in them."""
    problems: list[Problem] = []
    actions: list[Action] = []
    seen: dict[str, int] = {}
    for row in rows:
        reader = FieldReader(file, row, problems, context.today)
        reader.unknown_columns(ACTION_COLUMNS)
        before = len(problems)
        action = _read_action(reader, context)
        if action is None or len(problems) > before:
            continue
        if action.key in seen:
            reader.problem(
                "date", f"duplicate of the row on line {seen[action.key]} ({action.key})"
            )
            continue
        seen[action.key] = row.line
        actions.append(action)
    problems.extend(_missing_signatures(file, actions, seen, context))
    return actions, problems


def _read_action(reader: FieldReader, context: Context) -> Action | None:
    treaty_slug = reader.text("treaty", required=True)
    treaty = context.treaties.get(treaty_slug)
    if treaty_slug and treaty is None:
        reader.problem(
            "treaty", f"unknown treaty {treaty_slug!r}; known: {', '.join(context.treaties)}"
        )
    state = reader.state("state", context.states)
    raw = reader.text("action")
    action_class = reader.choice("action_class", ActionClass, required=False)
    if action_class is None and not reader.text("action_class"):
        action_class = RAW_ACTION_CLASSES.get(raw) or RAW_ACTION_CLASSES.get(raw.lower())
        if action_class is None:
            reader.problem(
                "action_class",
                f"required: the act type {raw!r} does not say which class it is"
                if raw
                else "required",
            )
    day = reader.date("date", required=True)
    effective_on = reader.date("effective_on", past=False)
    reported = reader.date("reported_entry_into_force", past=False)
    recorded_on = reader.date("recorded_on")
    retracted_on = reader.date("retracted_on")
    source_url = reader.urls("source_url")
    source_date = reader.date("source_date", required=True)
    if day and treaty and treaty.opened_for_signature and day < treaty.opened_for_signature:
        reader.problem(
            "date",
            f"{day.isoformat()} is before the treaty opened for signature "
            f"({treaty.opened_for_signature.isoformat()})",
        )
    for column, later in (("effective_on", effective_on), ("reported_entry_into_force", reported)):
        if day and later and later < day:
            reader.problem(
                column, f"{later.isoformat()} is before the act itself ({day.isoformat()})"
            )
    if recorded_on and retracted_on and retracted_on < recorded_on:
        reader.problem("retracted_on", "is before recorded_on")
    if action_class is ActionClass.DENUNCIATION and effective_on is None:
        reader.problem("effective_on", "required for a denunciation: the date it takes effect")
    if not (treaty and state and action_class and day and source_date):
        return None
    return Action(
        treaty=treaty.slug,
        state=state,
        action_class=action_class,
        date=day,
        source_url=source_url,
        source_date=source_date,
        raw_action=raw,
        effective_on=effective_on,
        reported_entry_into_force=reported,
        place=reader.text("place"),
        scope=reader.text("scope"),
        recorded_on=recorded_on,
        retracted_on=retracted_on,
        note=reader.text("note"),
    )


def _missing_signatures(
    file: str, actions: list[Action], lines: Mapping[str, int], context: Context
) -> list[Problem]:
    """Ratification, acceptance and approval need an earlier signature, here or on record."""
    signatures = {
        (action.treaty, action.state): action.date
        for action in [*context.existing_actions, *actions]
        if action.action_class is ActionClass.SIGNATURE and action.retracted_on is None
    }
    problems = []
    for action in actions:
        treaty = context.treaties[action.treaty]
        if (
            action.action_class not in SIGNATURE_REQUIRED_CLASSES
            or not treaty.consent_requires_signature
        ):
            continue
        signed = signatures.get((action.treaty, action.state))
        if signed is None or signed > action.date:
            problems.append(
                Problem(
                    file,
                    lines[action.key],
                    "action_class",
                    f"{action.action_class} by {action.state} on {action.date.isoformat()} "
                    "without an earlier signature: the treaty requires one (or use accession)",
                )
            )
    return problems


def validate_declarations(
    file: str, rows: Iterable[Row], context: Context
) -> tuple[list[Declaration], list[Problem]]:
    """Declarations, reservations and notifications from rows, and every problem found."""
    problems: list[Problem] = []
    declarations: list[Declaration] = []
    seen: dict[str, int] = {}
    for row in rows:
        reader = FieldReader(file, row, problems, context.today)
        reader.unknown_columns(DECLARATION_COLUMNS)
        before = len(problems)
        declaration = _read_declaration(reader, context)
        if declaration is None or len(problems) > before:
            continue
        if declaration.key in seen:
            reader.problem("kind", f"duplicate of the row on line {seen[declaration.key]}")
            continue
        seen[declaration.key] = row.line
        declarations.append(declaration)
    return declarations, problems


def _read_declaration(reader: FieldReader, context: Context) -> Declaration | None:
    treaty_slug = reader.text("treaty", required=True)
    if treaty_slug and treaty_slug not in context.treaties:
        reader.problem("treaty", f"unknown treaty {treaty_slug!r}")
    state = reader.state("state", context.states)
    kind = reader.choice("kind", DeclarationKind)
    articles = _split(reader.text("articles"))
    for article in articles:
        if not _ARTICLE.match(article):
            reader.problem("articles", f"{article!r} is not an article reference such as 8(3)")
    annexes = _split(reader.text("annexes"))
    for annex in annexes:
        if not _ANNEX.match(annex):
            reader.problem("annexes", f"{annex!r} is not an annex letter (A–H) or *")
    made_at = reader.text("made_at") or "unknown"
    if made_at not in MADE_AT:
        reader.problem(
            "made_at", f"unknown value {made_at!r}; expected one of: {', '.join(MADE_AT)}"
        )
    made_on = reader.date("made_on")
    valid_from = reader.date("valid_from", past=False)
    valid_until = reader.date("valid_until", past=False)
    withdrawn_on = reader.date("withdrawn_on")
    if valid_from and valid_until and valid_until < valid_from:
        reader.problem("valid_until", "is before valid_from")
    validity_text = reader.text("validity_months")
    validity_months = None
    if validity_text:
        if validity_text.isdigit() and int(validity_text) > 0:
            validity_months = int(validity_text)
        else:
            reader.problem(
                "validity_months", f"{validity_text!r} is not a whole number of months > 0"
            )
    renewable_text = reader.text("renewable").lower()
    if renewable_text not in ("", "true", "false"):
        reader.problem("renewable", "expected true, false or empty")
    target = reader.state(
        "target_state", context.states, required=kind is DeclarationKind.OBJECTION
    )
    if kind is DeclarationKind.ANNEX_OPT_IN and not annexes:
        reader.problem("annexes", "required for an annex opt-in")
    summary = reader.text("summary", required=True)
    recorded_on = reader.date("recorded_on")
    retracted_on = reader.date("retracted_on")
    source_url = reader.urls("source_url")
    source_date = reader.date("source_date", required=True)
    if not (treaty_slug in context.treaties and state and kind and source_date and summary):
        return None
    return Declaration(
        treaty=treaty_slug,
        state=state,
        kind=kind,
        summary=summary,
        source_url=source_url,
        source_date=source_date,
        articles=tuple(articles),
        annexes=tuple(annexes),
        made_on=made_on,
        made_at=made_at,
        valid_from=valid_from,
        valid_until=valid_until,
        withdrawn_on=withdrawn_on,
        validity_months=validity_months,
        renewable=renewable_text == "true",
        target_state=target,
        recorded_on=recorded_on,
        retracted_on=retracted_on,
        note=reader.text("note"),
    )


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]
