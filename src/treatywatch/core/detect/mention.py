"""What the detector reports for each reference it finds."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Form(StrEnum):
    """How a text names the Convention."""

    FULL = "full"  # the long title, with or without the city names
    SHORT = "short"  # a short name: 'Ljubljana–The Hague Convention'
    ACRONYM = "acronym"  # 'MVRUIM'
    CONTEXTUAL = "contextual"  # 'the MLA Convention', 'the Convention', counted only in context


@dataclass(frozen=True, slots=True)
class Mention:
    """One reference: `start`/`end` index the text given to the detector, so
    `text == original[start:end]`."""

    start: int
    end: int
    text: str
    form: str
    lang: str
    snippet: str
    confidence: float
