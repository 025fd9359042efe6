"""The database-counted indicators agree with the core's `compute_indicators`."""

from __future__ import annotations

from datetime import date

import pytest

from treatywatch.core.indicators import compute_indicators
from treatywatch.events.models import Event
from treatywatch.references.models import Reference
from treatywatch.treaties.loading import ensure_database
from treatywatch.treaties.queries import (
    event_records,
    indicator_values,
    reference_records,
    status_report,
)

TODAY = date(2026, 11, 29)


def _event(slug: str, starts_on: date | None, source_date: date, review: str) -> None:
    Event.objects.create(
        slug=slug,
        title=slug,
        starts_on=starts_on,
        level="national",
        source_url=f"https://example.org/{slug}",
        source_date=source_date,
        review=review,
    )


def _reference(
    url: str,
    published_on: date | None,
    source_date: date,
    *,
    kind: str = "public-domain",
    review: str = "confirmed",
    cluster: str = "",
) -> None:
    Reference.objects.create(
        url=f"https://example.org/{url}",
        published_on=published_on,
        kind=kind,
        language="en",
        summary=url,
        source_date=source_date,
        review=review,
        cluster=cluster,
    )


@pytest.fixture
def handmade(db: None) -> None:
    """A few events and references covering each counting rule, and nothing else."""
    ensure_database(TODAY)
    Event.objects.all().delete()
    Reference.objects.all().delete()
    _event("a", date(2024, 3, 1), date(2024, 3, 5), "confirmed")
    _event("b", None, date(2024, 9, 24), "confirmed")  # counts from the day we read it
    _event("c", date(2025, 1, 10), date(2025, 2, 1), "pending")
    _event("d", date(2025, 1, 10), date(2025, 2, 1), "rejected")
    _event("e", date(2025, 6, 1), date(2026, 6, 1), "confirmed")  # learnt late
    # Two syndicated copies in one cluster count once, from the earlier one.
    _reference("p1", date(2024, 5, 1), date(2024, 5, 2), cluster="story-1")
    _reference("p2", date(2024, 10, 1), date(2024, 10, 2), cluster="story-1")
    _reference("p3", None, date(2025, 3, 3))
    _reference("p4", date(2025, 4, 4), date(2025, 4, 5), review="pending")
    _reference("p5", date(2025, 4, 4), date(2025, 4, 5), review="rejected")
    _reference("d1", date(2024, 2, 20), date(2024, 2, 21), kind="adopted-document")
    _reference("d2", date(2024, 2, 22), date(2026, 1, 1), kind="adopted-document", cluster="x")
    _reference("d3", date(2024, 2, 23), date(2024, 3, 1), kind="adopted-document", cluster="x")
    _reference("d4", date(2025, 7, 1), date(2025, 7, 2), kind="adopted-document", review="pending")


@pytest.mark.django_db
@pytest.mark.usefixtures("handmade")
@pytest.mark.parametrize(
    "as_of",
    [date(2024, 1, 1), date(2024, 2, 22), date(2024, 9, 24), date(2025, 4, 4), TODAY],
)
@pytest.mark.parametrize("as_known_on", [date(2024, 12, 31), date(2025, 12, 31), TODAY])
def test_database_counts_equal_core_counts(as_of: date, as_known_on: date) -> None:
    """Value, raw value, pending count and evidence match compute_indicators on every date."""
    report = status_report(as_of, as_known_on)
    events = [e for e in event_records() if e.source_date <= as_known_on]
    references = [r for r in reference_records() if r.source_date <= as_known_on]
    expected = compute_indicators(report, events, references)
    actual = indicator_values(as_of, as_known_on)
    assert [v.indicator.code for v in actual] == [v.indicator.code for v in expected]
    for got, want in zip(actual, expected, strict=True):
        assert (got.value, got.raw_value, got.pending) == (want.value, want.raw_value, want.pending)
        assert sorted(got.evidence) == sorted(want.evidence)


@pytest.mark.django_db
@pytest.mark.usefixtures("handmade")
def test_handmade_counts_follow_the_rules() -> None:
    """Clusters count once, pending apart, rejected never, late-learnt items only when known."""
    by_code = {v.indicator.code: v for v in indicator_values(TODAY, TODAY)}
    assert (by_code["events"].value, by_code["events"].pending) == (3, 1)
    public = by_code["public_domain"]
    assert (public.value, public.raw_value, public.pending) == (2, 3, 1)
    documents = by_code["adopted_documents"]
    assert (documents.value, documents.raw_value, documents.pending) == (2, 3, 1)
    earlier = {v.indicator.code: v for v in indicator_values(TODAY, date(2025, 12, 31))}
    assert earlier["events"].value == 2
    assert earlier["adopted_documents"].value == 2  # d3 alone stands for cluster x
    assert earlier["adopted_documents"].raw_value == 2


@pytest.mark.django_db
@pytest.mark.usefixtures("handmade")
def test_without_evidence_keeps_counts() -> None:
    """Leaving out the evidence lists changes no count."""
    full = indicator_values(TODAY, TODAY)
    light = indicator_values(TODAY, TODAY, with_evidence=False)
    assert [(v.value, v.raw_value, v.pending) for v in light] == [
        (v.value, v.raw_value, v.pending) for v in full
    ]
    assert all(not v.evidence for v in light[2:])
