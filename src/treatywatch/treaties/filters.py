"""Filtering States by region, organisation and status, on a date."""

from __future__ import annotations

from datetime import date

from treatywatch.core.dataset import ORGANISATIONS, REGIONAL_GROUPS
from treatywatch.core.status import StateStatus, Status, StatusReport
from treatywatch.treaties.queries import status_report
from treatywatch.treaties.repository import Record

__all__ = ["GROUPS", "FilterError", "filter_states", "members_on"]

ROME_STATUTE_GROUP = "ROME"
GROUPS = (*ORGANISATIONS, ROME_STATUTE_GROUP)


class FilterError(ValueError):
    """A filter value that names no region, group or status."""


def members_on(record: Record, group: str, day: date) -> set[str]:
    """Codes of the States in `group` on `day`; ROME means Rome Statute parties."""
    if group == ROME_STATUTE_GROUP:
        report = status_report(as_of=day, treaty="rome-statute", record=record)
        return {s.code for s in report.states if s.status in (Status.CONSENTED, Status.IN_FORCE)}
    return {m.state for m in record.memberships if m.organisation == group and m.is_member_on(day)}


def filter_states(
    record: Record,
    report: StatusReport,
    *,
    region: str | None,
    group: str | None,
    status: str | None,
    day: date,
) -> list[tuple[StateStatus, str]]:
    """The report's States (with their regional group) that pass every filter given."""
    if region and region not in REGIONAL_GROUPS:
        raise FilterError(f"unknown region {region!r}; choose one of: {', '.join(REGIONAL_GROUPS)}")
    wanted_group = group.upper() if group else None
    if wanted_group and wanted_group not in GROUPS:
        raise FilterError(f"unknown group {group!r}; choose one of: {', '.join(GROUPS)}")
    if status and status not in {s.value for s in Status}:
        raise FilterError(
            f"unknown status {status!r}; choose one of: {', '.join(s.value for s in Status)}"
        )
    regions = {state.code: state.un_regional_group for state in record.states}
    members = members_on(record, wanted_group, day) if wanted_group else None
    return [
        (state, regions[state.code])
        for state in report.states
        if (not region or regions[state.code] == region)
        and (members is None or state.code in members)
        and (not status or state.status == status)
    ]
