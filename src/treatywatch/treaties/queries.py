"""The engine's answers over the database record: what the CLI, pages and API ask for."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from treatywatch.config import today
from treatywatch.core.changes import Change, TimelinePoint, change_log, participation_timeline
from treatywatch.core.denominators import DEFAULT_DENOMINATOR, denominator
from treatywatch.core.evidence import EventRecord, ReferenceKind, ReferenceRecord, Review
from treatywatch.core.indicators import IndicatorValue
from treatywatch.core.status import StatusReport, compute_status
from treatywatch.treaties.repository import Record, load_record

__all__ = [
    "CONVENTION",
    "changes",
    "event_records",
    "indicator_values",
    "reference_records",
    "status_report",
    "timeline",
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
    *,
    with_evidence: bool = True,
) -> list[IndicatorValue]:
    """The five pledge indicators on `as_of`, from what was known on `as_known_on`.

    Events and references are counted by the database (`indicator_counts`), which gives the
    same values as `core.indicators.compute_indicators`; `with_evidence=False` skips fetching
    the lists of counted items when only the counts are needed.
    """
    from treatywatch.treaties.indicator_counts import evidence_counts

    report = status_report(as_of, as_known_on, denominator_name, record=record)
    return evidence_counts(report.as_known_on).indicator_values(report, with_evidence)


def changes(
    as_known_on: date | None = None,
    as_of: date | None = None,
    treaty: str = CONVENTION,
    language: str = "en",
    record: Record | None = None,
) -> list[Change]:
    """The dated log of status changes, newest first."""
    record = record or load_record()
    names = {state.code: state.name(language) for state in record.states}
    return change_log(
        treaty, record.actions, record.declarations, names, as_known_on or today(), as_of
    )


def timeline(
    start: date | None = None,
    end: date | None = None,
    as_known_on: date | None = None,
    treaty: str = CONVENTION,
    record: Record | None = None,
) -> Sequence[TimelinePoint]:
    """Cumulative signatories and consents per month, overall and per UN regional group."""
    record = record or load_record()
    opened = record.treaties[treaty].opened_for_signature or date(2024, 2, 1)
    regions = {state.code: state.un_regional_group for state in record.states}
    return participation_timeline(
        treaty, record.actions, regions, start or opened, end or today(), as_known_on or today()
    )
