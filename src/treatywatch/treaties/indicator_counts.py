"""Indicators 3 to 5 counted by the database, for any date, without loading every row.

`compute_indicators` in the core reads every event and reference into Python: exact, but slow
with 100,000 references. Here the database groups the rows by the day they start counting, so
one handful of queries answers every date (the home page's value, baseline and 12-month change).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import CharField, Count, Min, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf

from treatywatch.core.evidence import ReferenceKind, Review
from treatywatch.core.indicators import INDICATORS, IndicatorValue
from treatywatch.core.status import StatusReport

__all__ = ["DatedCounts", "EvidenceCounts", "evidence_counts"]

_BY_CODE = {indicator.code: indicator for indicator in INDICATORS}
_REFERENCE_INDICATORS = (
    (ReferenceKind.ADOPTED_DOCUMENT, "adopted_documents"),
    (ReferenceKind.PUBLIC_DOMAIN, "public_domain"),
)


@dataclass(frozen=True)
class DatedCounts:
    """How many items count on any day, given how many start counting on each day."""

    days: tuple[date, ...]
    cumulative: tuple[int, ...]

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[object, int]]) -> DatedCounts:
        per_day: dict[date, int] = {}
        for day, count in pairs:
            # A raw cursor returns text on SQLite and dates on PostgreSQL.
            parsed = day if isinstance(day, date) else date.fromisoformat(str(day))
            per_day[parsed] = per_day.get(parsed, 0) + int(count)
        days = tuple(sorted(per_day))
        total, cumulative = 0, []
        for day in days:
            total += per_day[day]
            cumulative.append(total)
        return cls(days, tuple(cumulative))

    def on(self, day: date) -> int:
        index = bisect.bisect_right(self.days, day)
        return self.cumulative[index - 1] if index else 0


@dataclass(frozen=True)
class ReferenceCounts:
    clusters: DatedCounts
    confirmed: DatedCounts
    pending: DatedCounts


@dataclass(frozen=True)
class EvidenceCounts:
    """Events and references as known on one day, countable on any as-of date."""

    as_known_on: date
    events_confirmed: DatedCounts
    events_pending: DatedCounts
    references: dict[ReferenceKind, ReferenceCounts]

    def indicator_values(
        self, report: StatusReport, with_evidence: bool = True
    ) -> list[IndicatorValue]:
        """The five indicators on the report's as-of date, as `compute_indicators` gives them.

        Without evidence, the lists of counted items are left empty (the counts stay exact).
        """
        as_of = report.as_of
        signed = tuple(s.code for s in report.states if s.signed is not None)
        consenting = tuple(s.code for s in report.states if s.consented is not None)
        values = [
            IndicatorValue(_BY_CODE["signatories"], as_of, len(signed), len(signed), 0, signed),
            IndicatorValue(
                _BY_CODE["consenting"], as_of, len(consenting), len(consenting), 0, consenting
            ),
        ]
        confirmed_events = self.events_confirmed.on(as_of)
        values.append(
            IndicatorValue(
                _BY_CODE["events"],
                as_of,
                confirmed_events,
                confirmed_events,
                self.events_pending.on(as_of),
                _event_slugs(self.as_known_on, as_of) if with_evidence else (),
            )
        )
        for kind, code in _REFERENCE_INDICATORS:
            counts = self.references[kind]
            values.append(
                IndicatorValue(
                    _BY_CODE[code],
                    as_of,
                    counts.clusters.on(as_of),
                    counts.confirmed.on(as_of),
                    counts.pending.on(as_of),
                    _reference_urls(self.as_known_on, as_of, kind) if with_evidence else (),
                )
            )
        return values


def _events(as_known_on: date) -> QuerySet:
    from treatywatch.events.models import Event

    return Event.objects.filter(source_date__lte=as_known_on).annotate(
        counted_from=Coalesce("starts_on", "source_date")
    )


def _references(as_known_on: date, kind: ReferenceKind) -> QuerySet:
    from treatywatch.references.models import Reference

    return Reference.objects.filter(source_date__lte=as_known_on, kind=kind.value).annotate(
        counted_from=Coalesce("published_on", "source_date")
    )


def _by_day(queryset: QuerySet, review: Review) -> DatedCounts:
    rows = (
        queryset.filter(review=review.value)
        .order_by()
        .values("counted_from")
        .annotate(items=Count("pk"))
        .values_list("counted_from", "items")
    )
    return DatedCounts.from_pairs(rows)


def _clusters_by_day(queryset: QuerySet) -> DatedCounts:
    """Confirmed duplicate clusters by the day their first member starts counting."""
    firsts = (
        queryset.filter(review=Review.CONFIRMED.value)
        .annotate(
            cluster_key=Coalesce(NullIf("cluster", Value("")), "url", output_field=CharField())
        )
        .order_by()
        .values("cluster_key")
        .annotate(first_day=Min("counted_from"))
        .values("first_day")
    )
    sql, params = firsts.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT first_day, COUNT(*) FROM (" + sql + ") AS firsts GROUP BY first_day", params
        )
        return DatedCounts.from_pairs(cursor.fetchall())


def evidence_counts(as_known_on: date) -> EvidenceCounts:
    """Counts of events and references known on `as_known_on`, grouped by day (5 queries)."""
    events = _events(as_known_on)
    references = {}
    for kind, _code in _REFERENCE_INDICATORS:
        rows = _references(as_known_on, kind)
        references[kind] = ReferenceCounts(
            clusters=_clusters_by_day(rows),
            confirmed=_by_day(rows, Review.CONFIRMED),
            pending=_by_day(rows, Review.PENDING),
        )
    return EvidenceCounts(
        as_known_on=as_known_on,
        events_confirmed=_by_day(events, Review.CONFIRMED),
        events_pending=_by_day(events, Review.PENDING),
        references=references,
    )


def _event_slugs(as_known_on: date, as_of: date) -> tuple[str, ...]:
    rows = _events(as_known_on).filter(review=Review.CONFIRMED.value, counted_from__lte=as_of)
    return tuple(rows.values_list("slug", flat=True))


def _reference_urls(as_known_on: date, as_of: date, kind: ReferenceKind) -> tuple[str, ...]:
    rows = _references(as_known_on, kind).filter(
        review=Review.CONFIRMED.value, counted_from__lte=as_of
    )
    return tuple(rows.values_list("url", flat=True))
