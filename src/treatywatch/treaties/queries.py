"""The engine's answers over the database record: what the CLI, pages and API ask for."""

from __future__ import annotations

from datetime import date

from treatywatch.config import today
from treatywatch.core.denominators import DEFAULT_DENOMINATOR, denominator
from treatywatch.core.status import StatusReport, compute_status
from treatywatch.treaties.repository import Record, load_record

__all__ = ["CONVENTION", "status_report"]

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
