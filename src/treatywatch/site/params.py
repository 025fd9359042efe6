"""Reading query parameters; a bad one becomes a 400 page that says what to send instead."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from django.http import HttpRequest
from django.utils.translation import gettext as _

from treatywatch.config import today

__all__ = ["EARLIEST", "LATEST", "BadParameter", "as_of_param", "choice_param", "page_param"]

# Dates outside this range are typos, and would overflow the month arithmetic of charts.
EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class BadParameter(ValueError):
    """A query parameter the page cannot use; the message is shown to the reader."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


def as_of_param(request: HttpRequest) -> date:
    """The `as_of` date asked for, or today; BadParameter for anything but a real YYYY-MM-DD."""
    raw = request.GET.get("as_of", "").strip()
    if not raw:
        return today()
    if not _ISO_DAY.match(raw):
        raise BadParameter(
            "as_of",
            _("“%(value)s” is not a date: write it as YYYY-MM-DD, for example 2024-09-24.")
            % {"value": raw[:40]},
        )
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(
            "as_of", _("“%(value)s” is not a day of the calendar.") % {"value": raw}
        ) from None
    if not EARLIEST <= day <= LATEST:
        raise BadParameter(
            "as_of",
            _("%(value)s is out of range: choose a date between %(first)s and %(last)s.")
            % {"value": raw, "first": EARLIEST.isoformat(), "last": LATEST.isoformat()},
        )
    return day


def choice_param(request: HttpRequest, name: str, choices: Sequence[str]) -> str | None:
    """An optional parameter that must be one of `choices`; empty means no choice."""
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    if raw not in choices:
        raise BadParameter(
            name,
            _("Unknown value “%(value)s” for “%(name)s”; choose one of: %(choices)s.")
            % {"value": raw[:40], "name": name, "choices": ", ".join(choices)},
        )
    return raw


def page_param(request: HttpRequest, pages: int) -> int:
    """The page number of a long list, from 1 to `pages`."""
    raw = request.GET.get("page", "").strip()
    if not raw:
        return 1
    if not raw.isdigit() or not 1 <= int(raw) <= max(pages, 1):
        raise BadParameter(
            "page",
            _("There is no page “%(value)s”: choose a page from 1 to %(pages)d.")
            % {"value": raw[:20], "pages": max(pages, 1)},
        )
    return int(raw)
