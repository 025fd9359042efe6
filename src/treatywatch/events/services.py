"""What the staff workspace and the API call to check and save an event.

Validation is the core's (`treatywatch.core.event_rules`): the same rules as the importer
and the model's `clean()`, so a bad event is refused the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction

from treatywatch.config import today as configured_today
from treatywatch.core.event_duplicates import LikelyDuplicate, likely_duplicates
from treatywatch.core.event_rules import EventInvalid, Issue, validate_event
from treatywatch.core.evidence import EventRecord
from treatywatch.events.models import Event
from treatywatch.events.repository import distinct_pairs, event_records, record_fields
from treatywatch.treaties.models import Origin, State

__all__ = [
    "EventInvalid",
    "Issue",
    "duplicates_of",
    "event_to_json",
    "save_event",
    "validate_event_payload",
]


def validate_event_payload(payload: Mapping[str, Any], today: date | None = None) -> EventRecord:
    """A checked event from a JSON body; EventInvalid lists each field at fault."""
    codes = set(State.objects.values_list("code", flat=True))
    return validate_event(payload, codes, today or configured_today())


def save_event(
    record: EventRecord, origin: str = Origin.STAFF, *, set_review: bool = True
) -> tuple[Event, str]:
    """Create or update the event with the record's slug: (row, 'added'|'changed'|'unchanged')."""
    fields = record_fields(record)
    if set_review:
        fields["review"] = record.review.value
    with transaction.atomic():
        row = Event.objects.filter(slug=record.slug).first()
        if row is None:
            row = Event.objects.create(slug=record.slug, origin=origin, **fields)
            row.states.set(record.states)
            return row, "added"
        current_states = set(row.states.values_list("code", flat=True))
        changed = {name for name, value in fields.items() if getattr(row, name) != value}
        if not changed and current_states == set(record.states):
            return row, "unchanged"
        Event.objects.filter(pk=row.pk).update(origin=origin, **fields)
        row.states.set(record.states)
        row.refresh_from_db()
        return row, "changed"


def duplicates_of(slugs: set[str] | None = None) -> list[LikelyDuplicate]:
    """Likely duplicate pairs among all events; only those touching `slugs` when given."""
    pairs = likely_duplicates(event_records(), distinct_pairs())
    if slugs is None:
        return pairs
    return [pair for pair in pairs if pair.first in slugs or pair.second in slugs]


def event_to_json(record: EventRecord) -> dict[str, Any]:
    """An event in the shape the CLI and API print."""
    return {
        "slug": record.slug,
        "title": record.title,
        "starts_on": record.starts_on.isoformat() if record.starts_on else None,
        "ends_on": record.ends_on.isoformat() if record.ends_on else None,
        "level": record.level,
        "kind": record.kind,
        "forum": record.forum,
        "organisers": [part for part in record.organisers.split(";") if part],
        "place": record.place,
        "online": record.online,
        "audiences": [{"role": role, "count": count} for role, count in record.audiences],
        "participants": record.participants,
        "states": list(record.states),
        "measures": list(record.measures),
        "materials": record.materials,
        "source_url": record.source_url.split(),
        "source_date": record.source_date.isoformat(),
        "note": record.note,
        "review": record.review.value,
    }
