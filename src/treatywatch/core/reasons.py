"""The vocabulary of the relations engine: answers, reasons and their effects."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from treatywatch.core.records import Declaration

__all__ = [
    "LEVEL",
    "Answer",
    "Bound",
    "CentralAuthority",
    "Effect",
    "OptIn",
    "Reason",
    "answer_from",
    "declaration_in_effect",
    "iso",
    "join_sources",
    "made_text",
]


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNCERTAIN = "uncertain"


class Effect(StrEnum):
    """What a reason does to the answer; the JSON leaves it out, the code implies it."""

    SUPPORTS = "supports"
    NOTE = "note"
    DOUBT = "doubt"
    BLOCKS = "blocks"


class Bound(StrEnum):
    """Whether one side is bound for the kind of cooperation asked about."""

    YES = "yes"
    UNCERTAIN = "uncertain"
    NO = "no"


class OptIn(StrEnum):
    NOT_NEEDED = "not_needed"
    YES = "yes"
    UNKNOWN = "unknown"
    NO = "no"


LEVEL = {Bound.NO: 0, Bound.UNCERTAIN: 1, Bound.YES: 2}


@dataclass(frozen=True)
class Reason:
    code: str
    text: str
    source: str | None
    effect: Effect

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "text": self.text, "source": self.source}


@dataclass(frozen=True)
class CentralAuthority:
    state: str
    summary: str
    source: str
    in_effect: bool | None

    def to_json(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "summary": self.summary,
            "source": self.source,
            "in_effect": self.in_effect,
        }


def answer_from(reasons: Iterable[Reason]) -> Answer:
    effects = {reason.effect for reason in reasons}
    if Effect.BLOCKS in effects:
        return Answer.NO
    if Effect.DOUBT in effects:
        return Answer.UNCERTAIN
    return Answer.YES


def declaration_in_effect(item: Declaration, on: date) -> bool | None:
    effect = item.in_effect_on(on)
    if effect is None and item.learnt_on <= on:
        # It cannot have been made after we first recorded it.
        return True
    return effect


def made_text(item: Declaration) -> str:
    if item.made_on is not None:
        return f" (made on {item.made_on})"
    return " (date made not recorded)"


def join_sources(*groups: str | None) -> str:
    """Space-separated URLs, each once, in order."""
    urls = (url for group in groups if group for url in group.split())
    return " ".join(dict.fromkeys(urls))


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
