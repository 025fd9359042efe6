"""The cooperation network, its monthly size and what one more consent would open."""

from __future__ import annotations

from datetime import date
from itertools import combinations

import pytest

from tests.core.relations_fixtures import (
    KNOWN_ON,
    MLA,
    RAT,
    SIG,
    STATES,
    base_history,
    make_convention,
    make_declaration,
    opt_in,
)
from tests.factories import make_action, make_state, make_treaty
from treatywatch.core import standing as standing_module
from treatywatch.core.network import (
    consent_impacts,
    cooperation_network,
    month_starts,
    network_series,
)
from treatywatch.core.records import DeclarationKind
from treatywatch.core.relations import assess_relation

# A history with every kind of pair: firm, provisional, objection, one-sided opt-in.
DECLARATIONS = [
    make_declaration("AAA", DeclarationKind.OBJECTION, made_on=date(2024, 9, 1), target="DDD"),
    opt_in("AAA"),
    opt_in("BBB"),
    opt_in("DDD"),
]
CONVENTION = make_convention(part_verified=True, provisional_verified=True)


@pytest.mark.parametrize("crime", ["genocide", "aggression"])
@pytest.mark.parametrize("on", [date(2024, 12, 1), date(2025, 6, 1)])
def test_network_agrees_with_the_relations_engine(crime: str, on: date) -> None:
    """For every pair, the network's answer is the one assess_relation gives."""
    treaty = make_treaty(threshold=2)
    network = cooperation_network(
        treaty, STATES, base_history(), DECLARATIONS, CONVENTION, on, KNOWN_ON, crime=crime
    )
    for first, second in combinations([state.code for state in STATES], 2):
        relation = assess_relation(
            first,
            second,
            crime=crime,
            cooperation=MLA,
            on=on,
            as_known_on=KNOWN_ON,
            treaty=treaty,
            states=STATES,
            actions=base_history(),
            declarations=DECLARATIONS,
            convention=CONVENTION,
        )
        assert network.answer(first, second) is relation.applicable, (first, second)


def test_network_on_a_known_date() -> None:
    """On 2025-06-01: AAA, BBB, DDD in force and PPP applying Part III; AAA objected to DDD."""
    network = cooperation_network(
        make_treaty(threshold=2),
        STATES,
        base_history(),
        DECLARATIONS,
        CONVENTION,
        date(2025, 6, 1),
        KNOWN_ON,
    )
    assert network.yes == (
        ("AAA", "BBB"),
        ("AAA", "PPP"),
        ("BBB", "DDD"),
        ("BBB", "PPP"),
        ("DDD", "PPP"),
    )
    assert network.uncertain == (("AAA", "DDD"),)


def test_series_counts_match_the_network_each_month() -> None:
    """The monthly counts (grouped by standing) equal the pairs enumerated one by one."""
    treaty = make_treaty(threshold=2)
    series = network_series(
        treaty,
        STATES,
        base_history(),
        DECLARATIONS,
        CONVENTION,
        date(2024, 1, 15),
        date(2025, 7, 1),
        KNOWN_ON,
    )
    assert [point.on for point in series] == month_starts(date(2024, 1, 1), date(2025, 7, 1))
    for point in series:
        network = cooperation_network(
            treaty, STATES, base_history(), DECLARATIONS, CONVENTION, point.on, KNOWN_ON
        )
        assert (point.yes, point.uncertain) == (len(network.yes), len(network.uncertain))
    by_month = {point.on: point for point in series}
    assert by_month[date(2024, 10, 1)].yes == 0
    assert by_month[date(2024, 11, 1)].yes == 3  # AAA-BBB, AAA-PPP, BBB-PPP
    assert by_month[date(2025, 5, 1)].uncertain == 1  # the objection


def test_series_computes_status_once_per_month(monkeypatch: pytest.MonkeyPatch) -> None:
    """200 States in force: one compute_status call per month, never one per pair."""
    states = [make_state(f"S{index:03d}") for index in range(200)]
    actions = [make_action(state.code, SIG, date(2024, 2, 14)) for state in states]
    actions += [make_action(state.code, RAT, date(2024, 5, 2)) for state in states]
    calls = []
    original = standing_module.compute_status

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[3])
        return original(*args, **kwargs)

    monkeypatch.setattr(standing_module, "compute_status", counting)
    series = network_series(
        make_treaty(), states, actions, [], CONVENTION, date(2024, 6, 1), date(2025, 5, 1), KNOWN_ON
    )
    assert len(calls) == len(series) == 12
    assert series[-1].yes == 200 * 199 // 2


def test_one_more_consent_that_reaches_the_threshold_opens_every_pair() -> None:
    """Threshold 3, two consents: a third opens the three pairs among the three States."""
    actions = [make_action(code, SIG, date(2024, 2, 14)) for code in ("AAA", "BBB", "CCC")]
    actions += [
        make_action("AAA", RAT, date(2024, 6, 3)),
        make_action("BBB", RAT, date(2024, 7, 1)),
    ]
    impacts = consent_impacts(
        make_treaty(threshold=3), STATES, actions, [], CONVENTION, date(2025, 1, 1), KNOWN_ON
    )
    by_code = {impact.code: impact for impact in impacts}
    assert set(by_code) == {"CCC", "DDD", "PPP", "QQQ", "ZZZ"}
    assert by_code["CCC"].new_pairs == 3 and by_code["CCC"].triggers_entry_into_force


def test_one_more_consent_when_in_force_pairs_with_every_bound_state() -> None:
    """In force for AAA and BBB, DDD due to be: CCC's consent pairs it with the three; PPP,
    already applying Part III, would open no new MLA pair."""
    impacts = consent_impacts(
        make_treaty(threshold=2), STATES, base_history(), [], CONVENTION, date(2025, 2, 1), KNOWN_ON
    )
    by_code = {impact.code: impact for impact in impacts}
    assert by_code["CCC"].new_pairs == 4  # AAA, BBB, DDD (pending) and PPP
    assert by_code["PPP"].new_pairs == 0
    assert not by_code["CCC"].triggers_entry_into_force
    assert impacts[0].new_pairs >= impacts[-1].new_pairs
