"""The outreach log: who approached which State, how, to what end, and when to follow up.

The rules live here, once, for the importer, the model's `clean()` and the API.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from treatywatch.core.event_rules import Issue, cell_date, cell_text
from treatywatch.core.evidence import MEASURES
from treatywatch.core.tabular import Problem, Row

__all__ = [
    "CHANNELS",
    "OUTCOMES",
    "OUTREACH_COLUMNS",
    "FollowUp",
    "OutreachInvalid",
    "OutreachRecord",
    "check_outreach",
    "due_follow_ups",
    "outreach_from_values",
    "read_outreach",
    "validate_outreach",
]

CHANNELS = (
    "bilateral_meeting", "demarche", "letter", "statement_in_forum", "workshop", "media",
)  # fmt: skip
# From no answer yet to a commitment; `commitment` is a statement of intent to sign or ratify.
OUTCOMES = ("pending", "no_response", "acknowledged", "interest", "commitment", "declined")
OUTREACH_COLUMNS = (
    "on", "actor_state", "actor_organisation", "target", "channel", "forum", "measure",
    "summary", "outcome", "outcome_note", "follow_up_on", "follow_up_done_on", "public",
    "source_url", "note",
)  # fmt: skip
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


class OutreachInvalid(ValueError):
    """An outreach entry that breaks the rules; `issues` names every field at fault."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        super().__init__("; ".join(str(issue) for issue in issues))


@dataclass(frozen=True)
class OutreachRecord:
    """One contact: `actor_state` or `actor_organisation` approached `target` on `on`."""

    on: date | None
    target: str
    channel: str
    actor_state: str = ""
    actor_organisation: str = ""
    forum: str = ""
    measure: str = ""
    summary: str = ""
    outcome: str = "pending"
    outcome_note: str = ""
    follow_up_on: date | None = None
    follow_up_done_on: date | None = None
    # Internal by default: démarches are often confidential; public ones may be named in reports.
    public: bool = False
    source_url: str = ""
    note: str = ""

    @property
    def actor(self) -> str:
        return self.actor_state or self.actor_organisation

    @property
    def key(self) -> str:
        """Stable key for idempotent imports: one contact per day, actor, target and channel."""
        day = self.on.isoformat() if self.on else "undated"
        return f"{day}/{self.actor}/{self.target}/{self.channel}"

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "on": _iso(self.on),
            "actor_state": self.actor_state or None,
            "actor_organisation": self.actor_organisation or None,
            "target": self.target,
            "channel": self.channel,
            "forum": self.forum,
            "measure": self.measure or None,
            "summary": self.summary,
            "outcome": self.outcome,
            "outcome_note": self.outcome_note,
            "follow_up_on": _iso(self.follow_up_on),
            "follow_up_done_on": _iso(self.follow_up_done_on),
            "public": self.public,
            "source_url": self.source_url.split(),
            "note": self.note,
        }


def check_outreach(
    record: OutreachRecord, state_codes: Collection[str], today: date | None = None
) -> list[Issue]:
    """Every rule the entry breaks; an empty list means it is valid."""
    issues: list[Issue] = []
    if record.on is None:
        issues.append(Issue("on", "required: the day of the contact"))
    elif today is not None and record.on > today:
        issues.append(Issue("on", f"{record.on.isoformat()} is in the future: log contacts made"))
    if not record.actor_state and not record.actor_organisation:
        issues.append(Issue("actor_state", "required: the State or organisation that acted"))
    if record.actor_state and record.actor_state not in state_codes:
        issues.append(Issue("actor_state", f"unknown State {record.actor_state!r}"))
    if not record.target:
        issues.append(Issue("target", "required: the State approached"))
    elif record.target not in state_codes:
        issues.append(Issue("target", f"unknown State {record.target!r}"))
    elif record.target == record.actor_state:
        issues.append(Issue("target", "a State cannot approach itself"))
    if record.channel not in CHANNELS:
        issues.append(Issue("channel", _unknown("channel", record.channel, CHANNELS)))
    if record.channel == "statement_in_forum" and not record.forum:
        issues.append(Issue("forum", "required for a statement in a forum: name the forum"))
    if record.measure and record.measure not in MEASURES:
        issues.append(Issue("measure", _unknown("measure", record.measure, MEASURES)))
    if record.outcome not in OUTCOMES:
        issues.append(Issue("outcome", _unknown("outcome", record.outcome, OUTCOMES)))
    for column, later in (
        ("follow_up_on", record.follow_up_on),
        ("follow_up_done_on", record.follow_up_done_on),
    ):
        if record.on and later and later < record.on:
            issues.append(Issue(column, f"{later.isoformat()} is before the contact ({record.on})"))
    if record.follow_up_done_on and not record.follow_up_on:
        issues.append(Issue("follow_up_done_on", "set without a follow-up date"))
    for url in record.source_url.split():
        if not _URL.match(url):
            issues.append(Issue("source_url", f"{url!r} is not an http(s) URL"))
    if record.public and not record.source_url:
        issues.append(Issue("source_url", "required when the contact is public"))
    return issues


def outreach_from_values(values: Mapping[str, Any]) -> tuple[OutreachRecord, list[Issue]]:
    """A record from CSV text or JSON values, and the issues met while reading them."""
    issues = [Issue(name, "unknown field") for name in sorted(set(values) - set(OUTREACH_COLUMNS))]
    public_text = cell_text(values.get("public")).lower()
    public = values.get("public") is True or public_text in ("true", "1", "yes")
    if public_text not in ("", "true", "false", "1", "0", "yes", "no"):
        issues.append(Issue("public", f"expected true or false, not {public_text!r}"))
    record = OutreachRecord(
        on=cell_date(values.get("on"), "on", issues),
        target=cell_text(values.get("target")).upper(),
        channel=cell_text(values.get("channel")),
        actor_state=cell_text(values.get("actor_state")).upper(),
        actor_organisation=cell_text(values.get("actor_organisation")),
        forum=cell_text(values.get("forum")),
        measure=cell_text(values.get("measure")),
        summary=cell_text(values.get("summary")),
        outcome=cell_text(values.get("outcome")) or "pending",
        outcome_note=cell_text(values.get("outcome_note")),
        follow_up_on=cell_date(values.get("follow_up_on"), "follow_up_on", issues),
        follow_up_done_on=cell_date(values.get("follow_up_done_on"), "follow_up_done_on", issues),
        public=public,
        source_url=" ".join(cell_text(values.get("source_url")).split()),
        note=cell_text(values.get("note")),
    )
    return record, issues


def validate_outreach(
    values: Mapping[str, Any], state_codes: Collection[str], today: date | None = None
) -> OutreachRecord:
    """A checked record from loose values (an API body); OutreachInvalid otherwise."""
    record, issues = outreach_from_values(values)
    issues.extend(check_outreach(record, state_codes, today))
    if issues:
        raise OutreachInvalid(issues)
    return record


def read_outreach(
    file: str, rows: Iterable[Row], state_codes: Collection[str], today: date
) -> tuple[list[OutreachRecord], list[Problem]]:
    """Records from table rows, and every problem as `file:line: field: message`."""
    problems: list[Problem] = []
    records: list[OutreachRecord] = []
    seen: dict[str, int] = {}
    for row in rows:
        record, issues = outreach_from_values(row.values)
        issues.extend(check_outreach(record, state_codes, today))
        if not issues and record.key in seen:
            issues.append(Issue("on", f"repeats the contact on line {seen[record.key]}"))
        problems.extend(Problem(file, row.line, issue.field, issue.message) for issue in issues)
        if not issues:
            seen[record.key] = row.line
            records.append(record)
    return records, problems


@dataclass(frozen=True)
class FollowUp:
    """A follow-up not yet done, due on `due_on`; `days_late` is negative while still ahead."""

    record: OutreachRecord
    due_on: date
    days_late: int

    @property
    def overdue(self) -> bool:
        return self.days_late > 0

    def to_json(self) -> dict[str, Any]:
        return {
            "due_on": self.due_on.isoformat(),
            "days_late": self.days_late,
            "overdue": self.overdue,
            **self.record.to_json(),
        }


def due_follow_ups(
    records: Sequence[OutreachRecord], today: date, within_days: int = 14
) -> list[FollowUp]:
    """Follow-ups not done that fall due by `today + within_days`, the most overdue first."""
    horizon = today + timedelta(days=within_days)
    due = [
        FollowUp(record, record.follow_up_on, (today - record.follow_up_on).days)
        for record in records
        if record.follow_up_on is not None
        and record.follow_up_done_on is None
        and record.follow_up_on <= horizon
    ]
    return sorted(due, key=lambda item: (item.due_on, item.record.key))


def _unknown(what: str, value: str, allowed: Iterable[str]) -> str:
    return f"unknown {what} {value!r}; expected one of: {', '.join(allowed)}"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
