"""The computed answers the pages show, cached per process until the data changes.

Each cache key starts with `freshness.data_version()`, so a change made in any worker (or a
bundle reload) is seen by every worker on its next request; old entries fall out of the LRU.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from treatywatch.config import today
from treatywatch.core.changes import Change, TimelinePoint
from treatywatch.core.dates import add_months
from treatywatch.core.indicators import IndicatorValue
from treatywatch.core.status import StatusReport
from treatywatch.site.freshness import data_version
from treatywatch.treaties import queries
from treatywatch.treaties.indicator_counts import EvidenceCounts, evidence_counts
from treatywatch.treaties.repository import Record, load_record

__all__ = [
    "PLEDGE_BASELINE",
    "IndicatorCard",
    "changes",
    "clear_caches",
    "indicator_cards",
    "record",
    "record_at",
    "report",
    "state_history",
    "timeline",
]

CONVENTION = queries.CONVENTION
# The day the pledge's baseline was taken (the 36 signatories of 24 September 2024).
PLEDGE_BASELINE = date(2024, 9, 24)

Version = tuple[int, int]


@dataclass(frozen=True)
class IndicatorCard:
    """One indicator for the home page: its value, two changes and a small monthly series."""

    value: IndicatorValue
    baseline: int | None
    year_ago: int
    series: tuple[tuple[date, int], ...]

    @property
    def since_baseline(self) -> int | None:
        return None if self.baseline is None else self.value.value - self.baseline

    @property
    def over_year(self) -> int:
        return self.value.value - self.year_ago


@lru_cache(maxsize=2)
def _record(version: Version) -> Record:
    return load_record()


def record() -> Record:
    return _record(data_version())


def record_at(version: Version) -> Record:
    """The record of one data version (for other caches keyed by the same version)."""
    return _record(version)


@lru_cache(maxsize=128)
def _report(version: Version, as_of: date, language: str, treaty: str) -> StatusReport:
    return queries.status_report(
        as_of, today(), treaty=treaty, language=language, record=_record(version)
    )


def report(as_of: date, language: str = "en", treaty: str = CONVENTION) -> StatusReport:
    """Every State's status on `as_of`, as known today, with names in `language`."""
    return _report(data_version(), as_of, language, treaty)


@lru_cache(maxsize=4)
def _evidence(version: Version, known_on: date) -> EvidenceCounts:
    return evidence_counts(known_on)


def _points(as_of: date, opened: date) -> list[date]:
    """Month ends from the opening for signature to `as_of`, and `as_of` itself."""
    points, month = [], opened.replace(day=1)
    while month <= as_of:
        month_end = date.fromordinal(add_months(month, 1).toordinal() - 1)
        points.append(min(month_end, as_of))
        month = add_months(month, 1)
    return points or [as_of]


@lru_cache(maxsize=64)
def _cards(version: Version, as_of: date) -> tuple[IndicatorCard, ...]:
    counts = _evidence(version, today())

    def values_on(day: date) -> list[IndicatorValue]:
        return counts.indicator_values(_report(version, day, "en", CONVENTION), False)

    current = values_on(as_of)
    baseline = values_on(PLEDGE_BASELINE) if as_of >= PLEDGE_BASELINE else None
    year_ago = values_on(add_months(as_of, -12))
    opened = _record(version).treaties[CONVENTION].opened_for_signature or PLEDGE_BASELINE
    series = [(day, values_on(day)) for day in _points(as_of, opened)]
    return tuple(
        IndicatorCard(
            value=value,
            baseline=baseline[index].value if baseline else None,
            year_ago=year_ago[index].value,
            series=tuple((day, values[index].value) for day, values in series),
        )
        for index, value in enumerate(current)
    )


def indicator_cards(as_of: date) -> tuple[IndicatorCard, ...]:
    """The five indicators on `as_of` with their changes and series.

    Counts only: the pages list the counted items themselves, page by page, so the 100,000
    reference URLs a full evidence list could hold are never loaded here.
    """
    return _cards(data_version(), as_of)


@lru_cache(maxsize=32)
def _timeline(version: Version, as_of: date) -> Sequence[TimelinePoint]:
    return queries.timeline(end=as_of, record=_record(version))


def timeline(as_of: date) -> Sequence[TimelinePoint]:
    return _timeline(data_version(), as_of)


@lru_cache(maxsize=32)
def _changes(version: Version, as_of: date, language: str) -> list[Change]:
    return queries.changes(as_of=as_of, language=language, record=_record(version))


def changes(as_of: date, language: str = "en") -> list[Change]:
    """The dated log of status changes up to `as_of`, newest first."""
    return _changes(data_version(), as_of, language)


@lru_cache(maxsize=256)
def _state_history(version: Version, code: str) -> dict[str, Any]:
    from treatywatch.treaties.history import state_history as history

    return history(code)


def state_history(code: str) -> dict[str, Any]:
    """Everything recorded about one State (see `treaties.history.state_history`)."""
    return _state_history(data_version(), code)


def clear_caches() -> None:
    """Forget every cached answer (tests, whose rolled-back data can reuse a version)."""
    from treatywatch.site import engines
    from treatywatch.site.pagecache import clear_page_cache

    engines.clear()
    for cached in (_record, _report, _evidence, _cards, _timeline, _changes, _state_history):
        cached.cache_clear()
    clear_page_cache()
