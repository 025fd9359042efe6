from datetime import date

import pytest

from tests.factories import make_action, make_state, make_treaty
from treatywatch.core.denominators import denominator
from treatywatch.core.records import ActionClass, Delay, UnStatus
from treatywatch.core.status import Status, compute_status

SIG, RAT, ACC, DEN = (
    ActionClass.SIGNATURE,
    ActionClass.RATIFICATION,
    ActionClass.ACCESSION,
    ActionClass.DENUNCIATION,
)
STATES = [make_state(code) for code in ("AAA", "BBB", "CCC", "DDD")] + [
    make_state("XKX", UnStatus.OTHER),
    make_state("VAT", UnStatus.OBSERVER),
]


def status_on(actions, as_of, *, as_known_on=date(2026, 6, 1), treaty=None, name="all"):
    return compute_status(
        treaty or make_treaty(),
        STATES,
        actions,
        as_of,
        as_known_on,
        denominator(name, STATES),
    )


def test_counts_signatures_up_to_the_date():
    """A signature counts from its own date, not before."""
    actions = [
        make_action("AAA", SIG, date(2024, 2, 14)),
        make_action("BBB", SIG, date(2024, 2, 15)),
    ]
    assert status_on(actions, date(2024, 2, 14)).signatories == 1
    assert status_on(actions, date(2024, 2, 15)).signatories == 2
    assert status_on(actions, date(2024, 2, 13)).signatories == 0


def test_treaty_enters_into_force_after_threshold_and_delay():
    """Third deposit on 28 Aug 2025, three months, first of next month: in force 1 Dec 2025."""
    actions = [make_action(code, SIG, date(2024, 2, 14)) for code in ("AAA", "BBB", "CCC", "DDD")]
    actions += [
        make_action("AAA", RAT, date(2025, 1, 10)),
        make_action("BBB", RAT, date(2025, 5, 2)),
        make_action("CCC", RAT, date(2025, 8, 28)),
        make_action("DDD", RAT, date(2026, 1, 15)),
    ]
    before = status_on(actions, date(2025, 11, 30))
    assert before.entry_into_force == date(2025, 12, 1)
    assert not before.treaty_in_force
    assert before.consenting == 3 and before.in_force_for == 0
    after = status_on(actions, date(2026, 3, 1))
    assert after.treaty_in_force
    assert after.state("AAA").in_force == date(2025, 12, 1)
    assert after.state("DDD").status is Status.CONSENTED
    assert after.state("DDD").in_force == date(2026, 5, 1)
    assert status_on(actions, date(2026, 5, 1)).state("DDD").status is Status.IN_FORCE


def test_deposits_after_the_date_do_not_move_entry_into_force():
    """As of a date before the third deposit, entry into force is still unknown."""
    actions = [make_action(code, SIG, date(2024, 2, 14)) for code in ("AAA", "BBB", "CCC")]
    actions += [
        make_action(c, RAT, date(2025, m, 1)) for c, m in (("AAA", 1), ("BBB", 2), ("CCC", 3))
    ]
    report = status_on(actions, date(2025, 2, 15))
    assert report.entry_into_force is None
    assert report.consenting == 2


def test_facts_recorded_later_are_invisible_as_known_earlier():
    """A signature we learnt on 1 March is absent from a report as known on 28 February."""
    late = make_action("AAA", SIG, date(2024, 2, 14), recorded_on=date(2024, 3, 1))
    assert status_on([late], date(2024, 6, 1), as_known_on=date(2024, 2, 28)).signatories == 0
    assert status_on([late], date(2024, 6, 1), as_known_on=date(2024, 3, 1)).signatories == 1


def test_retracted_fact_counts_only_before_its_retraction():
    """A row found wrong on 1 May still reproduces reports made before that day."""
    wrong = make_action(
        "AAA", SIG, date(2024, 2, 14), recorded_on=date(2024, 3, 1), retracted_on=date(2024, 5, 1)
    )
    assert status_on([wrong], date(2024, 6, 1), as_known_on=date(2024, 4, 1)).signatories == 1
    assert status_on([wrong], date(2024, 6, 1), as_known_on=date(2024, 5, 1)).signatories == 0


def test_reported_entry_into_force_is_used_and_disagreement_warned():
    """A depositary date that the rule cannot explain is shown, with a warning naming both."""
    actions = [
        make_action("AAA", SIG, date(2025, 2, 10)),
        make_action("AAA", RAT, date(2025, 8, 28), reported=date(2025, 12, 1)),
    ]
    report = status_on(actions, date(2026, 1, 1))
    state = report.state("AAA")
    assert state.status is Status.IN_FORCE
    assert state.in_force == date(2025, 12, 1) and state.in_force_basis == "reported"
    assert any("AAA" in w and "2025-12-01" in w and "no date yet" in w for w in report.warnings)
    assert report.treaty_in_force and report.entry_into_force_basis == "reported"


def test_matching_reported_date_gives_no_warning():
    """When the depositary and the rule agree there is nothing to warn about."""
    actions = [make_action(c, SIG, date(2024, 2, 14)) for c in ("AAA", "BBB", "CCC")]
    actions += [
        make_action("AAA", RAT, date(2025, 1, 6)),
        make_action("BBB", RAT, date(2025, 1, 7)),
        make_action("CCC", RAT, date(2025, 1, 8), reported=date(2025, 5, 1)),
    ]
    report = status_on(actions, date(2025, 6, 1))
    assert report.warnings == ()
    assert report.in_force_for == 3


def test_unverified_rule_is_flagged():
    """Counts computed from an unverified rule carry a warning saying so."""
    report = status_on([], date(2025, 1, 1), treaty=make_treaty(verified=False))
    assert any("not verified" in warning for warning in report.warnings)


def test_denunciation_takes_effect_on_its_effective_date():
    """A State that denounced is bound until the effective date, withdrawn after."""
    actions = [make_action("AAA", ACC, date(2020, 1, 1))]
    actions.append(make_action("AAA", DEN, date(2024, 3, 1), effective_on=date(2025, 3, 1)))
    treaty = make_treaty(threshold=1, delay=Delay(days=30, anchor="end_of_period"), opened=None)
    assert (
        status_on(actions, date(2025, 2, 28), treaty=treaty).state("AAA").status is Status.IN_FORCE
    )
    after = status_on(actions, date(2025, 3, 1), treaty=treaty).state("AAA")
    assert after.status is Status.WITHDRAWN and after.withdrawal_type == "denunciation"


def test_provisional_application_is_shown_without_counting_as_consent():
    """Provisional application of a Part is listed but the State is still only a signatory."""
    actions = [
        make_action("AAA", SIG, date(2024, 2, 14)),
        make_action(
            "AAA", ActionClass.PROVISIONAL_APPLICATION, date(2024, 2, 15), scope="Part III"
        ),
    ]
    state = status_on(actions, date(2024, 3, 1)).state("AAA")
    assert state.status is Status.SIGNED
    assert state.provisional_application == ("Part III",)
    assert status_on(actions, date(2024, 3, 1)).consenting == 0


def test_withdrawn_signature_is_not_a_signatory_status():
    """A State that said it will not become a party shows as withdrawn; its signature is kept."""
    actions = [
        make_action("AAA", SIG, date(2000, 12, 31)),
        make_action("AAA", ActionClass.WITHDRAWAL_OF_SIGNATURE, date(2002, 5, 6)),
    ]
    state = status_on(actions, date(2003, 1, 1), treaty=make_treaty(opened=None)).state("AAA")
    assert state.status is Status.WITHDRAWN and state.withdrawal_type == "signature"
    assert state.signed == date(2000, 12, 31)


@pytest.mark.parametrize(
    ("name", "size", "signatories"),
    [("all", 6, 3), ("un-members-observers", 5, 2), ("un-members", 4, 1)],
)
def test_denominators_change_who_is_counted(name, size, signatories):
    """Kosovo counts only under 'all'; the Holy See under 'all' and members-and-observers."""
    actions = [make_action(code, SIG, date(2024, 2, 14)) for code in ("AAA", "XKX", "VAT")]
    report = status_on(actions, date(2024, 3, 1), name=name)
    assert report.denominator.size == size
    assert report.signatories == signatories


def test_unknown_denominator_names_the_choices():
    with pytest.raises(KeyError, match="un-members"):
        denominator("everyone", STATES)


def test_json_keys_are_stable():
    """Other tools read these keys: renaming one breaks them."""
    report = status_on([make_action("AAA", SIG, date(2024, 2, 14))], date(2024, 3, 1)).to_json()
    assert set(report) >= {
        "as_of", "as_known_on", "treaty", "signatories", "consenting", "in_force_for",
        "treaty_in_force", "entry_into_force", "denominator", "warnings", "states",
    }  # fmt: skip
    state = next(s for s in report["states"] if s["code"] == "AAA")
    assert set(state) >= {
        "code",
        "name",
        "status",
        "signed",
        "consented",
        "consent_type",
        "in_force",
        "sources",
    }
    assert state["sources"] == ["https://example.org/depositary/AAA"]
    assert state["signed"] == "2024-02-14"
