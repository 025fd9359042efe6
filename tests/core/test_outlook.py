"""Entry-into-force projections on handmade deposits (3 instruments; 1st of month after 3)."""

from datetime import date

import pytest

from tests.factories import make_action, make_treaty
from treatywatch.core.outlook import (
    AlternativeThreshold,
    ScenarioError,
    WhatIf,
    compute_outlook,
    load_settings,
    parse_scenario,
)
from treatywatch.core.records import ActionClass

RULE = make_treaty(threshold=3, verified=False).entry_into_force
AS_OF = date(2026, 1, 1)
SIGNED = date(2024, 2, 14)


def actions(*deposits):
    found = [make_action(code, ActionClass.SIGNATURE, SIGNED) for code in ("AAA", "BBB", "CCC")]
    found += [make_action(code, ActionClass.RATIFICATION, day) for code, day in deposits]
    return found


def test_pace_spreads_the_missing_deposits_evenly_over_the_window_rate():
    """Two deposits in 24 months: one every 365.5 days; one more is needed for 3."""
    result = compute_outlook(
        RULE, actions(("AAA", date(2025, 1, 10)), ("BBB", date(2025, 6, 1))), AS_OF,
        window_months=24, signatories={"AAA", "BBB", "CCC"},
    )  # fmt: skip
    [projection] = result.projections
    assert result.deposits_in_window == 2 and result.pace_per_month == pytest.approx(2 / 24)
    assert projection.assumed_deposits == (("#3", date(2027, 1, 2)),)
    assert projection.entry_into_force == date(2027, 5, 1)
    assert result.signatories_without_consent == ("CCC",)


def test_no_deposit_in_the_window_means_no_date_at_this_pace():
    result = compute_outlook(RULE, actions(("AAA", date(2021, 1, 1))), AS_OF, window_months=24)
    [projection] = result.projections
    assert projection.entry_into_force is None and "never come" in projection.explanation


def test_a_threshold_already_met_gives_the_rule_date():
    deposits = (("AAA", date(2025, 1, 1)), ("BBB", date(2025, 2, 1)), ("CCC", date(2025, 3, 5)))
    [projection] = compute_outlook(RULE, actions(*deposits), AS_OF).projections
    assert projection.entry_into_force == date(2025, 7, 1)


def test_what_if_named_states_deposit_on_a_day():
    """BBB ratifies (it signed) and DDD accedes on 2026-06-15: three instruments, EIF 1 Oct."""
    scenario = WhatIf(("BBB", "DDD"), date(2026, 6, 15))
    [projection] = compute_outlook(
        RULE, actions(("AAA", date(2025, 1, 10))), AS_OF, [scenario], signatories={"AAA", "BBB"}
    ).projections
    assert projection.assumed_deposits == (("BBB", date(2026, 6, 15)), ("DDD", date(2026, 6, 15)))
    assert projection.entry_into_force == date(2026, 10, 1)


def test_what_if_skips_states_already_bound_and_says_how_far_short():
    scenario = WhatIf(("AAA",), date(2026, 6, 15))
    [projection] = compute_outlook(
        RULE, actions(("AAA", date(2025, 1, 10))), AS_OF, [scenario]
    ).projections
    assert projection.assumed_deposits == () and projection.entry_into_force is None
    assert "still 2 short of 3 (AAA already deposited)" in projection.explanation


def test_every_scenario_is_shown_under_each_alternative_threshold_and_warns_unverified():
    alternative = AlternativeThreshold(15, "https://example.org/fifteen", date(2026, 1, 1))
    result = compute_outlook(
        RULE, actions(("AAA", date(2025, 1, 10))), AS_OF,
        ["pace", WhatIf(("BBB", "CCC"), date(2026, 6, 1))], alternatives=[alternative],
    )  # fmt: skip
    assert [(p.scenario, p.threshold) for p in result.projections] == [
        ("pace", 3), ("pace", 15),
        ("deposit:BBB,CCC@2026-06-01", 3), ("deposit:BBB,CCC@2026-06-01", 15),
    ]  # fmt: skip
    assert result.projections[1].threshold_source == "https://example.org/fifteen"
    assert any("not been checked against the treaty text" in w for w in result.warnings)


def test_a_reported_date_the_rule_cannot_explain_is_warned_about():
    latvia = make_action(
        "AAA", ActionClass.RATIFICATION, date(2025, 8, 28), reported=date(2025, 12, 1)
    )
    result = compute_outlook(RULE, [*actions(), latvia], AS_OF)
    assert any("in force for AAA on 2025-12-01" in warning for warning in result.warnings)


def test_parse_scenario():
    assert parse_scenario("pace") == "pace"
    expected = WhatIf(("GHA", "FRA"), date(2027, 6, 30))
    assert parse_scenario("deposit:gha, fra@2027-06-30") == expected
    for bad in ("hope", "deposit:@2027-01-01", "deposit:GHA@2027-02-30", "deposit:GHA"):
        with pytest.raises(ScenarioError):
            parse_scenario(bad)


def test_bundled_settings_name_the_fifteen_claim_with_its_source():
    window, alternatives = load_settings()
    assert window == 24
    assert [a.value for a in alternatives] == [15]
    assert alternatives[0].source_url.startswith("https://sloveniatimes.com/")
