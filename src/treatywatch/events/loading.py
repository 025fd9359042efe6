"""Bringing the bundled events into the database, keeping what staff entered or changed."""

from __future__ import annotations

from collections.abc import Iterable

from treatywatch.core.evidence import EventRecord
from treatywatch.events.models import Event, ReviewStatus
from treatywatch.treaties.models import Origin

__all__ = ["event_fields", "merge_bundled_events"]


def event_fields(event: EventRecord) -> dict[str, object]:
    return {
        "title": event.title,
        "starts_on": event.starts_on,
        "ends_on": event.ends_on,
        "level": event.level,
        "kind": event.kind,
        "forum": event.forum,
        "organisers": event.organisers,
        "place": event.place,
        "online": event.online,
        "audiences": [{"role": role, "count": count} for role, count in event.audiences],
        "measures": list(event.measures),
        "materials": event.materials,
        "source_url": event.source_url,
        "source_date": event.source_date,
        "note": event.note,
    }


def merge_bundled_events(events: Iterable[EventRecord]) -> dict[str, int]:
    """Add or refresh bundled events (confirmed: they come from cited public sources)."""
    counts = {"added": 0, "changed": 0, "unchanged": 0, "kept": 0}
    existing = {event.slug: event for event in Event.objects.prefetch_related("states")}
    for record in events:
        fields = event_fields(record)
        row = existing.get(record.slug)
        if row is None:
            row = Event.objects.create(
                slug=record.slug, origin=Origin.BUNDLED, review=ReviewStatus.CONFIRMED, **fields
            )
            row.states.set(record.states)
            counts["added"] += 1
        elif row.origin != Origin.BUNDLED:
            counts["kept"] += 1
        elif any(getattr(row, name) != value for name, value in fields.items()) or set(
            row.states.values_list("code", flat=True)
        ) != set(record.states):
            Event.objects.filter(pk=row.pk).update(**fields)
            row.states.set(record.states)
            counts["changed"] += 1
        else:
            counts["unchanged"] += 1
    return counts
