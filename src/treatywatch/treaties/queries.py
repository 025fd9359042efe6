"""The engine's answers over the database record: what the CLI, pages and API ask for."""

from __future__ import annotations

from datetime import date

from treatywatch.config import today
from treatywatch.core.denominators import DEFAULT_DENOMINATOR, denominator
from treatywatch.core.evidence import EventRecord, ReferenceKind, ReferenceRecord, Review
from treatywatch.core.indicators import IndicatorValue, compute_indicators
from treatywatch.core.status import StatusReport, compute_status
from treatywatch.treaties.repository import Record, load_record

__all__ = [
    "CONVENTION",
    "event_records",
    "indicator_values",
    "reference_records",
    "status_report",
]

CONVENTION = "ljubljana-the-hague"


def status_report(
    as_of: date | None = None,
    as_known_on: date | None = None,
    denominator_name: str = DEFAULT_DENOMINATOR,
    treaty: str = CONVENTION,
    language: str = "en",
    record: Record | None = None,
) -> StatusReport:
    """The status of every State with `treaty`; KeyError for an unknown treaty or denominator."""
    record = record or load_record()
    if treaty not in record.treaties:
        raise KeyError(f"unknown treaty {treaty!r}; known: {', '.join(sorted(record.treaties))}")
    states = list(record.states)
    return compute_status(
        treaty=record.treaties[treaty],
        states=states,
        actions=record.actions,
        as_of=as_of or today(),
        as_known_on=as_known_on or today(),
        denominator=denominator(denominator_name, states),
        language=language,
    )


def event_records() -> list[EventRecord]:
    from treatywatch.events.models import Event

    return [
        EventRecord(
            slug=row.slug,
            title=row.title,
            starts_on=row.starts_on,
            level=row.level,
            source_url=row.source_url,
            source_date=row.source_date,
            review=Review(row.review),
            states=tuple(state.code for state in row.states.all()),
        )
        for row in Event.objects.prefetch_related("states")
    ]


def reference_records() -> list[ReferenceRecord]:
    from treatywatch.references.models import Reference

    return [
        ReferenceRecord(
            url=row.url,
            title=row.title,
            published_on=row.published_on,
            kind=ReferenceKind(row.kind),
            language=row.language,
            source_date=row.source_date,
            review=Review(row.review),
            cluster=row.cluster,
        )
        for row in Reference.objects.all()
    ]


def indicator_values(
    as_of: date | None = None,
    as_known_on: date | None = None,
    denominator_name: str = DEFAULT_DENOMINATOR,
    record: Record | None = None,
) -> list[IndicatorValue]:
    """The five pledge indicators on `as_of`, from what was known on `as_known_on`."""
    report = status_report(as_of, as_known_on, denominator_name, record=record)
    known_on = report.as_known_on
    events = [event for event in event_records() if event.source_date <= known_on]
    references = [ref for ref in reference_records() if ref.source_date <= known_on]
    return compute_indicators(report, events, references)
