"""The dated log of status changes, and the participation timeline, from the same facts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from treatywatch.core.dates import add_months
from treatywatch.core.records import CONSENT_CLASSES, Action, ActionClass, Declaration

__all__ = ["Change", "TimelinePoint", "change_log", "participation_timeline"]


@dataclass(frozen=True)
class Change:
    """One thing that changed a State's standing with a treaty, on the day it took effect."""

    on: date
    state: str
    kind: str
    summary: str
    source_url: str
    recorded_on: date
    key: str

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.on.isoformat(),
            "state": self.state,
            "kind": self.kind,
            "summary": self.summary,
            "source_url": self.source_url.split()[0],
            "recorded_on": self.recorded_on.isoformat(),
            "key": self.key,
        }


def _action_summary(action: Action, names: Mapping[str, str]) -> str:
    name = names.get(action.state, action.state)
    kind = action.action_class
    if kind is ActionClass.SIGNATURE:
        where = f" in {action.place}" if action.place else ""
        return f"{name} signed{where}."
    if kind in CONSENT_CLASSES:
        return f"{name} deposited its instrument of {str(kind).replace('_', ' ')}."
    if kind is ActionClass.PROVISIONAL_APPLICATION:
        scope = f" ({action.scope})" if action.scope else ""
        return f"{name} began applying the treaty provisionally{scope}."
    if kind is ActionClass.DENUNCIATION:
        effective = (
            action.effective_on.isoformat() if action.effective_on else "a date not recorded"
        )
        return f"{name} denounced the treaty, with effect from {effective}."
    return f"{name} notified that it does not intend to become a party."


def change_log(
    treaty: str,
    actions: Iterable[Action],
    declarations: Iterable[Declaration],
    names: Mapping[str, str],
    as_known_on: date,
    as_of: date | None = None,
) -> list[Change]:
    """Every change known on `as_known_on`, newest first; undated declarations are left out."""
    changes = [
        Change(
            a.date,
            a.state,
            str(a.action_class),
            _action_summary(a, names),
            a.source_url,
            a.learnt_on,
            a.key,
        )
        for a in actions
        if a.treaty == treaty and a.known_on(as_known_on)
    ]
    for declaration in declarations:
        if (
            declaration.treaty != treaty
            or not declaration.known_on(as_known_on)
            or declaration.made_on is None
        ):
            continue
        name = names.get(declaration.state, declaration.state)
        changes.append(
            Change(
                declaration.made_on,
                declaration.state,
                str(declaration.kind),
                f"{name}: {declaration.summary}",
                declaration.source_url,
                declaration.learnt_on,
                declaration.key,
            )
        )
    if as_of is not None:
        changes = [change for change in changes if change.on <= as_of]
    return sorted(changes, key=lambda change: (change.on, change.key), reverse=True)


@dataclass(frozen=True)
class TimelinePoint:
    """Cumulative counts at the end of one month, overall and per regional group."""

    month: date
    signatories: int
    consenting: int
    signatories_by_region: Mapping[str, int]
    consenting_by_region: Mapping[str, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "month": self.month.strftime("%Y-%m"),
            "signatories": self.signatories,
            "consenting": self.consenting,
            "signatories_by_region": dict(self.signatories_by_region),
            "consenting_by_region": dict(self.consenting_by_region),
        }


def participation_timeline(
    treaty: str,
    actions: Iterable[Action],
    regions: Mapping[str, str],
    start: date,
    end: date,
    as_known_on: date,
) -> Sequence[TimelinePoint]:
    """Month by month from `start` to `end`: States that had signed and that had consented.

    Counts the first signature and first instrument of each State, as the status engine's
    `signatories` and consents do before any denunciation.
    """
    first_signature: dict[str, date] = {}
    first_consent: dict[str, date] = {}
    for action in actions:
        if (
            action.treaty != treaty
            or not action.known_on(as_known_on)
            or action.state not in regions
        ):
            continue
        if action.action_class is ActionClass.SIGNATURE:
            first_signature[action.state] = min(
                action.date, first_signature.get(action.state, action.date)
            )
        elif action.action_class in CONSENT_CLASSES:
            first_consent[action.state] = min(
                action.date, first_consent.get(action.state, action.date)
            )
    points = []
    month = start.replace(day=1)
    while month <= end:
        month_end = add_months(month, 1).toordinal() - 1
        last_day = min(date.fromordinal(month_end), end)
        signed = [state for state, day in first_signature.items() if day <= last_day]
        consented = [state for state, day in first_consent.items() if day <= last_day]
        points.append(
            TimelinePoint(
                month,
                len(signed),
                len(consented),
                Counter(regions[state] for state in signed),
                Counter(regions[state] for state in consented),
            )
        )
        month = add_months(month, 1)
    return points
