"""The rules every event must pass, wherever it comes from: a file, the staff workspace, the API.

One place decides what a valid event is. Callers turn the issues found into their own
error shape: `file:line: field: message` for files, a form error per field for the admin,
one error body for the API.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from treatywatch.core.dates import DateError, parse_date
from treatywatch.core.evidence import (
    AUDIENCE_ROLES,
    EVENT_KINDS,
    EVENT_LEVELS,
    MEASURES,
    EventRecord,
    Review,
)
from treatywatch.core.tabular import Problem, Row

__all__ = [
    "EVENT_COLUMNS",
    "EventDraft",
    "EventInvalid",
    "Issue",
    "cell_date",
    "cell_text",
    "check_event",
    "draft_from_values",
    "make_slug",
    "read_events",
    "validate_event",
]

EVENT_COLUMNS = (
    "slug", "title", "starts_on", "ends_on", "level", "kind", "forum", "organisers", "place",
    "online", "audiences", "states", "measures", "materials", "source_url", "source_date",
    "note",
)  # fmt: skip
# Columns a file may carry besides the bundled ones; `review` lets staff import confirmed rows.
OPTIONAL_COLUMNS = ("review",)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


@dataclass(frozen=True)
class Issue:
    """One thing wrong with one field of an event."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class EventInvalid(ValueError):
    """An event that breaks the rules; `issues` names every field at fault."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        super().__init__("; ".join(str(issue) for issue in issues))


@dataclass(frozen=True)
class EventDraft:
    """An event's fields as typed values, before the rules have passed it."""

    slug: str = ""
    title: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    level: str = ""
    kind: str = ""
    forum: str = ""
    organisers: str = ""
    place: str = ""
    online: bool | None = None
    audiences: tuple[tuple[str, int | None], ...] = ()
    states: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    materials: str = ""
    source_url: str = ""
    source_date: date | None = None
    note: str = ""
    review: Review = Review.PENDING

    def to_record(self) -> EventRecord:
        """The validated record; call only once `check_event` found nothing."""
        if self.source_date is None:
            raise EventInvalid([Issue("source_date", "required")])
        return EventRecord(
            slug=self.slug or make_slug(self.title, self.starts_on),
            title=self.title,
            starts_on=self.starts_on,
            ends_on=self.ends_on,
            level=self.level,
            kind=self.kind,
            forum=self.forum,
            organisers=self.organisers,
            place=self.place,
            online=self.online,
            audiences=self.audiences,
            states=self.states,
            measures=self.measures,
            materials=self.materials,
            source_url=self.source_url,
            source_date=self.source_date,
            note=self.note,
            review=self.review,
        )


def make_slug(title: str, starts_on: date | None) -> str:
    """A stable key from the title and start date, for rows that bring none."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    stem = "-".join(words)[:90].strip("-") or "event"
    return f"{stem}-{starts_on.isoformat()}" if starts_on else stem


def check_event(
    draft: EventDraft, state_codes: Collection[str], today: date | None = None
) -> list[Issue]:
    """Every rule the draft breaks, in field order; an empty list means it is valid."""
    issues: list[Issue] = []
    if draft.slug and not _SLUG.match(draft.slug):
        issues.append(Issue("slug", f"{draft.slug!r} is not a lower-case hyphenated slug"))
    if not draft.title.strip():
        issues.append(Issue("title", "required"))
    if draft.ends_on is not None and draft.starts_on is None:
        issues.append(Issue("ends_on", "set while starts_on is unknown"))
    elif draft.ends_on and draft.starts_on and draft.ends_on < draft.starts_on:
        issues.append(
            Issue(
                "ends_on",
                f"the event ends ({draft.ends_on.isoformat()}) before it starts "
                f"({draft.starts_on.isoformat()})",
            )
        )
    if not draft.level:
        issues.append(Issue("level", "required"))
    elif draft.level not in EVENT_LEVELS:
        issues.append(Issue("level", _unknown("level", draft.level, EVENT_LEVELS)))
    if draft.kind and draft.kind not in EVENT_KINDS:
        issues.append(Issue("kind", _unknown("kind", draft.kind, EVENT_KINDS)))
    issues.extend(_audience_issues(draft.audiences))
    for code in draft.states:
        if code not in state_codes:
            issues.append(Issue("states", f"unknown State {code!r} (use ISO alpha-3 codes)"))
    issues.extend(_repeats("states", "State", draft.states))
    for measure in draft.measures:
        if measure not in MEASURES:
            issues.append(Issue("measures", _unknown("measure", measure, MEASURES)))
    issues.extend(_repeats("measures", "measure", draft.measures))
    if not draft.source_url.strip():
        issues.append(Issue("source_url", "required: the page that documents the event"))
    for url in draft.source_url.split():
        if not _URL.match(url):
            issues.append(Issue("source_url", f"{url!r} is not an http(s) URL"))
    if draft.source_date is None:
        issues.append(Issue("source_date", "required: the date the source was read"))
    elif today is not None and draft.source_date > today:
        issues.append(Issue("source_date", f"{draft.source_date.isoformat()} is in the future"))
    return issues


def validate_event(
    values: Mapping[str, Any], state_codes: Collection[str], today: date | None = None
) -> EventRecord:
    """An event record from loose values (an API body, a form); EventInvalid otherwise."""
    draft, issues = draft_from_values(values)
    issues.extend(check_event(draft, state_codes, today))
    if issues:
        raise EventInvalid(issues)
    return draft.to_record()


def draft_from_values(
    values: Mapping[str, Any], *, unknown_fields: bool = True
) -> tuple[EventDraft, list[Issue]]:
    """Typed fields from CSV text or JSON values, and the issues met while reading them.

    Lists may be given as `a;b` text or as JSON lists; audiences as `judges:12;prosecutors`
    or as `[{"role": "judges", "count": 12}]`.
    """
    issues: list[Issue] = []
    if unknown_fields:
        for name in sorted(set(values) - set(EVENT_COLUMNS) - set(OPTIONAL_COLUMNS)):
            issues.append(Issue(name, "unknown field"))
    review_text = cell_text(values.get("review")) or Review.PENDING.value
    try:
        review = Review(review_text)
    except ValueError:
        issues.append(Issue("review", _unknown("review", review_text, [r.value for r in Review])))
        review = Review.PENDING
    draft = EventDraft(
        slug=cell_text(values.get("slug")),
        title=cell_text(values.get("title")),
        starts_on=cell_date(values.get("starts_on"), "starts_on", issues),
        ends_on=cell_date(values.get("ends_on"), "ends_on", issues),
        level=cell_text(values.get("level")),
        kind=cell_text(values.get("kind")),
        forum=cell_text(values.get("forum")),
        organisers=_joined(values.get("organisers")),
        place=cell_text(values.get("place")),
        online=_online(values.get("online"), issues),
        audiences=_audiences(values.get("audiences"), issues),
        states=tuple(code.upper() for code in _items(values.get("states"), "states", issues)),
        measures=_items(values.get("measures"), "measures", issues),
        materials=cell_text(values.get("materials")),
        source_url=" ".join(cell_text(values.get("source_url")).split()),
        source_date=cell_date(values.get("source_date"), "source_date", issues),
        note=cell_text(values.get("note")),
        review=review,
    )
    return draft, issues


def read_events(
    file: str, rows: Iterable[Row], state_codes: Collection[str], today: date
) -> tuple[list[EventRecord], list[Problem]]:
    """Events from table rows, and every problem as `file:line: field: message`."""
    problems: list[Problem] = []
    events: list[EventRecord] = []
    seen: dict[str, int] = {}
    for row in rows:
        draft, issues = draft_from_values(row.values)
        issues.extend(check_event(draft, state_codes, today))
        record = None if issues else draft.to_record()
        if record is not None and record.slug in seen:
            issues.append(
                Issue("slug", f"{record.slug!r} repeats the event on line {seen[record.slug]}")
            )
        problems.extend(Problem(file, row.line, issue.field, issue.message) for issue in issues)
        if record is not None and not issues:
            seen[record.slug] = row.line
            events.append(record)
    return events, problems


def _unknown(what: str, value: str, allowed: Iterable[str]) -> str:
    return f"unknown {what} {value!r}; expected one of: {', '.join(allowed)}"


def _repeats(column: str, what: str, items: Iterable[str]) -> list[Issue]:
    return [
        Issue(column, f"{what} {item!r} is listed twice")
        for item, count in Counter(items).items()
        if count > 1
    ]


def _audience_issues(audiences: Iterable[tuple[str, int | None]]) -> list[Issue]:
    issues = []
    roles = []
    for role, count in audiences:
        roles.append(role)
        if role not in AUDIENCE_ROLES:
            issues.append(Issue("audiences", _unknown("role", role, AUDIENCE_ROLES)))
        if count is not None and count < 0:
            issues.append(
                Issue("audiences", f"participant count for {role!r} is negative ({count})")
            )
    issues.extend(_repeats("audiences", "role", roles))
    return issues


def cell_text(value: Any) -> str:
    """A cell as stripped text; None is empty."""
    if value is None:
        return ""
    return str(value).strip()


def _joined(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ";".join(cell_text(item) for item in value if cell_text(item))
    return cell_text(value)


def cell_date(value: Any, column: str, issues: list[Issue]) -> date | None:
    """A date cell (or a date), recording an Issue for an unreadable or placeholder date."""
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not text:
        return None
    try:
        parsed = parse_date(text)
    except DateError as error:
        issues.append(Issue(column, str(error)))
        return None
    if parsed is None:
        issues.append(Issue(column, f"{text!r} is a placeholder for an unknown date: leave empty"))
    return parsed


def _online(value: Any, issues: list[Issue]) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    text = cell_text(value).lower()
    if text in ("", "true", "false"):
        return {"true": True, "false": False}.get(text)
    issues.append(Issue("online", f"expected true, false or empty, not {text!r}"))
    return None


def _items(value: Any, column: str, issues: list[Issue]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        items = [cell_text(item) for item in value]
    elif isinstance(value, str):
        items = [part.strip() for part in value.split(";")]
    else:
        issues.append(Issue(column, "expected a list or `a;b` text"))
        return ()
    return tuple(item for item in items if item)


def _audiences(value: Any, issues: list[Issue]) -> tuple[tuple[str, int | None], ...]:
    """Audiences as (role, count) pairs; a count that is not a whole number is an issue."""
    if value is None or value == "":
        return ()
    raw: list[tuple[str, Any]] = []
    if isinstance(value, str):
        for item in value.split(";"):
            if item.strip():
                role, _, count = item.partition(":")
                raw.append((role.strip(), count.strip() or None))
    elif isinstance(value, list | tuple):
        for item in value:
            if isinstance(item, Mapping):
                raw.append((cell_text(item.get("role")), item.get("count")))
            elif isinstance(item, str):
                role, _, count = item.partition(":")
                raw.append((role.strip(), count.strip() or None))
            else:
                issues.append(Issue("audiences", f"expected {{role, count}}, not {item!r}"))
    else:
        issues.append(Issue("audiences", "expected a list of {role, count}"))
        return ()
    audiences: list[tuple[str, int | None]] = []
    for role, count in raw:
        if not role:
            issues.append(Issue("audiences", "a participant count without a role"))
            continue
        audiences.append((role, _count(role, count, issues)))
    return tuple(audiences)


def _count(role: str, count: Any, issues: list[Issue]) -> int | None:
    if count is None or count == "":
        return None
    if isinstance(count, bool):
        issues.append(Issue("audiences", f"participant count for {role!r} is not a number"))
        return None
    if isinstance(count, int):
        return count
    text = cell_text(count)
    if re.fullmatch(r"-?\d+", text):
        # Kept even when negative, so the check can say so instead of 'not a number'.
        return int(text)
    issues.append(
        Issue("audiences", f"participant count for {role!r} is not a whole number: {text!r}")
    )
    return None
