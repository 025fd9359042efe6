"""Events in fora about the Convention (indicator 3): a list, a month calendar and an .ics file.

All three read the same filters (level, kind, State, measure) and show confirmed events only.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from treatywatch.config import today
from treatywatch.core.dates import add_months
from treatywatch.core.evidence import EVENT_KINDS, EVENT_LEVELS, MEASURES, EventRecord, Review
from treatywatch.site import snapshot
from treatywatch.site.context import handles_bad_parameters, language, page_context, query_with
from treatywatch.site.labels import EVENT_LEVEL_LABELS
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import BadParameter, as_of_param, choice_param, page_param
from treatywatch.site.pledge_labels import AUDIENCE_LABELS, EVENT_KIND_LABELS, MEASURE_LABELS
from treatywatch.site.tables import name_key
from treatywatch.site.views.helpers import PAGE_SIZE, source_list

FILTERS = ("level", "kind", "state", "measure")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class EventFilters:
    level: str | None
    kind: str | None
    state: str | None
    measure: str | None

    def keep(self, event: EventRecord) -> bool:
        return (
            (not self.level or event.level == self.level)
            and (not self.kind or event.kind == self.kind)
            and (not self.measure or self.measure in event.measures)
        )

    @property
    def any(self) -> bool:
        return any((self.level, self.kind, self.state, self.measure))


def _filters(request: HttpRequest) -> EventFilters:
    codes = sorted(snapshot.record().states_by_code)
    state = request.GET.get("state", "").strip().upper() or None
    if state is not None and state not in codes:
        raise BadParameter(
            "state",
            _("“%(value)s” is not a State: choose one from the list (ISO codes such as LVA).")
            % {"value": state[:20]},
        )
    return EventFilters(
        level=choice_param(request, "level", EVENT_LEVELS),
        kind=choice_param(request, "kind", EVENT_KINDS),
        state=state,
        measure=choice_param(request, "measure", MEASURES),
    )


def confirmed_events(filters: EventFilters) -> list[EventRecord]:
    """Confirmed events passing the filters, oldest first (the events app's records)."""
    from treatywatch.events.repository import event_records

    records = event_records(review=Review.CONFIRMED, state=filters.state)
    return [event for event in records if filters.keep(event)]


def _event_item(event: EventRecord, names: dict[str, str]) -> dict[str, Any]:
    return {
        "event": event,
        "level": EVENT_LEVEL_LABELS.get(event.level, event.level),
        "kind": EVENT_KIND_LABELS.get(event.kind, event.kind) if event.kind else "",
        "organisers": [part for part in event.organisers.split(";") if part],
        "audiences": [
            {"label": AUDIENCE_LABELS.get(role, role), "count": count}
            for role, count in event.audiences
        ],
        "states": [(code, names.get(code, code)) for code in event.states],
        "measures": [MEASURE_LABELS.get(m, m) for m in event.measures],
        "sources": source_list(event.source_url),
        "anchor": f"event-{event.slug}",
    }


def _filter_context(request: HttpRequest, filters: EventFilters, lang: str) -> dict[str, Any]:
    return {
        "filters": filters,
        "levels": list(EVENT_LEVEL_LABELS.items()),
        "kinds": [(key, EVENT_KIND_LABELS[key]) for key in EVENT_KINDS],
        "measures": [(key, MEASURE_LABELS[key]) for key in MEASURES],
        "filter_states": sorted(_names(lang).items(), key=lambda item: name_key(item[1])),
        "filtered": filters.any,
        "ics_url": reverse("site:events_ics")
        + query_with(request, as_of=None, page=None, month=None),
    }


def _names(lang: str) -> dict[str, str]:
    return {state.code: state.name(lang) for state in snapshot.record().states}


@cached_page
@handles_bad_parameters
def events(request: HttpRequest) -> HttpResponse:
    """Upcoming events after the date shown, then those on or before it, newest first."""
    as_of = as_of_param(request)
    lang = language()
    filters = _filters(request)
    found = confirmed_events(filters)
    names = _names(lang)
    upcoming = [event for event in found if event.starts_on and event.starts_on > as_of]
    past = [event for event in reversed(found) if event not in upcoming]
    pages = max((len(past) + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    page = page_param(request, pages)
    start = (page - 1) * PAGE_SIZE
    context = page_context(
        request,
        as_of,
        _("Events"),
        _(
            "Conferences, workshops, trainings, side events and statements about the Ljubljana – "
            "The Hague Convention, with their audiences, the States involved and sources."
        ),
    )
    context.update(
        _filter_context(request, filters, lang),
        upcoming=[_event_item(event, names) for event in upcoming],
        past=[_event_item(event, names) for event in past[start : start + PAGE_SIZE]],
        count=len(found),
        paging={
            "page": page,
            "pages": pages,
            "previous": query_with(request, page=str(page - 1)) if page > 1 else "",
            "next": query_with(request, page=str(page + 1)) if page < pages else "",
        },
        calendar_url=reverse("site:events_calendar") + query_with(request, page=None),
    )
    return render(request, "site/events.html", context)


def _month_param(request: HttpRequest, default: date) -> date:
    raw = request.GET.get("month", "").strip()
    if not raw:
        return default.replace(day=1)
    found = _MONTH.match(raw)
    if not found or not 1 <= int(found.group(2)) <= 12 or not 1900 <= int(found.group(1)) <= 2100:
        raise BadParameter(
            "month",
            _("“%(value)s” is not a month: write it as YYYY-MM, for example 2024-02.")
            % {"value": raw[:20]},
        )
    return date(int(found.group(1)), int(found.group(2)), 1)


def _on_day(event: EventRecord, day: date) -> bool:
    if event.starts_on is None:
        return False
    return event.starts_on <= day <= (event.ends_on or event.starts_on)


@cached_page
@handles_bad_parameters
def events_calendar(request: HttpRequest) -> HttpResponse:
    """A month of events as a grid (Monday first) and as a list; undated events are not on it."""
    as_of = as_of_param(request)
    lang = language()
    filters = _filters(request)
    month = _month_param(request, as_of)
    found = confirmed_events(filters)
    names = _names(lang)
    last_day = add_months(month, 1) - timedelta(days=1)
    in_month = [
        event
        for event in found
        if event.starts_on is not None
        and event.starts_on <= last_day
        and (event.ends_on or event.starts_on) >= month
    ]
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month):
        weeks.append(
            [
                {
                    "day": day,
                    "in_month": day.month == month.month,
                    "events": [
                        {"title": event.title, "anchor": f"event-{event.slug}"}
                        for event in in_month
                        if _on_day(event, day)
                    ],
                }
                for day in week
            ]
        )
    months_with_events = Counter(
        event.starts_on.replace(day=1) for event in found if event.starts_on is not None
    )
    by_year: dict[int, list[dict[str, Any]]] = {}
    for first, count in sorted(months_with_events.items()):
        by_year.setdefault(first.year, []).append(
            {
                "month": first,
                "count": count,
                "url": query_with(request, month=first.strftime("%Y-%m")),
                "current": first == month,
            }
        )
    context = page_context(
        request,
        as_of,
        _("Events calendar"),
        _("Events about the Ljubljana – The Hague Convention, month by month."),
    )
    context.update(
        _filter_context(request, filters, lang),
        month=month,
        month_label=date_format(month, "YEAR_MONTH_FORMAT"),
        weekdays=[date_format(date(2024, 1, day), "D") for day in range(1, 8)],  # 1 Jan 2024: Mon
        weeks=weeks,
        items=[_event_item(event, names) for event in in_month],
        previous_url=query_with(request, month=add_months(month, -1).strftime("%Y-%m")),
        next_url=query_with(request, month=add_months(month, 1).strftime("%Y-%m")),
        previous_label=date_format(add_months(month, -1), "YEAR_MONTH_FORMAT"),
        next_label=date_format(add_months(month, 1), "YEAR_MONTH_FORMAT"),
        years=sorted(by_year.items()),
        undated=sum(1 for event in found if event.starts_on is None),
        list_url=reverse("site:events") + query_with(request, month=None),
    )
    return render(request, "site/events_calendar.html", context)


@cached_page
@handles_bad_parameters
def events_ics(request: HttpRequest) -> HttpResponse:
    """The filtered confirmed events as an iCalendar file (all-day entries)."""
    from treatywatch.events.calendar import events_to_ics

    as_of_param(request)  # accepted like on every page; the file holds every dated event
    filters = _filters(request)
    data, _skipped = events_to_ics(
        confirmed_events(filters),
        today(),
        "Ljubljana – The Hague Convention: events",
    )
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="treatywatch-events.ics"'
    return response
