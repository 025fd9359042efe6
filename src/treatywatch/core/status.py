"""Where every State stands with a treaty on a date, as known on a date."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from treatywatch.core.denominators import Denominator
from treatywatch.core.entry_into_force import compute_entry_into_force
from treatywatch.core.records import (
    CONSENT_CLASSES,
    Action,
    ActionClass,
    Declaration,
    State,
    Treaty,
)

FactT = TypeVar("FactT", Action, Declaration)

__all__ = ["StateStatus", "Status", "StatusReport", "compute_status", "known_facts"]


class Status(StrEnum):
    NONE = "none"
    SIGNED = "signed"
    CONSENTED = "consented"
    IN_FORCE = "in_force"
    WITHDRAWN = "withdrawn"


# How far along each status is, for maps and "at least signed" filters.
STATUS_RANK = {
    Status.NONE: 0,
    Status.WITHDRAWN: 0,
    Status.SIGNED: 1,
    Status.CONSENTED: 2,
    Status.IN_FORCE: 3,
}


@dataclass(frozen=True)
class StateStatus:
    code: str
    name: str
    status: Status
    signed: date | None
    consented: date | None
    consent_type: str | None
    in_force: date | None
    in_force_basis: str | None
    withdrawn: date | None
    withdrawal_type: str | None
    provisional_application: tuple[str, ...]
    sources: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "status": str(self.status),
            "signed": _iso(self.signed),
            "consented": _iso(self.consented),
            "consent_type": self.consent_type,
            "in_force": _iso(self.in_force),
            "in_force_basis": self.in_force_basis,
            "withdrawn": _iso(self.withdrawn),
            "withdrawal_type": self.withdrawal_type,
            "provisional_application": list(self.provisional_application),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class StatusReport:
    as_of: date
    as_known_on: date
    treaty: Treaty
    denominator: Denominator
    states: tuple[StateStatus, ...]
    treaty_in_force: bool
    entry_into_force: date | None
    entry_into_force_basis: str | None
    warnings: tuple[str, ...] = field(default=())

    def count(self, *statuses: Status) -> int:
        return sum(1 for state in self.states if state.status in statuses)

    @property
    def signatories(self) -> int:
        """States that have signed by the date, whatever they did next."""
        return sum(1 for state in self.states if state.signed is not None)

    @property
    def consenting(self) -> int:
        return self.count(Status.CONSENTED, Status.IN_FORCE)

    @property
    def in_force_for(self) -> int:
        return self.count(Status.IN_FORCE)

    def state(self, code: str) -> StateStatus:
        for state in self.states:
            if state.code == code:
                return state
        raise KeyError(code)

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "as_known_on": self.as_known_on.isoformat(),
            "treaty": {
                "slug": self.treaty.slug,
                "title": self.treaty.title,
                "short_title": self.treaty.short_title,
                "entry_into_force_rule": self.treaty.entry_into_force.describe(),
                "entry_into_force_rule_verified": self.treaty.entry_into_force.verified,
            },
            "signatories": self.signatories,
            "consenting": self.consenting,
            "in_force_for": self.in_force_for,
            "treaty_in_force": self.treaty_in_force,
            "entry_into_force": _iso(self.entry_into_force),
            "entry_into_force_basis": self.entry_into_force_basis,
            "denominator": self.denominator.to_json(),
            "warnings": list(self.warnings),
            "states": [state.to_json() for state in self.states],
        }


def known_facts(facts: Iterable[FactT], as_known_on: date) -> list[FactT]:
    """The facts TreatyWatch had recorded, and not yet retracted, on `as_known_on`."""
    return [fact for fact in facts if fact.known_on(as_known_on)]


def compute_status(
    treaty: Treaty,
    states: Sequence[State],
    actions: Iterable[Action],
    as_of: date,
    as_known_on: date,
    denominator: Denominator,
    language: str = "en",
) -> StatusReport:
    """Every State's status with `treaty` on `as_of`, from the facts known on `as_known_on`."""
    visible = [a for a in known_facts(actions, as_known_on) if a.treaty == treaty.slug]
    rule = treaty.entry_into_force
    computed = compute_entry_into_force(rule, visible, as_of)
    by_state: dict[str, list[Action]] = defaultdict(list)
    for action in visible:
        by_state[action.state].append(action)

    warnings: list[str] = []
    if not rule.verified:
        warnings.append(
            f"The entry-into-force rule ({rule.describe()}) is not verified against the "
            f"treaty text: computed dates are provisional. Source: {rule.source_url}"
        )
    counted = [state for state in states if denominator.includes(state)]
    rows = []
    for state in counted:
        row = _state_status(
            state, by_state.get(state.code, []), as_of, computed.for_state, warnings, language
        )
        rows.append(row)
    for code in sorted(set(by_state) - {state.code for state in states}):
        warnings.append(f"{code}: actions recorded for an entity missing from the States list")

    treaty_date, basis = computed.treaty_date, "computed" if computed.treaty_date else None
    reported = sorted(
        (row.in_force, row.code)
        for row in rows
        if row.in_force is not None and row.in_force_basis == "reported"
    )
    if reported and (treaty_date is None or reported[0][0] < treaty_date):
        earliest, code = reported[0]
        warnings.append(
            f"The depositary record puts {code} in force on {earliest.isoformat()}, but the rule "
            + (
                f"gives entry into force on {treaty_date.isoformat()}"
                if treaty_date
                else f"needs {rule.threshold} instruments and only "
                f"{sum(1 for row in rows if row.consented)} are recorded"
            )
            + ": the record may lack instruments, or the rule may be wrong."
        )
        treaty_date, basis = earliest, "reported"
    in_force = treaty_date is not None and treaty_date <= as_of
    return StatusReport(
        as_of=as_of,
        as_known_on=as_known_on,
        treaty=treaty,
        denominator=denominator,
        states=tuple(rows),
        treaty_in_force=in_force,
        entry_into_force=treaty_date,
        entry_into_force_basis=basis,
        warnings=tuple(warnings),
    )


def _state_status(
    state: State,
    actions: list[Action],
    as_of: date,
    computed_eif: Mapping[str, date],
    warnings: list[str],
    language: str,
) -> StateStatus:
    signed = consented = withdrawn = None
    consent_type = withdrawal_type = None
    consent_action: Action | None = None
    provisional: list[str] = []
    sources: list[str] = []
    for action in sorted(actions, key=lambda a: a.date):
        if action.date > as_of:
            continue
        sources.extend(url for url in action.sources if url not in sources)
        kind = action.action_class
        if kind is ActionClass.SIGNATURE and signed is None:
            signed = action.date
        elif kind in CONSENT_CLASSES and consented is None:
            consented, consent_type, consent_action = action.date, str(kind), action
            withdrawn = withdrawal_type = None
        elif kind is ActionClass.PROVISIONAL_APPLICATION:
            if action.effective_on is None or action.effective_on > as_of:
                provisional.append(action.scope or "whole treaty")
        elif kind is ActionClass.WITHDRAWAL_OF_SIGNATURE and consented is None:
            withdrawn, withdrawal_type = action.date, "signature"
        elif kind is ActionClass.DENUNCIATION:
            if action.effective_on is None:
                warnings.append(
                    f"{state.code}: denunciation of {action.date.isoformat()} has no "
                    "effective date recorded; the State is still counted as bound"
                )
            elif action.effective_on <= as_of:
                withdrawn, withdrawal_type = action.effective_on, "denunciation"
                consented = consent_type = consent_action = None
                provisional.clear()

    in_force = basis = None
    if consent_action is not None:
        computed = computed_eif.get(state.code)
        reported = consent_action.reported_entry_into_force
        if reported is not None:
            in_force, basis = reported, "reported"
            if computed != reported:
                computed_text = computed.isoformat() if computed else "no date yet"
                warnings.append(
                    f"{state.code}: entry into force reported as {reported.isoformat()} "
                    f"({consent_action.source_url.split()[0]}), computed from the rule as "
                    f"{computed_text}"
                )
        elif computed is not None:
            in_force, basis = computed, "computed"

    if withdrawn is not None:
        status = Status.WITHDRAWN
    elif in_force is not None and in_force <= as_of:
        status = Status.IN_FORCE
    elif consented is not None:
        status = Status.CONSENTED
    elif signed is not None:
        status = Status.SIGNED
    else:
        status = Status.NONE
    return StateStatus(
        code=state.code,
        name=state.name(language),
        status=status,
        signed=signed,
        consented=consented,
        consent_type=consent_type,
        in_force=in_force,
        in_force_basis=basis,
        withdrawn=withdrawn,
        withdrawal_type=withdrawal_type,
        provisional_application=tuple(provisional),
        sources=tuple(sources),
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
