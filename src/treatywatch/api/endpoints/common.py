"""What several endpoints share: the treaty and denominator parameters, and their checks."""

from __future__ import annotations

from typing import Annotated, Any

from django.utils.translation import gettext as _
from ninja import Query

from treatywatch.api.errors import ApiError
from treatywatch.api.params import choice_with_default
from treatywatch.api.schemas import ErrorOut
from treatywatch.core.denominators import DEFAULT_DENOMINATOR, DENOMINATORS
from treatywatch.treaties.queries import CONVENTION
from treatywatch.treaties.repository import Record

__all__ = [
    "ERRORS",
    "LANGUAGES",
    "DenominatorParam",
    "LanguageParam",
    "TreatyParam",
    "require_treaty",
]

# Every endpoint documents the same error body for each failure it can give.
ERRORS: dict[int, Any] = {304: None, 400: ErrorOut, 404: ErrorOut}

LANGUAGES = ("en", "fr", "es")
TreatyParam = Annotated[
    str,
    Query(
        CONVENTION,
        description="Treaty slug: ljubljana-the-hague (default) or rome-statute.",
        min_length=1,
        max_length=50,
    ),
]
DenominatorParam = choice_with_default(
    tuple(DENOMINATORS),
    DEFAULT_DENOMINATOR,
    "Who counts as a State: " + ", ".join(DENOMINATORS) + ".",
)
LanguageParam = choice_with_default(LANGUAGES, "en", "Language of State names.")


def require_treaty(record: Record, slug: str) -> None:
    """404 for a treaty the record does not hold."""
    if slug not in record.treaties:
        raise ApiError(
            404,
            "unknown_treaty",
            _("No treaty %(slug)r; known: %(known)s")
            % {"slug": slug, "known": ", ".join(sorted(record.treaties))},
            "treaty",
        )
