"""Events and references: the evidence behind indicators 3 to 5, and their bundled files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from treatywatch.core.tabular import Problem, TableError, read_table
from treatywatch.core.validate import FieldReader

__all__ = [
    "AUDIENCE_ROLES",
    "EVENT_LEVELS",
    "MEASURES",
    "EventRecord",
    "ReferenceKind",
    "ReferenceRecord",
    "Review",
    "load_events",
    "load_references",
]

EVENT_LEVELS = ("international", "regional", "national")
AUDIENCE_ROLES = (
    "judges", "prosecutors", "central_authority_staff", "diplomats", "parliamentarians",
    "civil_society", "general_public", "academics", "officials",
)  # fmt: skip
MEASURES = (
    "sign", "ratify", "encourage_others", "use_provisions", "raise_in_fora",
    "public_awareness", "training",
)  # fmt: skip


class Review(StrEnum):
    """Machine-found items count only once a reviewer confirms them."""

    PENDING = "pending"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class ReferenceKind(StrEnum):
    ADOPTED_DOCUMENT = "adopted-document"
    PUBLIC_DOMAIN = "public-domain"


@dataclass(frozen=True)
class EventRecord:
    slug: str
    title: str
    starts_on: date | None
    level: str
    source_url: str
    source_date: date
    review: Review = Review.CONFIRMED
    states: tuple[str, ...] = ()
    ends_on: date | None = None
    forum: str = ""
    organisers: str = ""
    place: str = ""
    online: bool | None = None
    audiences: tuple[tuple[str, int | None], ...] = ()
    measures: tuple[str, ...] = ()
    materials: str = ""
    note: str = ""

    @property
    def counted_from(self) -> date:
        """When the event counts: its start, or when we read about it if the day is unknown."""
        return self.starts_on or self.source_date


@dataclass(frozen=True)
class ReferenceRecord:
    url: str
    title: str
    published_on: date | None
    kind: ReferenceKind
    language: str
    source_date: date
    review: Review = Review.CONFIRMED
    cluster: str = ""
    forum: str = ""
    publisher: str = ""
    country: str = ""
    summary: str = ""
    note: str = ""

    @property
    def counted_from(self) -> date:
        """When the reference counts: its publication, or when we read it if that is unknown."""
        return self.published_on or self.source_date


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(";") if part.strip())


def load_events(path: Path, state_codes: set[str], today: date) -> list[EventRecord]:
    """Events from a CSV in the bundled columns; TableError lists every problem."""
    problems: list[Problem] = []
    events: list[EventRecord] = []
    seen: set[str] = set()
    for row in read_table(path)[1]:
        reader = FieldReader(str(path), row, problems, today)
        slug = reader.text("slug", required=True)
        if slug in seen:
            reader.problem("slug", f"{slug!r} appears twice")
        seen.add(slug)
        level = reader.text("level", required=True)
        if level and level not in EVENT_LEVELS:
            reader.problem(
                "level", f"unknown level {level!r}; expected one of: {', '.join(EVENT_LEVELS)}"
            )
        starts_on, ends_on = (
            reader.date("starts_on", past=False),
            reader.date("ends_on", past=False),
        )
        if starts_on and ends_on and ends_on < starts_on:
            reader.problem("ends_on", "the event ends before it starts")
        audiences = []
        for item in _split(reader.text("audiences")):
            role, _, count = item.partition(":")
            if role not in AUDIENCE_ROLES:
                reader.problem("audiences", f"unknown role {role!r}")
            if count and (not count.isdigit()):
                reader.problem(
                    "audiences", f"participant count {count!r} is not a whole number ≥ 0"
                )
            audiences.append((role, int(count) if count.isdigit() else None))
        states = _split(reader.text("states"))
        for code in states:
            if code not in state_codes:
                reader.problem("states", f"unknown State {code!r}")
        measures = _split(reader.text("measures"))
        for measure in measures:
            if measure not in MEASURES:
                reader.problem("measures", f"unknown measure {measure!r}")
        online_text = reader.text("online").lower()
        if online_text not in ("", "true", "false"):
            reader.problem("online", "expected true, false or empty")
        source_url = reader.urls("source_url")
        source_date = reader.date("source_date", required=True)
        if slug and level and source_date:
            events.append(
                EventRecord(
                    slug=slug,
                    title=reader.text("title", required=True),
                    starts_on=starts_on,
                    ends_on=ends_on,
                    level=level,
                    forum=reader.text("forum"),
                    organisers=reader.text("organisers"),
                    place=reader.text("place"),
                    online={"true": True, "false": False}.get(online_text),
                    audiences=tuple(audiences),
                    states=states,
                    measures=measures,
                    materials=reader.text("materials"),
                    source_url=source_url,
                    source_date=source_date,
                    note=reader.text("note"),
                )
            )
    if problems:
        raise TableError(problems)
    return events


def load_references(path: Path, state_codes: set[str], today: date) -> list[ReferenceRecord]:
    """Known references from a CSV in the bundled columns; TableError lists every problem."""
    problems: list[Problem] = []
    references: list[ReferenceRecord] = []
    seen: set[str] = set()
    for row in read_table(path)[1]:
        reader = FieldReader(str(path), row, problems, today)
        url = reader.urls("url")
        if url in seen:
            reader.problem("url", "appears twice")
        seen.add(url)
        kind = reader.choice("kind", ReferenceKind)
        country = reader.text("country")
        if country and country not in state_codes:
            reader.problem("country", f"unknown State {country!r}")
        published_on = reader.date("published_on")
        language = reader.text("language", required=True)
        source_date = reader.date("source_date", required=True)
        if url and kind and source_date and language:
            references.append(
                ReferenceRecord(
                    url=url,
                    title=reader.text("title"),
                    published_on=published_on,
                    kind=kind,
                    language=language,
                    source_date=source_date,
                    forum=reader.text("forum"),
                    publisher=reader.text("publisher"),
                    country=country,
                    summary=reader.text("summary", required=True),
                    note=reader.text("note"),
                )
            )
    if problems:
        raise TableError(problems)
    return references
