"""Attention for a period in one document: per month, per language and per publisher's country,
each beside the documents the monitor read. What the site's Attention page and
`GET /api/attention` show.

A month in which the monitor read nothing is listed with `covered: false`: a gap in coverage,
never zero attention.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from treatywatch.monitor import attention
from treatywatch.monitor.attention_table import AttentionRow

__all__ = ["AttentionSummary", "attention_summary"]


@dataclass(frozen=True)
class AttentionSummary:
    start: date
    end: date
    kind: str | None
    months: list[AttentionRow]
    languages: list[AttentionRow]
    countries: list[AttentionRow]

    @property
    def uncovered_months(self) -> list[date]:
        return [row.month for row in self.months if not row.covered and row.month is not None]

    @property
    def documents_read(self) -> int:
        return sum(row.documents_read for row in self.months)

    @property
    def references_found(self) -> int:
        return sum(row.confirmed + row.pending for row in self.months)

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.strftime("%Y-%m"),
            "end": self.end.strftime("%Y-%m"),
            "kind": self.kind,
            "documents_read": self.documents_read,
            "references_found": self.references_found,
            "months_without_coverage": [month.strftime("%Y-%m") for month in self.uncovered_months],
            "months": [row.as_dict() for row in self.months],
            "languages": [row.as_dict() for row in self.languages],
            "countries": [row.as_dict() for row in self.countries],
        }


def _by_volume(rows: list[AttentionRow]) -> list[AttentionRow]:
    return sorted(
        rows,
        key=lambda row: (
            -row.documents_read,
            -(row.confirmed + row.pending),
            row.language or row.country or "",
        ),
    )


def attention_summary(start: date, end: date, kind: str | None = None) -> AttentionSummary:
    """Every month from `start`'s to `end`'s, and the languages and countries seen in them."""
    first, last = start.replace(day=1), end.replace(day=1)
    return AttentionSummary(
        start=first,
        end=last,
        kind=kind,
        months=attention(start=first, end=last, by=("month",), kind=kind),
        languages=_by_volume(attention(start=first, end=last, by=("language",), kind=kind)),
        countries=_by_volume(attention(start=first, end=last, by=("country",), kind=kind)),
    )
