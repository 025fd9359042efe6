"""The pledge's five indicators for any date, each with the evidence behind its count."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from treatywatch.core.evidence import EventRecord, ReferenceKind, ReferenceRecord, Review
from treatywatch.core.status import StatusReport

__all__ = ["INDICATORS", "Indicator", "IndicatorValue", "compute_indicators"]


@dataclass(frozen=True)
class Indicator:
    code: str
    number: int
    title: str
    definition: str
    method: str
    limitations: str


INDICATORS = (
    Indicator(
        "signatories",
        1,
        "States that have signed",
        "States that signed the Convention on or before the date, whatever they did next.",
        "Counted by the status engine from the signatures in the record, as known on the "
        "as-known-on date, over the chosen denominator.",
        "Depends on the depositary record we hold; the denominator changes the count (Kosovo).",
    ),
    Indicator(
        "consenting",
        2,
        "States that have ratified",
        "States whose instrument of ratification, acceptance, approval or accession was "
        "deposited on or before the date and not denounced.",
        "Counted by the status engine from instruments of consent in the record.",
        "Treaty databases may lump ratification, acceptance and approval together.",
    ),
    Indicator(
        "events",
        3,
        "Events in international or national fora on the Convention",
        "Confirmed events about the Convention (or the initiative that prepared it) that started "
        "on or before the date.",
        "Count of confirmed events in the register; an event without a known day counts from "
        "the date we read about it.",
        "Only events documented publicly or entered by staff; small national events are missed.",
    ),
    Indicator(
        "adopted_documents",
        4,
        "References in documents adopted in international or national fora",
        "Confirmed references to the Convention in resolutions, conclusions, laws, bills and "
        "official records, published on or before the date; syndicated copies count once.",
        "Detected references are counted only after a reviewer confirms them; duplicates share a "
        "cluster and count once.",
        "Official document collections are incomplete; see the coverage on the indicator page.",
    ),
    Indicator(
        "public_domain",
        5,
        "References in the public domain",
        "Confirmed references to the Convention in news, blogs, statements and other public "
        "texts published on or before the date; syndicated copies count once.",
        "As for indicator 4, over public-domain sources.",
        "Coverage of news and web sources varies by language and period.",
    ),
)


@dataclass(frozen=True)
class IndicatorValue:
    indicator: Indicator
    as_of: date
    value: int
    raw_value: int
    pending: int
    evidence: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.indicator.code,
            "number": self.indicator.number,
            "title": self.indicator.title,
            "as_of": self.as_of.isoformat(),
            "value": self.value,
            "raw_value": self.raw_value,
            "pending": self.pending,
            "evidence": list(self.evidence),
        }


def compute_indicators(
    report: StatusReport,
    events: Iterable[EventRecord],
    references: Iterable[ReferenceRecord],
) -> list[IndicatorValue]:
    """All five indicators on the report's as-of date."""
    as_of = report.as_of
    by_code = {indicator.code: indicator for indicator in INDICATORS}
    signed = tuple(s.code for s in report.states if s.signed is not None)
    consenting = tuple(s.code for s in report.states if s.consented is not None)
    values = [
        IndicatorValue(by_code["signatories"], as_of, len(signed), len(signed), 0, signed),
        IndicatorValue(
            by_code["consenting"], as_of, len(consenting), len(consenting), 0, consenting
        ),
    ]
    dated_events = [event for event in events if event.counted_from <= as_of]
    confirmed = [event.slug for event in dated_events if event.review is Review.CONFIRMED]
    pending = sum(1 for event in dated_events if event.review is Review.PENDING)
    values.append(
        IndicatorValue(
            by_code["events"], as_of, len(confirmed), len(confirmed), pending, tuple(confirmed)
        )
    )
    dated_references = [ref for ref in references if ref.counted_from <= as_of]
    for kind, code in (
        (ReferenceKind.ADOPTED_DOCUMENT, "adopted_documents"),
        (ReferenceKind.PUBLIC_DOMAIN, "public_domain"),
    ):
        values.append(
            _reference_value(by_code[code], as_of, [r for r in dated_references if r.kind is kind])
        )
    return values


def _reference_value(
    indicator: Indicator, as_of: date, references: Sequence[ReferenceRecord]
) -> IndicatorValue:
    confirmed = [ref for ref in references if ref.review is Review.CONFIRMED]
    clusters = {ref.cluster or ref.url for ref in confirmed}
    pending = sum(1 for ref in references if ref.review is Review.PENDING)
    return IndicatorValue(
        indicator,
        as_of,
        value=len(clusters),
        raw_value=len(confirmed),
        pending=pending,
        evidence=tuple(ref.url for ref in confirmed),
    )
