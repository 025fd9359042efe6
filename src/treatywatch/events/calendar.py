"""Events as an iCalendar file, for the calendars of pledge coordinators and practitioners."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from treatywatch.core.evidence import EventRecord

__all__ = ["events_to_ics"]


def events_to_ics(events: Iterable[EventRecord], stamp: date, name: str) -> tuple[bytes, int]:
    """The .ics bytes and how many events were left out because their day is unknown.

    Events are all-day entries; `stamp` fixes DTSTAMP so the same data gives the same file.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//TreatyWatch//Ljubljana - The Hague Convention events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    skipped = 0
    stamped = datetime(stamp.year, stamp.month, stamp.day, tzinfo=UTC)
    for event in events:
        if event.starts_on is None:
            skipped += 1
            continue
        entry = CalendarEvent()
        entry.add("uid", f"{event.slug}@treatywatch")
        entry.add("dtstamp", stamped)
        entry.add("summary", event.title)
        entry.add("dtstart", event.starts_on)
        # DTEND of an all-day event is the day after the last day.
        entry.add("dtend", (event.ends_on or event.starts_on) + timedelta(days=1))
        location = event.place or ("Online" if event.online else "")
        if location:
            entry.add("location", location)
        sources = event.source_url.split()
        if sources:
            entry.add("url", sources[0])
        lines = [
            line
            for line in (
                event.forum,
                f"Organisers: {event.organisers.replace(';', ', ')}" if event.organisers else "",
                f"States: {', '.join(event.states)}" if event.states else "",
                f"Sources (read {event.source_date.isoformat()}): {' '.join(sources)}",
                event.note,
            )
            if line
        ]
        entry.add("description", "\n".join(lines))
        entry.add("categories", [event.level, *([event.kind] if event.kind else [])])
        calendar.add_component(entry)
    return calendar.to_ical(), skipped
