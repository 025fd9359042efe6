"""The entry-into-force outlook over the database record."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from treatywatch.config import today
from treatywatch.core.outlook import PACE, Outlook, WhatIf, compute_outlook, load_settings
from treatywatch.core.status import known_facts
from treatywatch.treaties.queries import CONVENTION, status_report
from treatywatch.treaties.repository import Record, load_record

__all__ = ["outlook"]


def outlook(
    as_of: date | None = None,
    scenarios: Sequence[str | WhatIf] = (PACE,),
    window_months: int | None = None,
    record: Record | None = None,
) -> Outlook:
    """Projections of entry into force on `as_of` from what is known today."""
    record = record or load_record()
    as_of = as_of or today()
    default_window, alternatives = load_settings()
    treaty = record.treaties[CONVENTION]
    actions = [a for a in known_facts(record.actions, today()) if a.treaty == CONVENTION]
    report = status_report(as_of=as_of, record=record)
    signatories = {state.code for state in report.states if state.signed is not None}
    return compute_outlook(
        treaty.entry_into_force,
        actions,
        as_of,
        scenarios,
        window_months=window_months or default_window,
        alternatives=alternatives,
        signatories=signatories,
        treaty=CONVENTION,
    )
