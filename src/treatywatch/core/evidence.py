"""Events and references: the evidence behind indicators 3 to 5, and their bundled files."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from pathlib import Path

from treatywatch.core.tabular import Problem, TableError, read_table
from treatywatch.core.validate import FieldReader

__all__ = [
    "AUDIENCE_ROLES",
    "EVENT_KINDS",
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
# The format of an event, to tell a conference from a statement marking an anniversary.
EVENT_KINDS = (
    "conference", "meeting", "side_event", "seminar", "workshop", "training", "ceremony",
    "statement", "publication", "other",
)  # fmt: skip
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
    kind: str = ""
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

    @property
    def participants(self) -> int | None:
        """The participants counted across roles; None when no count is known."""
        counts = [count for _, count in self.audiences if count is not None]
        return sum(counts) if counts else None


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


def load_events(path: Path, state_codes: set[str], today: date) -> list[EventRecord]:
    """Events from a CSV in the bundled columns; TableError lists every problem."""
    # Imported here: the rules module builds on this one's records and vocabularies.
    from treatywatch.core.event_rules import read_events

    events, problems = read_events(str(path), read_table(path)[1], state_codes, today)
    if problems:
        raise TableError(problems)
    # The bundled file holds only events read in public sources: they count as confirmed.
    return [replace(event, review=Review.CONFIRMED) for event in events]


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
