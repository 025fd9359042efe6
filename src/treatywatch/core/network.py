"""The cooperation network: the pairs of States between which the Convention applies.

For a date, each State's standing is assessed once (`assess_side`); pairs then combine two
standings with the same `pair_reasons` the relations engine uses, so the network never
disagrees with `assess_relation`. Counting over time groups States by what the pair answer
depends on, so a month costs one status computation and no per-pair work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations, combinations_with_replacement
from typing import Any

from treatywatch.core.convention import Convention, CooperationKind
from treatywatch.core.crimes import Crime, resolve_crime
from treatywatch.core.dates import add_months
from treatywatch.core.records import Action, Declaration, DeclarationKind, State, Treaty
from treatywatch.core.relations import (
    Answer,
    Bound,
    Side,
    Snapshot,
    answer_from,
    assess_side,
    pair_reasons,
    take_snapshot,
)
from treatywatch.core.status import Status

__all__ = [
    "NETWORK_INDICATOR",
    "ConsentImpact",
    "Network",
    "NetworkPoint",
    "consent_impacts",
    "cooperation_network",
    "month_starts",
    "network_series",
]

NETWORK_INDICATOR = {
    "code": "cooperation_pairs",
    "label": "Pairs of States able to cooperate under the Convention",
    "unit": "unordered pairs of States",
    "definition": (
        "On the first day of each month, the number of pairs of States between which the "
        "Convention applies to mutual legal assistance for the core crimes (genocide, crimes "
        "against humanity, war crimes): 'yes' pairs, and separately 'uncertain' pairs whose "
        "answer rests on unverified rules or dates."
    ),
    "method": (
        "treatywatch.core.network.network_series: the status engine once per date, each "
        "State's standing once, pairs combined by the relations engine's rules."
    ),
}


@dataclass(frozen=True)
class Network:
    on: date
    as_known_on: date
    crime: Crime
    cooperation: CooperationKind
    sides: dict[str, Side]
    yes: tuple[tuple[str, str], ...]
    uncertain: tuple[tuple[str, str], ...]

    def answer(self, first: str, second: str) -> Answer:
        pair = tuple(sorted((first, second)))
        if pair in self.yes:
            return Answer.YES
        return Answer.UNCERTAIN if pair in self.uncertain else Answer.NO

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.on.isoformat(),
            "as_known_on": self.as_known_on.isoformat(),
            "crime": self.crime.to_json(),
            "cooperation": str(self.cooperation),
            "bound": {code: str(side.bound) for code, side in sorted(self.sides.items())},
            "yes": [list(pair) for pair in self.yes],
            "uncertain": [list(pair) for pair in self.uncertain],
        }


@dataclass(frozen=True)
class NetworkPoint:
    on: date
    yes: int
    uncertain: int
    states_bound: int
    states_possibly_bound: int

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.on.isoformat(),
            "yes": self.yes,
            "uncertain": self.uncertain,
            "states_bound": self.states_bound,
            "states_possibly_bound": self.states_possibly_bound,
        }


@dataclass(frozen=True)
class ConsentImpact:
    """What one more instrument of consent by a State not yet bound would open."""

    code: str
    name: str
    status: str
    new_pairs: int
    triggers_entry_into_force: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "status": self.status,
            "new_pairs": self.new_pairs,
            "triggers_entry_into_force": self.triggers_entry_into_force,
        }


def cooperation_network(
    treaty: Treaty,
    states: Sequence[State],
    actions: Iterable[Action],
    declarations: Iterable[Declaration],
    convention: Convention,
    on: date,
    as_known_on: date,
    crime: Crime | str = "genocide",
    cooperation: CooperationKind = CooperationKind.MUTUAL_LEGAL_ASSISTANCE,
) -> Network:
    """Every pair of States for which the answer is `yes` or `uncertain` on `on`."""
    crime = crime if isinstance(crime, Crime) else resolve_crime(crime, convention)
    snap = take_snapshot(treaty, states, actions, declarations, convention, on, as_known_on)
    sides = _sides(snap, cooperation, crime)
    candidates = sorted(code for code, side in sides.items() if side.bound is not Bound.NO)
    yes, uncertain = [], []
    for first, second in combinations(candidates, 2):
        answer = _pair_answer(snap, sides[first], sides[second], crime)
        if answer is Answer.YES:
            yes.append((first, second))
        elif answer is Answer.UNCERTAIN:
            uncertain.append((first, second))
    return Network(on, as_known_on, crime, cooperation, sides, tuple(yes), tuple(uncertain))


def network_series(
    treaty: Treaty,
    states: Sequence[State],
    actions: Iterable[Action],
    declarations: Iterable[Declaration],
    convention: Convention,
    start: date,
    end: date,
    as_known_on: date,
    crime: Crime | str = "genocide",
    cooperation: CooperationKind = CooperationKind.MUTUAL_LEGAL_ASSISTANCE,
) -> list[NetworkPoint]:
    """The network's size on the first day of each month from `start` to `end`.

    Under the rule in the data, entry into force falls on the first of a month, so a change
    shows in the month it happens.
    """
    crime = crime if isinstance(crime, Crime) else resolve_crime(crime, convention)
    actions, declarations = list(actions), list(declarations)
    points = []
    for day in month_starts(start, end):
        snap = take_snapshot(treaty, states, actions, declarations, convention, day, as_known_on)
        sides = _sides(snap, cooperation, crime)
        yes, uncertain = _count_pairs(snap, sides, crime)
        bound = Counter(side.bound for side in sides.values())
        points.append(NetworkPoint(day, yes, uncertain, bound[Bound.YES], bound[Bound.UNCERTAIN]))
    return points


def consent_impacts(
    treaty: Treaty,
    states: Sequence[State],
    actions: Iterable[Action],
    declarations: Iterable[Declaration],
    convention: Convention,
    on: date,
    as_known_on: date,
    cooperation: CooperationKind = CooperationKind.MUTUAL_LEGAL_ASSISTANCE,
) -> list[ConsentImpact]:
    """For each State with no standing consent: the pairs its consent on `on` would open.

    A projection for the core crimes: pairs are counted once everything already consented
    has entered into force. If the Convention is not in force (nor due to enter into force),
    a consent opens pairs only if it is the one that reaches the threshold; then it opens
    every pair among the consenting States. Objections are ignored. The rule is as recorded
    in treaties.yaml, verified or not.
    """
    crime = resolve_crime("genocide", convention)
    snap = take_snapshot(treaty, states, actions, declarations, convention, on, as_known_on)
    sides = _sides(snap, cooperation, crime)
    bound_now = {code for code, side in sides.items() if side.bound is not Bound.NO}
    pending = {code for code, status in snap.statuses.items() if status.status is Status.CONSENTED}
    scheduled = snap.report.entry_into_force is not None
    reaches_threshold = snap.report.consenting + 1 >= treaty.entry_into_force.threshold
    baseline = bound_now | pending if scheduled else bound_now
    impacts = []
    for code, status in snap.statuses.items():
        if status.status in (Status.CONSENTED, Status.IN_FORCE):
            continue
        if scheduled or reaches_threshold:
            opened = _pairs(len(bound_now | pending | {code})) - _pairs(len(baseline))
        else:
            opened = 0
        impacts.append(
            ConsentImpact(
                code,
                status.name,
                str(status.status),
                opened,
                triggers_entry_into_force=not scheduled and reaches_threshold,
            )
        )
    return sorted(impacts, key=lambda impact: (-impact.new_pairs, impact.code))


def month_starts(start: date, end: date) -> list[date]:
    """The first day of every month from `start`'s month to `end`, inclusive."""
    day, days = start.replace(day=1), []
    while day <= end:
        days.append(day)
        day = add_months(day, 1)
    return days


def _sides(snap: Snapshot, cooperation: CooperationKind, crime: Crime) -> dict[str, Side]:
    return {code: assess_side(snap, code, cooperation, crime) for code in snap.statuses}


def _pair_answer(snap: Snapshot, first: Side, second: Side, crime: Crime) -> Answer:
    return answer_from([*first.reasons, *second.reasons, *pair_reasons(snap, first, second, crime)])


def _count_pairs(snap: Snapshot, sides: dict[str, Side], crime: Crime) -> tuple[int, int]:
    """Yes and uncertain pairs, counted by class of standing rather than pair by pair."""
    candidates = {code: side for code, side in sides.items() if side.bound is not Bound.NO}
    groups: dict[tuple[Any, ...], list[Side]] = {}
    for side in candidates.values():
        groups.setdefault(side.pair_class, []).append(side)
    counts: Counter[Answer] = Counter()
    keys = list(groups)
    for first_key, second_key in combinations_with_replacement(keys, 2):
        first_group, second_group = groups[first_key], groups[second_key]
        if first_key == second_key:
            if len(first_group) < 2:
                continue
            pairs = _pairs(len(first_group))
            answer = _class_answer(snap, first_group[0], first_group[1], crime)
        else:
            pairs = len(first_group) * len(second_group)
            answer = _class_answer(snap, first_group[0], second_group[0], crime)
        counts[answer] += pairs
    # Objections are the one thing that depends on the pair itself: correct those pairs.
    for first, second in _objection_pairs(snap, candidates):
        a, b = candidates[first], candidates[second]
        counts[_class_answer(snap, a, b, crime)] -= 1
        counts[_pair_answer(snap, a, b, crime)] += 1
    return counts[Answer.YES], counts[Answer.UNCERTAIN]


def _class_answer(snap: Snapshot, first: Side, second: Side, crime: Crime) -> Answer:
    """The answer for two standings, leaving out objections between these two States."""
    reasons = [*first.reasons, *second.reasons]
    reasons += [
        reason for reason in pair_reasons(snap, first, second, crime) if reason.code != "objection"
    ]
    return answer_from(reasons)


def _objection_pairs(snap: Snapshot, candidates: dict[str, Side]) -> set[tuple[str, str]]:
    pairs = set()
    for code in candidates:
        for item in snap.declarations_by_state.get(code, ()):
            if item.kind is DeclarationKind.OBJECTION and item.target_state in candidates:
                pairs.add(tuple(sorted((code, item.target_state))))
    return pairs  # type: ignore[return-value]


def _pairs(size: int) -> int:
    return size * (size - 1) // 2
