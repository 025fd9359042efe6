"""Target scores on handmade data: each factor alone, the rounding, and that they add up."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatywatch.core.outreach import OutreachRecord
from treatywatch.core.status import StateStatus, Status
from treatywatch.core.targets import (
    FACTOR_NAMES,
    FactorSpec,
    NextStep,
    TargetInputs,
    TargetWeights,
    WeightsError,
    compute_targets,
    contribution,
    load_weights,
    months_between,
    next_step,
)

AS_OF = date(2026, 11, 29)


def status(code, kind=Status.NONE, signed=None):
    return StateStatus(
        code=code, name=f"State {code}", status=kind, signed=signed, consented=None,
        consent_type=None, in_force=None, in_force_basis=None, withdrawn=None,
        withdrawal_type=None, provisional_application=(), sources=(),
    )  # fmt: skip


def spec(name, weight, cap=None, window=None):
    return FactorSpec(name, Decimal(weight), name, "", cap, window)


def weights(**overrides):
    """Unit weights so each factor's contribution equals its value, unless overridden."""
    specs = {
        "diplomatic_conference": spec("diplomatic_conference", 1),
        "rome_statute_party": spec("rome_statute_party", 1),
        "regional_peers_signed": spec("regional_peers_signed", 100),
        "months_signed_without_consent": spec("months_signed_without_consent", 1, cap=24),
        "pledged_to_consider_ratification": spec("pledged_to_consider_ratification", 1),
        "recent_statements": spec("recent_statements", 1, cap=5, window=24),
        "stated_intent_in_outreach": spec("stated_intent_in_outreach", 1, window=24),
        "recent_outreach": spec("recent_outreach", -1, cap=3, window=6),
        "follow_up_due": spec("follow_up_due", 1),
    }
    specs.update(overrides)
    stage = dict.fromkeys(NextStep, Decimal(0))
    return TargetWeights(stage, specs)


def one(inputs, name, code="AAA", chosen=None):
    targets = {t.code: t for t in compute_targets(inputs, chosen or weights())}
    return targets[code].factor(name)


def contact(target, on, outcome="pending", follow_up=None, done=None):
    return OutreachRecord(
        on=on, target=target, channel="letter", actor_state="ZZZ", outcome=outcome,
        follow_up_on=follow_up, follow_up_done_on=done,
    )  # fmt: skip


def test_next_step_follows_the_status():
    assert next_step(Status.NONE) is NextStep.SIGN
    assert next_step(Status.WITHDRAWN) is NextStep.SIGN
    assert next_step(Status.SIGNED) is NextStep.RATIFY
    assert next_step(Status.CONSENTED) is NextStep.ENCOURAGE_OTHERS
    assert next_step(Status.IN_FORCE) is NextStep.USE_CONVENTION


def test_stage_points_come_from_the_weights_of_the_next_step():
    chosen = weights()
    chosen = TargetWeights({**chosen.stage, NextStep.RATIFY: Decimal(40)}, chosen.factors)
    inputs = TargetInputs(AS_OF, [status("AAA", Status.SIGNED, date(2024, 2, 14))], {})
    factor = one(inputs, "stage", chosen=chosen)
    assert (factor.value, factor.weight, factor.contribution) == (1, 40, 40)


def test_diplomatic_conference_counts_only_named_participants_not_yet_consented():
    inputs = TargetInputs(
        AS_OF,
        [status("AAA"), status("BBB"), status("CCC", Status.CONSENTED)],
        {},
        conference_participants={"AAA", "CCC"},
    )
    assert one(inputs, "diplomatic_conference").value == 1
    assert one(inputs, "diplomatic_conference", "BBB").value == 0
    assert one(inputs, "diplomatic_conference", "CCC").value == 0


def test_rome_statute_party():
    inputs = TargetInputs(AS_OF, [status("AAA"), status("BBB")], {}, rome_parties={"BBB"})
    assert one(inputs, "rome_statute_party").value == 0
    assert one(inputs, "rome_statute_party", "BBB").contribution == 1


def test_regional_peers_share_leaves_the_state_itself_out():
    """Two of the three other States of the group signed: 0.667; other groups do not count."""
    signed = date(2024, 2, 14)
    statuses = [status("AAA"), status("BBB", Status.SIGNED, signed),
                status("CCC", Status.SIGNED, signed), status("DDD"),
                status("EEE", Status.SIGNED, signed), status("KOS")]  # fmt: skip
    regions = {"AAA": "african", "BBB": "african", "CCC": "african", "DDD": "african",
               "EEE": "asia_pacific", "KOS": "none"}  # fmt: skip
    factor = one(TargetInputs(AS_OF, statuses, regions), "regional_peers_signed")
    assert factor.value == Decimal("0.667") and factor.contribution == 67
    assert one(TargetInputs(AS_OF, statuses, regions), "regional_peers_signed", "KOS").value == 0


def test_months_since_signature_without_consent_is_capped():
    statuses = [status("AAA", Status.SIGNED, date(2026, 2, 28)),
                status("BBB", Status.SIGNED, date(2024, 2, 14)), status("CCC")]  # fmt: skip
    inputs = TargetInputs(AS_OF, statuses, {})
    assert one(inputs, "months_signed_without_consent").value == 9
    assert one(inputs, "months_signed_without_consent", "BBB").value == 24
    assert one(inputs, "months_signed_without_consent", "CCC").value == 0


def test_months_between_counts_whole_months():
    assert months_between(date(2024, 2, 14), date(2024, 3, 13)) == 0
    assert months_between(date(2024, 2, 14), date(2024, 3, 14)) == 1
    assert months_between(date(2025, 1, 1), date(2024, 1, 1)) == 0


def test_pledge_counts_until_the_state_consents():
    statuses = [status("AAA", Status.SIGNED, date(2024, 2, 14)), status("BBB", Status.IN_FORCE)]
    inputs = TargetInputs(AS_OF, statuses, {}, pledged={"AAA", "BBB"})
    assert one(inputs, "pledged_to_consider_ratification").value == 1
    assert one(inputs, "pledged_to_consider_ratification", "BBB").value == 0


def test_recent_statements_count_inside_the_window_and_cap():
    """Signals after 2024-11-29 and up to the date count, five at most."""
    days = [date(2024, 11, 29), date(2024, 11, 30), date(2025, 6, 1), date(2027, 1, 1)]
    inputs = TargetInputs(AS_OF, [status("AAA"), status("BBB")], {},
                          signals={"AAA": days, "BBB": [date(2026, 1, 1)] * 9})  # fmt: skip
    assert one(inputs, "recent_statements").value == 2
    assert one(inputs, "recent_statements", "BBB").value == 5


def test_stated_intent_comes_from_interest_or_commitment_in_outreach():
    outreach = [contact("AAA", date(2026, 3, 1), "commitment"),
                contact("BBB", date(2026, 3, 1), "declined"),
                contact("CCC", date(2023, 3, 1), "interest")]  # fmt: skip
    inputs = TargetInputs(AS_OF, [status(c) for c in ("AAA", "BBB", "CCC")], {},
                          outreach=outreach)  # fmt: skip
    assert [one(inputs, "stated_intent_in_outreach", c).value for c in ("AAA", "BBB", "CCC")] == [
        1, 0, 0,
    ]  # fmt: skip


def test_recent_outreach_lowers_the_score_and_ignores_later_contacts():
    outreach = [contact("AAA", date(2026, 10, 1)), contact("AAA", date(2026, 11, 1)),
                contact("AAA", date(2026, 1, 1)), contact("AAA", date(2026, 12, 15))]  # fmt: skip
    factor = one(TargetInputs(AS_OF, [status("AAA")], {}, outreach=outreach), "recent_outreach")
    assert (factor.value, factor.contribution) == (2, -2)


def test_follow_up_due_until_done():
    outreach = [contact("AAA", date(2026, 9, 1), follow_up=date(2026, 11, 1)),
                contact("BBB", date(2026, 9, 1), follow_up=date(2026, 11, 1),
                        done=date(2026, 11, 2)),
                contact("CCC", date(2026, 9, 1), follow_up=date(2026, 12, 1))]  # fmt: skip
    inputs = TargetInputs(AS_OF, [status(c) for c in ("AAA", "BBB", "CCC")], {},
                          outreach=outreach)  # fmt: skip
    assert [one(inputs, "follow_up_due", c).value for c in ("AAA", "BBB", "CCC")] == [1, 0, 0]


def test_contribution_rounds_halves_away_from_zero():
    assert contribution(Decimal("0.545"), Decimal(30)) == 16  # 16.35
    assert contribution(Decimal("0.5"), Decimal(3)) == 2  # 1.5
    assert contribution(Decimal(1), Decimal("-2.5")) == -3


def test_targets_are_sorted_by_score_and_list_every_factor_in_order():
    inputs = TargetInputs(AS_OF, [status("AAA"), status("BBB")], {}, rome_parties={"BBB"})
    found = compute_targets(inputs, weights())
    assert [t.code for t in found] == ["BBB", "AAA"]
    assert [f.name for f in found[0].factors] == list(FACTOR_NAMES)
    assert set(found[0].to_json()) >= {"code", "name", "next_step", "score", "factors"}


def test_the_bundled_weights_load_and_name_every_factor():
    loaded = load_weights()
    assert list(loaded.factors) == list(FACTOR_NAMES[1:])
    assert loaded.stage[NextStep.RATIFY] > loaded.stage[NextStep.SIGN]
    assert loaded.factors["recent_outreach"].weight < 0
    assert all(pledge.source_url.startswith("https://") for pledge in loaded.pledges)


def test_a_weights_file_with_an_unknown_or_missing_factor_is_refused(tmp_path: Path):
    text = load_weights.__globals__["WEIGHTS_FILE"].read_text()
    bad = tmp_path / "w.yaml"
    bad.write_text(text.replace("name: follow_up_due", "name: luck"))
    with pytest.raises(WeightsError, match="unknown factor 'luck'"):
        load_weights(bad)
    bad.write_text(text.replace("  - name: follow_up_due\n    weight: 15", "  - name: x"))
    with pytest.raises(WeightsError):
        load_weights(bad)


STATUSES = st.sampled_from(list(Status))
DAYS = st.dates(min_value=date(2023, 1, 1), max_value=date(2027, 12, 31))
NUMBERS = st.decimals(min_value=-50, max_value=50, places=2)


@given(
    rows=st.lists(
        st.tuples(STATUSES, st.none() | DAYS, st.sampled_from(["a", "b", "none"])),
        min_size=1,
        max_size=12,
    ),
    chosen=st.fixed_dictionaries(dict.fromkeys(FACTOR_NAMES, NUMBERS)),
    signal_days=st.lists(DAYS, max_size=8),
    contact_days=st.lists(st.tuples(DAYS, st.none() | DAYS), max_size=6),
)
def test_contributions_always_add_up_to_the_score(rows, chosen, signal_days, contact_days):
    """For any States, weights and signals, the score is exactly the sum of contributions,
    also after a JSON round trip, and each contribution is value × weight rounded."""
    statuses = [status(f"S{i:02d}", kind, signed) for i, (kind, signed, _) in enumerate(rows)]
    regions = {f"S{i:02d}": region for i, (_, _, region) in enumerate(rows)}
    codes = list(regions)
    outreach = [contact(codes[i % len(codes)], on, "interest", follow)
                for i, (on, follow) in enumerate(contact_days)
                if follow is None or follow >= on]  # fmt: skip
    base = weights()
    specs = {name: FactorSpec(name, chosen[name], name, "", s.cap, s.window_months)
             for name, s in base.factors.items()}  # fmt: skip
    stage = dict.fromkeys(NextStep, chosen["stage"])
    inputs = TargetInputs(AS_OF, statuses, regions, rome_parties=set(codes[::2]),
                          conference_participants=set(codes[1::2]), pledged=set(codes[::3]),
                          signals={codes[0]: signal_days}, outreach=outreach)  # fmt: skip
    for target in compute_targets(inputs, TargetWeights(stage, specs)):
        assert target.score == sum(f.contribution for f in target.factors)
        data = target.to_json()
        assert data["score"] == sum(f["contribution"] for f in data["factors"])
        for factor in target.factors:
            assert factor.contribution == contribution(factor.value, factor.weight)
            assert abs(factor.contribution - factor.value * factor.weight) <= Decimal("0.5")
