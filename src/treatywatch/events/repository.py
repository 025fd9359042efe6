"""Between Event rows and the core's EventRecord, with every field the engine and reports use."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import QuerySet

from treatywatch.core.evidence import EventRecord, Review
from treatywatch.events.models import Event

__all__ = ["distinct_pairs", "event_records", "record_fields", "to_record"]


def to_record(row: Event, states: Iterable[str] | None = None) -> EventRecord:
    """The core record for a row; pass `states` when they were fetched already."""
    codes = states if states is not None else (state.code for state in row.states.all())
    audiences = row.audiences if isinstance(row.audiences, list) else []
    return EventRecord(
        slug=row.slug,
        title=row.title,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        level=row.level,
        kind=row.kind,
        forum=row.forum,
        organisers=row.organisers,
        place=row.place,
        online=row.online,
        audiences=tuple(
            (str(item.get("role", "")), item.get("count"))
            for item in audiences
            if isinstance(item, dict)
        ),
        states=tuple(sorted(codes)),
        measures=tuple(row.measures if isinstance(row.measures, list) else ()),
        materials=row.materials,
        source_url=row.source_url,
        source_date=row.source_date,
        note=row.note,
        review=Review(row.review),
    )


def event_records(
    *,
    review: Review | None = None,
    start: date | None = None,
    end: date | None = None,
    state: str | None = None,
    queryset: QuerySet[Event] | None = None,
) -> list[EventRecord]:
    """Events as records, oldest first, optionally only those reviewed so, in a period, or
    involving a State. An event without a known day falls in the period it was read in."""
    rows = (queryset if queryset is not None else Event.objects.all()).prefetch_related("states")
    if review is not None:
        rows = rows.filter(review=review.value)
    if state is not None:
        rows = rows.filter(states__code=state)
    records = [to_record(row, [s.code for s in row.states.all()]) for row in rows]
    if start is not None:
        records = [r for r in records if (r.ends_on or r.counted_from) >= start]
    if end is not None:
        records = [r for r in records if r.counted_from <= end]
    return sorted(records, key=lambda r: (r.counted_from, r.slug))


def record_fields(record: EventRecord) -> dict[str, Any]:
    """The model fields for a record, keyed as the model names them (states apart)."""
    return {
        "title": record.title,
        "starts_on": record.starts_on,
        "ends_on": record.ends_on,
        "level": record.level,
        "kind": record.kind,
        "forum": record.forum,
        "organisers": record.organisers,
        "place": record.place,
        "online": record.online,
        "audiences": [{"role": role, "count": count} for role, count in record.audiences],
        "measures": list(record.measures),
        "materials": record.materials,
        "source_url": record.source_url,
        "source_date": record.source_date,
        "note": record.note,
    }


def distinct_pairs() -> set[frozenset[str]]:
    """Pairs of slugs a reviewer marked as different events."""
    through = Event.distinct_from.through
    return {
        frozenset((first, second))
        for first, second in through.objects.values_list("from_event__slug", "to_event__slug")
    }
