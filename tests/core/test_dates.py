from datetime import date

import pytest

from treatywatch.core.dates import DateError, add_months, first_day_of_next_month, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-08-28", date(2025, 8, 28)),
        ("28-08-2025", date(2025, 8, 28)),
        ("28.08.2025", date(2025, 8, 28)),
        ("29-VIII-2022", date(2022, 8, 29)),
        ("22 Apr 2016", date(2016, 4, 22)),
        ("1 September 2003", date(2003, 9, 1)),
    ],
)
def test_reads_the_formats_depositaries_print(text, expected):
    """ISO, day-first, Roman-month and English-word dates all read to the same calendar date."""
    assert parse_date(text) == expected


def test_placeholder_date_means_unknown():
    """The Netherlands Treaty Database's 01-01-0001 is an unknown date, not year 1."""
    assert parse_date("01-01-0001") is None


@pytest.mark.parametrize(
    "text", ["", "2025-02-30", "31-13-2024", "5 Smarch 2020", "29-XIV-2022", "soon"]
)
def test_rejects_what_is_not_a_date(text):
    """Impossible or unreadable dates raise DateError with the text in the message."""
    with pytest.raises(DateError):
        parse_date(text)


def test_month_arithmetic_clamps_to_month_end():
    """31 November does not exist: three months after 31 August is 30 November."""
    assert add_months(date(2025, 8, 31), 3) == date(2025, 11, 30)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
    assert first_day_of_next_month(date(2025, 12, 15)) == date(2026, 1, 1)
