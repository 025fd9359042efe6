"""Coverage gaps: a source silent much longer than usual for it is flagged."""

from datetime import date, timedelta

from treatywatch.core.coverage import judge_coverage

TODAY = date(2026, 11, 29)


def days(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=offset) for offset in offsets]


def test_a_daily_source_silent_for_three_weeks_is_flagged():
    history = days(*range(21, 60))  # something new every day until three weeks ago
    coverage = judge_coverage(history, days(0, 1, 2, 10, 20), TODAY)
    assert coverage.flagged and coverage.silent_days == 21
    assert "usually at most 1 days apart" in coverage.reason


def test_a_weekly_source_silent_for_ten_days_is_as_usual():
    history = days(*range(10, 200, 7))
    coverage = judge_coverage(history, days(0, 3, 7), TODAY)
    assert not coverage.flagged and coverage.usual_gap_days == 7


def test_a_weekly_source_silent_for_two_months_is_flagged():
    history = days(*range(60, 250, 7))
    assert judge_coverage(history, days(0, 30), TODAY).flagged


def test_silence_within_the_minimum_is_never_flagged():
    """A daily source quiet for five days: below min_days (7), whatever the factor."""
    history = days(*range(5, 40))
    assert not judge_coverage(history, days(0), TODAY, factor=1.0, min_days=7).flagged


def test_a_source_that_never_brought_anything_is_flagged_after_min_days():
    assert judge_coverage([], days(0, 8), TODAY).flagged
    assert not judge_coverage([], days(0, 2), TODAY).flagged
    assert judge_coverage([], [], TODAY).reason == "never run"


def test_silence_while_not_run_is_not_the_source_s_fault():
    """No run since the last new item: the gap is the operator's, not the source's."""
    coverage = judge_coverage(days(30, 31, 32), days(30, 31, 32), TODAY)
    assert not coverage.flagged and coverage.reason == "not run since its last new item"
