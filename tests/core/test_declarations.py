from datetime import date

import pytest

from treatywatch.core.records import Declaration, DeclarationKind


def reservation(**dates):
    return Declaration(
        treaty="test-treaty",
        state="FRA",
        kind=DeclarationKind.RESERVATION,
        summary="A time-limited reservation.",
        source_url="https://example.org/r",
        source_date=date(2026, 1, 1),
        articles=("8(3)",),
        **dates,
    )


@pytest.mark.parametrize(
    ("fields", "day", "expected"),
    [
        ({"made_on": date(2024, 2, 14)}, date(2030, 1, 1), True),
        ({"made_on": date(2024, 2, 14)}, date(2024, 2, 13), False),
        ({"made_on": date(2024, 2, 14), "validity_months": 36}, date(2027, 2, 13), True),
        ({"made_on": date(2024, 2, 14), "validity_months": 36}, date(2027, 2, 14), False),
        (
            {"made_on": date(2024, 2, 14), "validity_months": 36, "renewable": True},
            date(2027, 3, 1),
            None,
        ),
        ({"validity_months": 36}, date(2025, 1, 1), None),
        ({}, date(2025, 1, 1), None),
        ({"made_on": date(2024, 2, 14), "withdrawn_on": date(2025, 1, 1)}, date(2025, 1, 1), False),
        (
            {"valid_from": date(2024, 1, 1), "valid_until": date(2024, 12, 31)},
            date(2024, 12, 31),
            True,
        ),
    ],
)
def test_in_effect_on(fields, day, expected):
    """A three-year reservation ends the day before its third anniversary; a renewable one that
    ran out, or one with no known start, is undecided rather than assumed either way."""
    assert reservation(**fields).in_effect_on(day) is expected


def test_end_of_a_limited_reservation_is_computed_from_its_start():
    assert reservation(made_on=date(2024, 2, 14), validity_months=36).ends_on == date(2027, 2, 13)
    assert reservation(validity_months=36).ends_on is None
