"""Query parameters shared by the endpoints: days, SDMX periods, pagination, languages.

Dates are checked here rather than by pydantic so that a bad one gets a message that says
what was wrong, and so that the server accepts exactly what the OpenAPI schema declares
(schemathesis checks both directions).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from django.utils.translation import gettext as _
from ninja import Query
from pydantic import WithJsonSchema

from treatywatch.api.errors import ApiError

__all__ = [
    "DAY_SCHEMA",
    "FIRST_YEAR",
    "LAST_YEAR",
    "MAX_LIMIT",
    "PERIOD_SCHEMA",
    "LimitParam",
    "OffsetParam",
    "Page",
    "Period",
    "check_choice",
    "check_code",
    "choice_query",
    "choice_with_default",
    "code_query",
    "day_query",
    "parse_day",
    "parse_period",
    "period_query",
]

# The Rome Statute (1998) is the oldest treaty in the record; the range keeps month
# arithmetic and timelines bounded.
FIRST_YEAR, LAST_YEAR = 1900, 2099
_YEAR = "(19|20)[0-9]{2}"
_DAY_SHAPE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_YEAR_SHAPE = re.compile(r"^[0-9]{4}$")
_MONTH_SHAPE = re.compile(r"^[0-9]{4}-[0-9]{2}$")

DAY_SCHEMA: dict[str, Any] = {
    "type": "string",
    "format": "date",
    "pattern": f"^{_YEAR}-[0-9]{{2}}-[0-9]{{2}}$",
    "example": "2024-09-24",
}
PERIOD_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": f"^{_YEAR}$"},
        {"type": "string", "pattern": f"^{_YEAR}-(0[1-9]|1[0-2])$"},
        DAY_SCHEMA,
    ],
    "example": "2024",
}


def day_query(description: str) -> Any:
    """An optional YYYY-MM-DD query parameter, documented as a date without a null."""
    return Annotated[str | None, WithJsonSchema(DAY_SCHEMA), Query(None, description=description)]


def period_query(name: str, description: str) -> Any:
    """An optional SDMX period parameter (YYYY, YYYY-MM or YYYY-MM-DD) under its SDMX name."""
    return Annotated[
        str | None, WithJsonSchema(PERIOD_SCHEMA), Query(None, alias=name, description=description)
    ]


def choice_query(choices: Sequence[str], description: str) -> Any:
    """An optional parameter taking one of `choices`, exactly as spelt."""
    schema = {"type": "string", "enum": list(choices)}
    return Annotated[str | None, WithJsonSchema(schema), Query(None, description=description)]


_CODE = re.compile(r"^[A-Za-z]{3}$")


def code_query(description: str) -> Any:
    """An optional ISO alpha-3 State code, in any case."""
    schema = {"type": "string", "pattern": "^[A-Za-z]{3}$", "example": "LVA"}
    return Annotated[str | None, WithJsonSchema(schema), Query(None, description=description)]


def check_code(value: str | None, field: str) -> str | None:
    """The upper-case alpha-3 code, or ApiError(400) when `value` is not shaped like one."""
    if value is None:
        return None
    if not _CODE.match(value):
        raise _bad(
            field,
            _("%(value)r is not an ISO alpha-3 code such as LVA") % {"value": value},
        )
    return value.upper()


def choice_with_default(choices: Sequence[str], default: str, description: str) -> Any:
    """A parameter taking one of `choices`, `default` when absent."""
    schema = {"type": "string", "enum": list(choices), "default": default}
    return Annotated[str, WithJsonSchema(schema), Query(default, description=description)]


def check_choice(value: str | None, choices: Sequence[str], field: str) -> str | None:
    """`value` if it is one of `choices`; ApiError(400) lists them otherwise."""
    if value is None or value in choices:
        return value
    raise _bad(
        field,
        _("%(value)r is not one of: %(choices)s") % {"value": value, "choices": ", ".join(choices)},
    )


MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000


def _bad(field: str, message: str) -> ApiError:
    return ApiError(400, "invalid_parameter", f"{field}: {message}", field)


def _check_year(year: int, field: str, value: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _bad(
            field,
            _("%(value)r is outside the years %(first)s to %(last)s that TreatyWatch answers for")
            % {"value": value, "first": FIRST_YEAR, "last": LAST_YEAR},
        )


def parse_day(value: str | None, field: str) -> date | None:
    """An ISO day (YYYY-MM-DD) from a query parameter; ApiError(400) says what is wrong."""
    if value is None:
        return None
    if not _DAY_SHAPE.match(value):
        raise _bad(
            field,
            _("%(value)r is not a date in the form YYYY-MM-DD, e.g. 2024-09-24") % {"value": value},
        )
    _check_year(int(value[:4]), field, value)
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise _bad(
            field,
            _("%(value)r is not a calendar date (%(reason)s)") % {"value": value, "reason": error},
        ) from None


@dataclass(frozen=True)
class Period:
    """An SDMX reporting period: a year, a month or a day, as its first and last days."""

    first: date
    last: date


def parse_period(value: str | None, field: str) -> Period | None:
    """An SDMX period (YYYY, YYYY-MM or YYYY-MM-DD); ApiError(400) says what is wrong."""
    if value is None:
        return None
    if _YEAR_SHAPE.match(value):
        year = int(value)
        _check_year(year, field, value)
        return Period(date(year, 1, 1), date(year, 12, 31))
    if _MONTH_SHAPE.match(value):
        year, month = int(value[:4]), int(value[5:])
        _check_year(year, field, value)
        if not 1 <= month <= 12:
            raise _bad(
                field, _("%(value)r has no month %(month)s") % {"value": value, "month": month}
            )
        return Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))
    if _DAY_SHAPE.match(value):
        day = parse_day(value, field)
        assert day is not None
        return Period(day, day)
    raise _bad(
        field,
        _("%(value)r is not a period: use YYYY, YYYY-MM or YYYY-MM-DD (SDMX)") % {"value": value},
    )


@dataclass(frozen=True)
class Page:
    """Which slice of a list to return; the response says the total."""

    limit: int
    offset: int

    def slice(self, total: int) -> tuple[int, int]:
        start = min(self.offset, total)
        return start, min(start + self.limit, total)


LimitParam = Annotated[
    int,
    Query(50, ge=1, le=MAX_LIMIT, description=f"How many items to return (1 to {MAX_LIMIT})."),
]
OffsetParam = Annotated[
    int, Query(0, ge=0, le=MAX_OFFSET, description="How many items to skip from the start.")
]
