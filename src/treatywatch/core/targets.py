"""Whom to approach next: each State's next step and a priority score made of visible factors.

The score is the sum of named contributions, each `value × weight` rounded to a whole
point, so a reader can check every number and the contributions always add up exactly.
Weights are data (`data/targets.yaml`), not code.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from treatywatch.core.dates import add_months
from treatywatch.core.outreach import OutreachRecord
from treatywatch.core.status import StateStatus, Status

__all__ = [
    "FACTOR_NAMES",
    "WEIGHTS_FILE",
    "Factor",
    "FactorSpec",
    "NextStep",
    "Pledge",
    "Target",
    "TargetInputs",
    "TargetWeights",
    "WeightsError",
    "compute_targets",
    "contribution",
    "load_weights",
    "months_between",
    "next_step",
]

WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "data" / "targets.yaml"
# The outcomes of a contact that count as the State stating an intent.
INTENT_OUTCOMES = frozenset({"interest", "commitment"})


class NextStep(StrEnum):
    SIGN = "sign"
    RATIFY = "ratify"
    ENCOURAGE_OTHERS = "encourage_others"
    USE_CONVENTION = "use_convention"


class WeightsError(ValueError):
    """The weights file is missing a factor, names an unknown one, or has a bad number."""


@dataclass(frozen=True)
class FactorSpec:
    name: str
    weight: Decimal
    label: str
    why: str
    cap: int | None = None
    window_months: int | None = None


@dataclass(frozen=True)
class Pledge:
    """A public pledge covering the members of an organisation on a date."""

    name: str
    organisation: str
    members_on: date
    source_url: str
    source_date: date
    note: str = ""


@dataclass(frozen=True)
class TargetWeights:
    stage: Mapping[NextStep, Decimal]
    factors: Mapping[str, FactorSpec]
    conference_event: str = ""
    pledges: tuple[Pledge, ...] = ()


@dataclass(frozen=True)
class Factor:
    name: str
    value: Decimal
    weight: Decimal
    contribution: int

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": _number(self.value),
            "weight": _number(self.weight),
            "contribution": self.contribution,
        }


@dataclass(frozen=True)
class Target:
    code: str
    name: str
    region: str
    status: Status
    next_step: NextStep
    factors: tuple[Factor, ...]

    @property
    def score(self) -> int:
        return sum(factor.contribution for factor in self.factors)

    def factor(self, name: str) -> Factor:
        for item in self.factors:
            if item.name == name:
                return item
        raise KeyError(name)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "region": self.region,
            "status": str(self.status),
            "next_step": str(self.next_step),
            "score": self.score,
            "factors": [factor.to_json() for factor in self.factors],
        }


@dataclass(frozen=True)
class TargetInputs:
    """Everything the score reads, already restricted to what was known on `as_of`."""

    as_of: date
    statuses: Sequence[StateStatus]
    regions: Mapping[str, str]
    rome_parties: Collection[str] = frozenset()
    conference_participants: Collection[str] = frozenset()
    pledged: Collection[str] = frozenset()
    # Days of confirmed events and references involving each State.
    signals: Mapping[str, Sequence[date]] = field(default_factory=dict)
    outreach: Sequence[OutreachRecord] = ()


def next_step(status: Status) -> NextStep:
    """What the State should do next with the Convention, from where it stands."""
    if status is Status.SIGNED:
        return NextStep.RATIFY
    if status is Status.CONSENTED:
        return NextStep.ENCOURAGE_OTHERS
    if status is Status.IN_FORCE:
        return NextStep.USE_CONVENTION
    return NextStep.SIGN


def contribution(value: Decimal, weight: Decimal) -> int:
    """value × weight rounded to a whole point, halves away from zero."""
    return int((value * weight).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (0 if `end` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def _since(inputs: TargetInputs, spec: FactorSpec) -> date:
    return add_months(inputs.as_of, -(spec.window_months or 0))


def _capped(count: int, spec: FactorSpec) -> Decimal:
    return Decimal(min(count, spec.cap) if spec.cap is not None else count)


def _not_consented(state: StateStatus) -> bool:
    return state.status in (Status.NONE, Status.SIGNED, Status.WITHDRAWN)


def _conference(state: StateStatus, inputs: TargetInputs, spec: FactorSpec) -> Decimal:
    return Decimal(int(_not_consented(state) and state.code in inputs.conference_participants))


def _rome(state: StateStatus, inputs: TargetInputs, spec: FactorSpec) -> Decimal:
    return Decimal(int(_not_consented(state) and state.code in inputs.rome_parties))


def _peers(state: StateStatus, inputs: TargetInputs, spec: FactorSpec) -> Decimal:
    region = inputs.regions.get(state.code, "none")
    if not _not_consented(state) or region == "none":
        return Decimal(0)
    peers = [
        other
        for other in inputs.statuses
        if other.code != state.code and inputs.regions.get(other.code) == region
    ]
    if not peers:
        return Decimal(0)
    signed = sum(1 for other in peers if other.signed is not None)
    return (Decimal(signed) / Decimal(len(peers))).quantize(Decimal("0.001"), ROUND_HALF_UP)


def _months_waiting(state: StateStatus, inputs: TargetInputs, spec: FactorSpec) -> Decimal:
    if state.status is not Status.SIGNED or state.signed is None:
        return Decimal(0)
    return _capped(months_between(state.signed, inputs.as_of), spec)


def _pledged(state: StateStatus, inputs: TargetInputs, spec: FactorSpec) -> Decimal:
    return Decimal(int(_not_consented(state) and state.code in inputs.pledged))


def _statements(state: StateStatus, inputs: TargetInputs, spec: FactorSpec) -> Decimal:
    if not _not_consented(state):
        return Decimal(0)
    since = _since(inputs, spec)
    days = inputs.signals.get(state.code, ())
    return _capped(sum(1 for day in days if since < day <= inputs.as_of), spec)


def _contacts(state: StateStatus, inputs: TargetInputs) -> list[OutreachRecord]:
    return [
        contact
        for contact in inputs.outreach
        if contact.target == state.code and contact.on is not None and contact.on <= inputs.as_of
    ]


def _intent(state: StateStatus, inputs: TargetInputs, spec: FactorSpec) -> Decimal:
    if not _not_consented(state):
        return Decimal(0)
    since = _since(inputs, spec)
    return Decimal(
        int(
            any(
                contact.outcome in INTENT_OUTCOMES and contact.on is not None and contact.on > since
                for contact in _contacts(state, inputs)
            )
        )
    )


def _recent_outreach(state: StateStatus, inputs: TargetInputs, spec: FactorSpec) -> Decimal:
    since = _since(inputs, spec)
    return _capped(
        sum(1 for c in _contacts(state, inputs) if c.on is not None and c.on > since), spec
    )


def _follow_up(state: StateStatus, inputs: TargetInputs, spec: FactorSpec) -> Decimal:
    return Decimal(
        int(
            any(
                contact.follow_up_on is not None
                and contact.follow_up_on <= inputs.as_of
                and (contact.follow_up_done_on is None or contact.follow_up_done_on > inputs.as_of)
                for contact in _contacts(state, inputs)
            )
        )
    )


FactorFunction = Callable[[StateStatus, TargetInputs, FactorSpec], Decimal]
FACTORS: dict[str, FactorFunction] = {
    "diplomatic_conference": _conference,
    "rome_statute_party": _rome,
    "regional_peers_signed": _peers,
    "months_signed_without_consent": _months_waiting,
    "pledged_to_consider_ratification": _pledged,
    "recent_statements": _statements,
    "stated_intent_in_outreach": _intent,
    "recent_outreach": _recent_outreach,
    "follow_up_due": _follow_up,
}
FACTOR_NAMES = ("stage", *FACTORS)


def compute_targets(inputs: TargetInputs, weights: TargetWeights) -> list[Target]:
    """Every State's next step and score on `inputs.as_of`, highest score first."""
    targets = []
    for state in inputs.statuses:
        step = next_step(state.status)
        stage_weight = weights.stage[step]
        one = Decimal(1)
        factors = [Factor("stage", one, stage_weight, contribution(one, stage_weight))]
        for name, spec in weights.factors.items():
            value = FACTORS[name](state, inputs, spec)
            factors.append(Factor(name, value, spec.weight, contribution(value, spec.weight)))
        targets.append(
            Target(
                code=state.code,
                name=state.name,
                region=inputs.regions.get(state.code, "none"),
                status=state.status,
                next_step=step,
                factors=tuple(factors),
            )
        )
    return sorted(targets, key=lambda target: (-target.score, target.name))


def load_weights(path: Path = WEIGHTS_FILE) -> TargetWeights:
    """The weights file, checked: every factor named once, numbers where numbers belong."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise WeightsError(f"{path}: {error}") from None
    try:
        stage = {step: _decimal(data["stage"][step.value]) for step in NextStep}
        factors: dict[str, FactorSpec] = {}
        for entry in data["factors"]:
            name = entry["name"]
            if name not in FACTORS:
                raise WeightsError(f"{path}: unknown factor {name!r}")
            if name in factors:
                raise WeightsError(f"{path}: factor {name!r} appears twice")
            factors[name] = FactorSpec(
                name=name,
                weight=_decimal(entry["weight"]),
                label=str(entry["label"]),
                why=str(entry.get("why", "")),
                cap=int(entry["cap"]) if "cap" in entry else None,
                window_months=int(entry["window_months"]) if "window_months" in entry else None,
            )
        missing = sorted(set(FACTORS) - set(factors))
        if missing:
            raise WeightsError(f"{path}: missing factors {', '.join(missing)}")
        pledges = tuple(
            Pledge(
                name=str(item["name"]),
                organisation=str(item["organisation"]),
                members_on=_day(item["members_on"]),
                source_url=str(item["source_url"]),
                source_date=_day(item["source_date"]),
                note=str(item.get("note", "")),
            )
            for item in data.get("pledges", [])
        )
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, WeightsError):
            raise
        raise WeightsError(f"{path}: {error!r}") from None
    return TargetWeights(stage, factors, str(data.get("conference_event", "")), pledges)


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"{value!r} is not a number")
    return Decimal(str(value))


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _number(value: Decimal) -> int | float:
    """Whole numbers as int, the rest as float, for JSON."""
    return int(value) if value == value.to_integral_value() else float(value)
