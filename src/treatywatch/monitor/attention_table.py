"""Coverage-normalised attention: references found beside the documents read to find them.

"Three references in March" means little without "out of 40,000 articles read in March"; and
a month in which nothing was read is no coverage, not zero attention. Each row gives, for a
month (and optionally a language and a publisher's country), the confirmed and pending
references the monitor found — raw, and as stories (duplicate clusters counted once) — next to
the number of documents the monitor read. Rejected references are left out.

Months are publication months (the month read when the publication date is unknown), for the
references and the documents read alike. A document's language is the one its source or
its metadata gives, else the language of the mention found in it; documents of unknown
language without a mention are counted under language "".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from treatywatch.core.dates import add_months
from treatywatch.monitor.models import ScanCount
from treatywatch.references.models import Reference

__all__ = ["DIMENSIONS", "AttentionRow", "attention"]

DIMENSIONS = ("month", "language", "country")


@dataclass(frozen=True)
class AttentionRow:
    month: date | None
    language: str | None
    country: str | None
    confirmed: int
    pending: int
    confirmed_stories: int
    pending_stories: int
    documents_read: int

    @property
    def covered(self) -> bool:
        return self.documents_read > 0

    @property
    def per_10k(self) -> float | None:
        """Confirmed and pending references per 10,000 documents read; None without coverage."""
        if not self.documents_read:
            return None
        return round((self.confirmed + self.pending) * 10_000 / self.documents_read, 3)

    def as_dict(self) -> dict[str, object]:
        values: dict[str, object] = {}
        if self.month is not None:
            values["month"] = self.month.strftime("%Y-%m")
        if self.language is not None:
            values["language"] = self.language
        if self.country is not None:
            values["country"] = self.country
        values.update(
            confirmed=self.confirmed,
            pending=self.pending,
            confirmed_stories=self.confirmed_stories,
            pending_stories=self.pending_stories,
            documents_read=self.documents_read,
            per_10k=self.per_10k,
            covered=self.covered,
        )
        return values


def _months(first: date, last: date) -> list[date]:
    months, current = [], first
    while current <= last:
        months.append(current)
        current = add_months(current, 1)
    return months


def attention(
    *,
    start: date | None = None,
    end: date | None = None,
    by: Sequence[str] = ("month",),
    sources: Iterable[str] | None = None,
    kind: str | None = None,
) -> list[AttentionRow]:
    """Attention rows grouped ``by`` any of month, language and country.

    ``start`` and ``end`` select months (inclusive); ``sources`` limits to monitor sources;
    ``kind`` to adopted-document or public-domain references. With ``month`` in ``by``,
    every month in the range appears, covered or not.
    """
    unknown = [dimension for dimension in by if dimension not in DIMENSIONS]
    if unknown:
        raise ValueError(f"cannot group by {', '.join(unknown)}; use {', '.join(DIMENSIONS)}")
    first_month = start.replace(day=1) if start else None
    last_month = end.replace(day=1) if end else None
    wanted_sources = set(sources) if sources is not None else None

    def key(month: date, language: str, country: str) -> tuple[date | None, str | None, str | None]:
        return (
            month if "month" in by else None,
            language if "language" in by else None,
            country if "country" in by else None,
        )

    def in_range(month: date) -> bool:
        return (first_month is None or month >= first_month) and (
            last_month is None or month <= last_month
        )

    counts: dict[tuple[date | None, str | None, str | None], dict[str, object]] = defaultdict(
        lambda: {"confirmed": 0, "pending": 0, "stories_c": set(), "stories_p": set(), "docs": 0}
    )
    seen_months: set[date] = set()
    references = Reference.objects.exclude(source_name="").filter(
        review__in=("confirmed", "pending")
    )
    if wanted_sources is not None:
        references = references.filter(source_name__in=wanted_sources)
    if kind:
        references = references.filter(kind=kind)
    for published, read_on, language, country, review, cluster, url in references.values_list(
        "published_on", "source_date", "language", "country_id", "review", "cluster", "url"
    ):
        month = (published or read_on).replace(day=1)
        if not in_range(month):
            continue
        seen_months.add(month)
        bucket = counts[key(month, language, country or "")]
        bucket[review] = int(bucket[review]) + 1  # type: ignore[call-overload]
        story = bucket["stories_c" if review == "confirmed" else "stories_p"]
        story.add(cluster or url)  # type: ignore[attr-defined]
    scans = ScanCount.objects.all()
    if wanted_sources is not None:
        scans = scans.filter(source__in=wanted_sources)
    for month, language, country, documents in scans.values_list(
        "month", "language", "country", "documents"
    ):
        if not in_range(month):
            continue
        seen_months.add(month)
        bucket = counts[key(month, language, country)]
        bucket["docs"] = int(bucket["docs"]) + documents  # type: ignore[call-overload]
    if "month" in by and (seen_months or (first_month and last_month)):
        low = first_month or min(seen_months)
        high = last_month or max(seen_months)
        others = {(lang, ctry) for (_, lang, ctry) in counts} or {(None, None)}
        if "language" not in by and "country" not in by:
            others = {(None, None)}
        for month in _months(low, high):
            for language, country in others:
                counts[(month, language, country)]
    rows = [
        AttentionRow(
            month=month,
            language=language,
            country=country,
            confirmed=int(bucket["confirmed"]),  # type: ignore[call-overload]
            pending=int(bucket["pending"]),  # type: ignore[call-overload]
            confirmed_stories=len(bucket["stories_c"]),  # type: ignore[arg-type]
            pending_stories=len(bucket["stories_p"]),  # type: ignore[arg-type]
            documents_read=int(bucket["docs"]),  # type: ignore[call-overload]
        )
        for (month, language, country), bucket in counts.items()
    ]
    rows.sort(key=lambda row: (row.month or date.min, row.language or "", row.country or ""))
    return rows
