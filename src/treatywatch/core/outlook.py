"""When could the Convention enter into force? Projections from the rule and the deposits.

The rule is data and, for this Convention, unverified: every outlook says so, and shows
the projections under each threshold a source states.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from treatywatch.core.dates import DateError, add_months, parse_date
from treatywatch.core.entry_into_force import compute_entry_into_force, consent_deposits
from treatywatch.core.records import Action, ActionClass, EntryIntoForceRule

__all__ = [
    "AlternativeThreshold",
    "Outlook",
    "Projection",
    "ScenarioError",
    "WhatIf",
    "compute_outlook",
    "load_settings",
    "parse_scenario",
]

SETTINGS_FILE = Path(__file__).resolve().parent.parent / "data" / "outlook.yaml"

PACE = "pace"
# How far ahead a projection may go before we call it "not in sight".
HORIZON_YEARS = 50
_WHAT_IF = re.compile(r"^deposit:(?P<states>[A-Za-z0-9,\s]+)@(?P<day>.+)$")


class ScenarioError(ValueError):
    """A scenario that is neither `pace` nor `deposit:CODES@DATE`."""


@dataclass(frozen=True)
class WhatIf:
    """Named States deposit an instrument of consent on one day."""

    states: tuple[str, ...]
    on: date

    @property
    def label(self) -> str:
        return f"deposit:{','.join(self.states)}@{self.on.isoformat()}"


@dataclass(frozen=True)
class AlternativeThreshold:
    value: int
    source_url: str
    source_date: date
    note: str = ""


@dataclass(frozen=True)
class Projection:
    """One scenario under one threshold: the deposits assumed and the date that follows."""

    scenario: str
    threshold: int
    threshold_source: str
    deposits_recorded: int
    assumed_deposits: tuple[tuple[str, date], ...]
    entry_into_force: date | None
    explanation: str

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "threshold": self.threshold,
            "threshold_source": self.threshold_source,
            "deposits_recorded": self.deposits_recorded,
            "assumed_deposits": [
                {"state": state, "on": day.isoformat()} for state, day in self.assumed_deposits
            ],
            "entry_into_force": self.entry_into_force.isoformat()
            if self.entry_into_force
            else None,
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Outlook:
    as_of: date
    rule: str
    rule_verified: bool
    window_months: int
    deposits_in_window: int
    pace_per_month: float
    deposits_recorded: tuple[tuple[str, date], ...]
    signatories_without_consent: tuple[str, ...]
    projections: tuple[Projection, ...]
    warnings: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "rule": self.rule,
            "rule_verified": self.rule_verified,
            "window_months": self.window_months,
            "deposits_in_window": self.deposits_in_window,
            "pace_per_month": round(self.pace_per_month, 4),
            "deposits_recorded": [
                {"state": state, "on": day.isoformat()} for state, day in self.deposits_recorded
            ],
            "signatories_without_consent": list(self.signatories_without_consent),
            "projections": [projection.to_json() for projection in self.projections],
            "warnings": list(self.warnings),
        }


def parse_scenario(text: str) -> str | WhatIf:
    """`pace`, or `deposit:GHA,FRA@2027-06-30` (State codes as given; the caller checks them)."""
    cleaned = text.strip()
    if cleaned == PACE:
        return PACE
    found = _WHAT_IF.match(cleaned)
    if not found:
        raise ScenarioError(
            f"unknown scenario {text!r}: use 'pace' or 'deposit:CODE,CODE@YYYY-MM-DD'"
        )
    states = tuple(
        code.strip().upper() for code in found.group("states").split(",") if code.strip()
    )
    try:
        day = parse_date(found.group("day"))
    except DateError as error:
        raise ScenarioError(f"scenario {text!r}: {error}") from None
    if day is None or not states:
        raise ScenarioError(f"scenario {text!r}: name at least one State and a real date")
    return WhatIf(states, day)


def compute_outlook(
    rule: EntryIntoForceRule,
    actions: Iterable[Action],
    as_of: date,
    scenarios: Sequence[str | WhatIf] = (PACE,),
    *,
    window_months: int = 24,
    alternatives: Sequence[AlternativeThreshold] = (),
    signatories: Collection[str] = (),
    treaty: str = "",
) -> Outlook:
    """Projections for each scenario under the rule's threshold and each alternative one.

    `actions` are the treaty's actions known on the record date; `signatories` the States
    that had signed by `as_of`, to tell a ratification from an accession in what-ifs.
    """
    known = [action for action in actions if action.date <= as_of]
    deposits = consent_deposits(known, as_of)
    window_start = add_months(as_of, -window_months)
    in_window = [d for d in deposits if window_start < d.deposited_on <= as_of]
    window_days = (as_of - window_start).days
    pace = len(in_window) / window_months if window_months else 0.0
    consented = {deposit.state for deposit in deposits}
    thresholds = [(rule.threshold, rule.source_url)] + [
        (alt.value, alt.source_url) for alt in alternatives if alt.value != rule.threshold
    ]
    projections = []
    for scenario in scenarios:
        for threshold, source in thresholds:
            tested = replace(rule, threshold=threshold)
            if isinstance(scenario, WhatIf):
                projections.append(
                    _what_if(tested, source, known, deposits, scenario, signatories, treaty)
                )
            else:
                projections.append(
                    _at_pace(tested, source, known, len(deposits), in_window, window_days, as_of)
                )
    warnings = []
    if not rule.verified:
        warnings.append(
            f"The entry-into-force rule ({rule.describe()}) has not been checked against the "
            "treaty text: every date here is provisional."
        )
    for deposit in deposits:
        reported = deposit.action.reported_entry_into_force
        if reported is not None:
            computed = compute_entry_into_force(rule, known, as_of).for_state.get(deposit.state)
            if computed != reported:
                warnings.append(
                    f"The depositary record puts the Convention in force for {deposit.state} on "
                    f"{reported.isoformat()}, which the rule and the recorded instruments do not "
                    "explain; the projections follow the rule."
                )
    return Outlook(
        as_of=as_of,
        rule=rule.describe(),
        rule_verified=rule.verified,
        window_months=window_months,
        deposits_in_window=len(in_window),
        pace_per_month=pace,
        deposits_recorded=tuple((d.state, d.deposited_on) for d in deposits),
        signatories_without_consent=tuple(sorted(set(signatories) - consented)),
        projections=tuple(projections),
        warnings=tuple(warnings),
    )


def _at_pace(
    rule: EntryIntoForceRule,
    source: str,
    known: list[Action],
    recorded: int,
    in_window: Sequence[Any],
    window_days: int,
    as_of: date,
) -> Projection:
    needed = rule.threshold - recorded
    if needed <= 0:
        reached = compute_entry_into_force(rule, known, as_of).treaty_date
        return Projection(
            PACE, rule.threshold, source, recorded, (), reached,
            f"The {recorded} instruments recorded already meet this threshold.",
        )  # fmt: skip
    if not in_window:
        return Projection(
            PACE, rule.threshold, source, recorded, (), None,
            f"No instrument was deposited in the window, so at the current pace the {needed} "
            "more needed never come.",
        )  # fmt: skip
    # Spread evenly: one deposit every window / (deposits in the window) days.
    every = window_days / len(in_window)
    assumed = tuple(
        (f"#{recorded + k}", as_of + timedelta(days=round(every * k))) for k in range(1, needed + 1)
    )
    last = assumed[-1][1]
    if last.year - as_of.year > HORIZON_YEARS:
        return Projection(
            PACE, rule.threshold, source, recorded, (), None,
            f"At {len(in_window)} instrument(s) per {window_days} days, the {needed} more needed "
            f"would take until {last.year}: not in sight.",
        )  # fmt: skip
    eif = rule.delay.apply(last)
    return Projection(
        PACE, rule.threshold, source, recorded, assumed, eif,
        f"{needed} more instrument(s) needed; at the pace of the window (one every "
        f"{round(every)} days) the last would be deposited on {last.isoformat()}.",
    )  # fmt: skip


def _what_if(
    rule: EntryIntoForceRule,
    source: str,
    known: list[Action],
    deposits: Sequence[Any],
    scenario: WhatIf,
    signatories: Collection[str],
    treaty: str,
) -> Projection:
    consented = {deposit.state for deposit in deposits}
    new = [code for code in scenario.states if code not in consented]
    assumed = tuple((code, scenario.on) for code in new)
    hypothetical = [
        Action(
            treaty=treaty,
            state=code,
            action_class=ActionClass.RATIFICATION if code in signatories else ActionClass.ACCESSION,
            date=scenario.on,
            source_url="https://treatywatch.invalid/scenario",
            source_date=scenario.on,
        )
        for code in new
    ]
    far = date(scenario.on.year + HORIZON_YEARS, 12, 31)
    result = compute_entry_into_force(rule, [*known, *hypothetical], far)
    total = len(deposits) + len(new)
    skipped = sorted(set(scenario.states) - set(new))
    note = f" ({', '.join(skipped)} already deposited)" if skipped else ""
    if result.treaty_date is None:
        explanation = (
            f"With {len(new)} more, {total} instrument(s): still {rule.threshold - total} short "
            f"of {rule.threshold}{note}."
        )
    else:
        explanation = f"With {len(new)} more, {total} instrument(s) meet {rule.threshold}{note}."
    return Projection(
        scenario.label, rule.threshold, source, len(deposits), assumed, result.treaty_date,
        explanation,
    )  # fmt: skip


def load_settings(path: Path = SETTINGS_FILE) -> tuple[int, tuple[AlternativeThreshold, ...]]:
    """The pace window in months and the alternative thresholds, from the settings file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    alternatives = tuple(
        AlternativeThreshold(
            value=int(item["value"]),
            source_url=str(item["source_url"]),
            source_date=item["source_date"]
            if isinstance(item["source_date"], date)
            else date.fromisoformat(str(item["source_date"])),
            note=str(item.get("note", "")),
        )
        for item in data.get("alternative_thresholds", [])
    )
    return int(data.get("window_months", 24)), alternatives
