"""The applicability engine on handmade histories, and on the bundled record."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

import pytest

from tests.core.relations_fixtures import (
    DEN,
    EXTRADITION,
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
from tests.factories import make_action, make_treaty
from treatywatch.core.convention import CooperationKind
from treatywatch.core.records import Action, Declaration, DeclarationKind
from treatywatch.core.relations import Answer, UnknownStateError, assess_relation

RESERVATION, OBJECTION = DeclarationKind.RESERVATION, DeclarationKind.OBJECTION


@dataclass
class Case:
    requesting: str
    requested: str
    on: date
    expected: Answer
    codes: set[str]
    crime: str = "genocide"
    cooperation: CooperationKind = MLA
    extra_actions: list[Action] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    rule_verified: bool = True
    convention: dict[str, bool | None] = field(default_factory=dict)
    history: bool = True
    as_known_on: date = KNOWN_ON


CASES = {
    "both in force": Case("AAA", "BBB", date(2025, 1, 1), Answer.YES, {"in_force"}),
    "only one side bound: other only signed": Case(
        "AAA", "CCC", date(2025, 1, 1), Answer.NO, {"signed_only"}
    ),
    "only one side bound: other did nothing": Case(
        "AAA", "ZZZ", date(2025, 1, 1), Answer.NO, {"not_party"}
    ),
    "in force for one, not yet for the other": Case(
        "AAA", "DDD", date(2025, 3, 1), Answer.NO, {"not_yet_in_force"}
    ),
    "in force for both once the later State's date comes": Case(
        "DDD", "AAA", date(2025, 5, 1), Answer.YES, {"in_force"}
    ),
    "in force by an unverified rule is uncertain": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.UNCERTAIN, {"in_force_unverified"},
        rule_verified=False,
    ),
    "consented but not yet in force by an unverified rule is uncertain": Case(
        "AAA", "DDD", date(2025, 3, 1), Answer.UNCERTAIN, {"not_yet_in_force_unverified_rule"},
        rule_verified=False,
    ),
    "a reported date the verified rule contradicts is uncertain": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.UNCERTAIN, {"in_force_unverified"},
        history=False,
        extra_actions=[
            make_action("AAA", RAT, date(2024, 6, 3)),
            make_action("BBB", RAT, date(2024, 7, 10), reported=date(2024, 10, 1)),
        ],
    ),
    "a reported date the verified rule confirms is firm": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.YES, {"in_force"},
        history=False,
        extra_actions=[
            make_action("AAA", RAT, date(2024, 6, 3)),
            make_action("BBB", RAT, date(2024, 7, 10), reported=date(2024, 11, 1)),
        ],
    ),
    "a fact recorded after as_known_on is invisible": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.NO, {"signed_only"},
        history=False,
        as_known_on=date(2025, 3, 1),
        extra_actions=[
            make_action("BBB", SIG, date(2024, 2, 14), recorded_on=date(2024, 2, 20)),
            make_action("AAA", RAT, date(2024, 6, 3), recorded_on=date(2024, 6, 10)),
            make_action("BBB", RAT, date(2024, 7, 10), recorded_on=date(2025, 6, 1)),
        ],
    ),
    "annex crime, both opted in": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.YES, {"annex_both_opted_in", "annex_opt_in"},
        crime="aggression", declarations=[opt_in("AAA"), opt_in("BBB", ("*",))],
    ),
    "annex crime, only one side opted in, reciprocity unverified": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.UNCERTAIN,
        {"annex_reciprocity_unverified", "annex_opt_in_missing"},
        crime="H", declarations=[opt_in("AAA")],
    ),
    "annex crime, only one side opted in, reciprocity verified": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.NO, {"annex_not_both_opted_in"},
        crime="aggression", declarations=[opt_in("BBB")],
        convention={"reciprocal": True, "reciprocity_verified": True},
    ),
    "annex crime, neither opted in": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.NO, {"annex_not_opted_in"}, crime="aggression"
    ),
    "annex crime whose letter is unknown, one opt-in names other letters": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.UNCERTAIN, {"annex_opt_in_letter_unknown"},
        crime="torture", declarations=[opt_in("AAA", ("*",)), opt_in("BBB", ("F",))],
    ),
    "opt-in withdrawn before the date": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.NO, {"annex_opt_in_ended", "annex_not_opted_in"},
        crime="aggression", declarations=[opt_in("AAA", withdrawn_on=date(2024, 12, 1))],
    ),
    "reservation on an MLA article in effect": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.UNCERTAIN, {"reservation"},
        declarations=[
            make_declaration("BBB", RESERVATION, articles=("40(2)",),
                             valid_from=date(2024, 7, 10), valid_until=date(2025, 6, 2))
        ],
    ),
    "expired reservation no longer applies": Case(
        "AAA", "BBB", date(2025, 7, 1), Answer.YES, {"reservation_not_in_effect"},
        declarations=[
            make_declaration("BBB", RESERVATION, articles=("40(2)",),
                             valid_from=date(2024, 7, 10), valid_until=date(2025, 6, 2))
        ],
    ),
    "reservation on a provision that governs no cooperation": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.YES, {"reservation_elsewhere"},
        declarations=[make_declaration("AAA", RESERVATION, articles=("8(3)",),
                                       made_on=date(2024, 6, 3))],
    ),
    "time-limited reservation with unknown start, before we recorded it": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.UNCERTAIN, {"reservation"},
        declarations=[make_declaration("AAA", RESERVATION, articles=("40",),
                                       valid_until=date(2027, 1, 1))],
    ),
    "reservation whose reach our article data cannot tell": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.UNCERTAIN, {"reservation_reach_unknown"},
        declarations=[make_declaration("AAA", RESERVATION, articles=("77",),
                                       made_on=date(2024, 6, 3))],
    ),
    "withdrawal effective before the date": Case(
        "AAA", "BBB", date(2025, 9, 1), Answer.NO, {"withdrawn"},
        extra_actions=[make_action("BBB", DEN, date(2025, 2, 1), effective_on=date(2025, 8, 1))],
    ),
    "withdrawal notified but not yet effective": Case(
        "AAA", "BBB", date(2025, 3, 1), Answer.YES, {"denunciation_pending", "in_force"},
        extra_actions=[make_action("BBB", DEN, date(2025, 2, 1), effective_on=date(2025, 8, 1))],
    ),
    "denunciation whose effective date is unknown": Case(
        "AAA", "BBB", date(2025, 3, 1), Answer.UNCERTAIN, {"denunciation_date_unknown"},
        extra_actions=[make_action("BBB", DEN, date(2025, 2, 1))],
    ),
    "provisional application of Part III supports MLA, unverified mapping": Case(
        "AAA", "PPP", date(2025, 1, 1), Answer.UNCERTAIN, {"provisional_application_unverified"}
    ),
    "provisional application of Part III supports MLA, verified mapping and rule": Case(
        "PPP", "AAA", date(2025, 1, 1), Answer.YES, {"provisional_application", "in_force"},
        convention={"part_verified": True, "provisional_verified": True},
    ),
    "provisional application of Part III does not support extradition": Case(
        "AAA", "PPP", date(2025, 1, 1), Answer.NO,
        {"signed_only", "provisional_application_not_covering"},
        cooperation=EXTRADITION, convention={"part_verified": True, "provisional_verified": True},
    ),
    "one side's provisional application does not bind the other": Case(
        "PPP", "CCC", date(2025, 1, 1), Answer.NO, {"signed_only"},
        convention={"part_verified": True, "provisional_verified": True},
    ),
    "provisional application of Part III and another kind of cooperation": Case(
        "AAA", "PPP", date(2025, 1, 1), Answer.UNCERTAIN, {"provisional_application_scope_unknown"},
        cooperation=CooperationKind.OTHER,
        convention={"part_verified": True, "provisional_verified": True},
    ),
    "unknown date of an opt-in, before we recorded it": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.UNCERTAIN, {"annex_opt_in_date_unknown"},
        crime="aggression", declarations=[opt_in("AAA"), opt_in("BBB", made_on=None)],
    ),
    "unknown date of an opt-in, after we recorded it": Case(
        "AAA", "BBB", date(2026, 2, 1), Answer.YES, {"annex_both_opted_in"},
        crime="aggression", declarations=[opt_in("AAA"), opt_in("BBB", made_on=None)],
    ),
    "objection between the two": Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.UNCERTAIN, {"objection"},
        declarations=[make_declaration("AAA", OBJECTION, made_on=date(2024, 9, 1), target="BBB")],
    ),
    "a date after our knowledge is a projection": Case(
        "AAA", "BBB", date(2027, 1, 1), Answer.YES, {"projection", "in_force"}
    ),
}  # fmt: skip


def relation_for(case: Case):  # type: ignore[no-untyped-def]
    actions = (base_history() if case.history else []) + case.extra_actions
    return assess_relation(
        case.requesting,
        case.requested,
        crime=case.crime,
        cooperation=case.cooperation,
        on=case.on,
        as_known_on=case.as_known_on,
        treaty=make_treaty(threshold=2, verified=case.rule_verified),
        states=STATES,
        actions=actions,
        declarations=case.declarations,
        convention=make_convention(**case.convention),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_handmade_histories(case: Case) -> None:
    """Each history gives the expected answer, and names the reasons that decide it."""
    relation = relation_for(case)
    codes = {reason.code for reason in relation.reasons}
    assert relation.applicable is case.expected, [r.text for r in relation.reasons]
    assert case.codes <= codes, codes


def test_answer_is_the_same_both_ways() -> None:
    """Swapping requesting and requested States never changes the answer."""
    for case in CASES.values():
        swapped = Case(
            **{**case.__dict__, "requesting": case.requested, "requested": case.requesting}
        )
        assert relation_for(swapped).applicable is relation_for(case).applicable


def test_json_has_the_stable_keys_and_reason_shape() -> None:
    """The JSON carries exactly the documented keys; each reason is {code, text, source}."""
    data = relation_for(CASES["annex crime, only one side opted in, reciprocity unverified"])
    data = data.to_json()
    assert set(data) == {
        "applicable",
        "reasons",
        "articles",
        "central_authorities",
        "requesting",
        "requested",
        "crime",
        "cooperation",
        "date",
        "as_known_on",
    }
    assert data["applicable"] == "uncertain"
    assert data["crime"] == {
        "key": "aggression",
        "label": "the crime of aggression",
        "kind": "annex",
        "annexes": ["H"],
    }
    assert all(set(reason) == {"code", "text", "source"} for reason in data["reasons"])
    assert data["requesting"]["code"] == "AAA" and data["requested"]["bound"] == "yes"
    assert data["central_authorities"] == []
    assert {"central_authority_unknown"} <= {reason["code"] for reason in data["reasons"]}


def test_articles_name_the_provisions_for_the_kind_of_cooperation() -> None:
    """MLA names Part III and Art. 40, flagged by their verified status; the crime adds Art. 5."""
    data = relation_for(CASES["both in force"]).to_json()
    references = [(item["reference"], item["role"], item["verified"]) for item in data["articles"]]
    assert references == [
        ("Part III", "cooperation", False),
        ("Art. 40", "cooperation", True),
        ("Art. 5", "crime", True),
    ]


def test_central_authorities_come_from_declarations() -> None:
    """A central-authority designation in effect is listed and cited."""
    designation = make_declaration(
        "BBB", DeclarationKind.CENTRAL_AUTHORITY, made_on=date(2024, 7, 10)
    )
    case = Case("AAA", "BBB", date(2025, 1, 1), Answer.YES, set(), declarations=[designation])
    relation = relation_for(case)
    assert [item.state for item in relation.central_authorities] == ["BBB"]
    assert relation.central_authorities[0].source.endswith("/BBB/declarations")


def test_codes_in_any_case_and_alpha2() -> None:
    """`aa` (alpha-2, lower case) and `bbb` resolve to AAA and BBB."""
    case = CASES["both in force"]
    relation = assess_relation(
        "aa",
        "bbb",
        crime="Genocide",
        cooperation="MLA",
        on=case.on,
        as_known_on=KNOWN_ON,
        treaty=make_treaty(threshold=2),
        states=STATES,
        actions=base_history(),
        declarations=[],
        convention=make_convention(),
    )
    assert (relation.requesting.code, relation.requested.code) == ("AAA", "BBB")


@pytest.mark.parametrize(
    ("requesting", "requested", "crime", "cooperation", "message"),
    [
        ("XYZ", "BBB", "genocide", "mla", "unknown State 'XYZ'"),
        ("AAA", "AAA", "genocide", "mla", "are the same"),
        ("AAA", "BBB", "piracy", "mla", "unknown crime 'piracy'"),
        ("AAA", "BBB", "B", "mla", "Annex B is not recorded"),
        ("AAA", "BBB", "genocide", "rendition", "unknown cooperation 'rendition'"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(
    requesting: str, requested: str, crime: str, cooperation: str, message: str
) -> None:
    """Unknown States, crimes, annexes and kinds of cooperation raise a message naming them."""
    with pytest.raises(ValueError, match=message) as error:
        assess_relation(
            requesting,
            requested,
            crime=crime,
            cooperation=cooperation,
            on=date(2025, 1, 1),
            as_known_on=KNOWN_ON,
            treaty=make_treaty(threshold=2),
            states=STATES,
            actions=base_history(),
            declarations=[],
            convention=make_convention(),
        )
    if "State" in message:
        assert isinstance(error.value, UnknownStateError)


def test_bundled_record_never_says_yes_where_a_side_is_not_bound() -> None:
    """At today's date, every pair of bundled States: no 'yes' where the status engine says
    one side is neither in force nor provisionally applying the Convention."""
    from treatywatch.core.convention import load_convention
    from treatywatch.core.dataset import DATA_DIR, load_dataset
    from treatywatch.core.relations import take_snapshot
    from treatywatch.core.status import Status

    if not (DATA_DIR / "states.csv").exists():
        pytest.skip("data/states.csv is not in this worktree yet (another helper adds it)")
    today = date(2026, 11, 29)
    dataset = load_dataset(today=today)
    treaty = dataset.treaties["ljubljana-the-hague"]
    convention = load_convention(today=today)
    snapshot = take_snapshot(
        treaty, dataset.states, dataset.actions, dataset.declarations, convention, today, today
    )
    unbound = {
        code
        for code, status in snapshot.statuses.items()
        if status.status is not Status.IN_FORCE and not status.provisional_application
    }
    answers = set()
    for first, second in combinations(sorted(snapshot.statuses), 2):
        relation = assess_relation(
            first,
            second,
            crime="genocide",
            cooperation=MLA,
            on=today,
            as_known_on=today,
            treaty=treaty,
            states=dataset.states,
            actions=dataset.actions,
            declarations=dataset.declarations,
            convention=convention,
            snapshot=snapshot,
        )
        answers.add(relation.applicable)
        if first in unbound or second in unbound:
            assert relation.applicable is not Answer.YES, (first, second)
    assert Answer.NO in answers


def test_time_limited_reservation_with_unknown_start() -> None:
    """Before we recorded it the reservation is only possibly in effect; after its end date it
    no longer applies."""
    reservation = make_declaration(
        "AAA", RESERVATION, articles=("40",), valid_until=date(2027, 1, 1)
    )
    early = Case(
        "AAA", "BBB", date(2025, 1, 1), Answer.UNCERTAIN, set(), declarations=[reservation]
    )
    texts = [reason.text for reason in relation_for(early).reasons if reason.code == "reservation"]
    assert len(texts) == 1 and "possibly in effect" in texts[0]
    late = Case(
        "AAA",
        "BBB",
        date(2027, 2, 1),
        Answer.YES,
        set(),
        declarations=[reservation],
        as_known_on=date(2027, 2, 1),
    )
    relation = relation_for(late)
    assert relation.applicable is Answer.YES
    assert "reservation_not_in_effect" in {reason.code for reason in relation.reasons}
