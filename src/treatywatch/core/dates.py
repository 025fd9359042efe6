"""Dates as treaty sources print them, and the calendar arithmetic of final clauses."""

from __future__ import annotations

import calendar
import re
from datetime import date

__all__ = [
    "DateError",
    "add_months",
    "first_day_of_next_month",
    "parse_date",
    "parse_optional_date",
]

# Dates that depositary databases print when they do not know the date.
PLACEHOLDER_DATES = frozenset({date(1, 1, 1), date(1900, 1, 1)})

_ROMAN_MONTHS = {
    "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6,
    "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12,
}  # fmt: skip
_MONTH_NAMES = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{1,4})$")
_ROMAN = re.compile(r"^(\d{1,2})-([IVX]{1,4})-(\d{4})$")
_WORDS = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")


class DateError(ValueError):
    """A text that is not a date in any format TreatyWatch reads."""


def parse_date(text: str) -> date | None:
    """Read a date as treaty sources print it; None for a placeholder that means 'unknown'.

    Accepted: ISO `2025-08-28`; day first `28-08-2025`, `28.08.2025`, `28/08/2025`
    (Netherlands Treaty Database, Council of Europe); Roman months `29-VIII-2022` (HCCH);
    words `22 Apr 2016` (UN Treaty Collection, without the act-type suffix).
    """
    cleaned = text.strip()
    if not cleaned:
        raise DateError("empty date")
    for pattern, order in ((_ISO, "ymd"), (_DAY_FIRST, "dmy")):
        found = pattern.match(cleaned)
        if found:
            first, second, third = (int(part) for part in found.groups())
            year, month, day = (first, second, third) if order == "ymd" else (third, second, first)
            return _checked(cleaned, year, month, day)
    found = _ROMAN.match(cleaned)
    if found:
        day_text, roman, year_text = found.groups()
        if roman not in _ROMAN_MONTHS:
            raise DateError(f"{cleaned!r}: {roman!r} is not a Roman month")
        return _checked(cleaned, int(year_text), _ROMAN_MONTHS[roman], int(day_text))
    found = _WORDS.match(cleaned)
    if found:
        day_text, month_name, year_text = found.groups()
        month_number = _MONTH_NAMES.get(month_name.lower())
        if month_number is None:
            raise DateError(f"{cleaned!r}: {month_name!r} is not an English month name")
        return _checked(cleaned, int(year_text), month_number, int(day_text))
    raise DateError(f"{cleaned!r} is not a date (expected YYYY-MM-DD)")


def parse_optional_date(text: str | None) -> date | None:
    """Like parse_date, but an empty cell means 'no date' rather than an error."""
    if text is None or not text.strip():
        return None
    return parse_date(text)


def _checked(text: str, year: int, month: int, day: int) -> date | None:
    try:
        value = date(year, month, day)
    except ValueError as error:
        raise DateError(f"{text!r} is not a real date ({error})") from None
    if value in PLACEHOLDER_DATES:
        return None
    return value


def add_months(start: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def first_day_of_next_month(day: date) -> date:
    """The first day of the month after the one `day` falls in."""
    return add_months(day.replace(day=1), 1)
