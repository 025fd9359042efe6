"""The crimes a request can concern: the three core crimes and the annex crimes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from treatywatch.core.convention import Annex, Convention

__all__ = ["CORE_CRIMES", "Crime", "crime_choices", "resolve_crime"]

# The Convention's title names these three; they need no opt-in.
CORE_CRIMES = {
    "genocide": "genocide",
    "crimes_against_humanity": "crimes against humanity",
    "war_crimes": "war crimes",
}
_ALIASES = {
    "crime_of_genocide": "genocide",
    "crime_against_humanity": "crimes_against_humanity",
    "cah": "crimes_against_humanity",
    "war_crime": "war_crimes",
    "crime_of_aggression": "aggression",
    "enforced_disappearances": "enforced_disappearance",
}
_LABELS = {"aggression": "the crime of aggression"}


@dataclass(frozen=True)
class Crime:
    key: str
    label: str
    annexes: tuple[Annex, ...] = ()

    @property
    def core(self) -> bool:
        return self.key in CORE_CRIMES

    @property
    def letters(self) -> tuple[str, ...]:
        """The annex letters this crime is known under (empty where no letter was read)."""
        return tuple(annex.letter for annex in self.annexes if annex.letter)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "kind": "core" if self.core else "annex",
            "annexes": [annex.letter or None for annex in self.annexes],
        }


def crime_choices(convention: Convention) -> list[str]:
    return [*CORE_CRIMES, *convention.annex_crimes]


def resolve_crime(text: str, convention: Convention) -> Crime:
    """A crime from user input: a key (`war_crimes`, `war-crimes`, `aggression`) or an annex letter.

    ValueError names the choices, and says so when an annex letter exists but was never read.
    """
    wanted = re.sub(r"[\s-]+", "_", text.strip().lower())
    wanted = _ALIASES.get(wanted, wanted)
    letter = re.fullmatch(r"(?:annex_?)?([a-z])", wanted)
    if letter:
        annex = convention.annex(letter.group(1))
        if annex is None:
            raise ValueError(
                f"Annex {letter.group(1).upper()} is not recorded: which crime it covers was not "
                "read in the treaty text (see data/convention/annexes.csv); name the crime instead"
            )
        key = annex.crimes[0] if len(annex.crimes) == 1 else f"annex_{annex.letter.lower()}"
        return Crime(key, _label(key, annex), (annex,))
    if wanted in CORE_CRIMES:
        return Crime(wanted, CORE_CRIMES[wanted])
    annexes = convention.annexes_for(wanted)
    if annexes:
        return Crime(wanted, _label(wanted, annexes[0]), annexes)
    choices = ", ".join(crime_choices(convention))
    raise ValueError(f"unknown crime {text!r}; choose one of: {choices}, or an annex letter")


def _label(key: str, annex: Annex) -> str:
    if key.startswith("annex_"):
        return annex.title or f"the crimes in Annex {annex.letter}"
    return _LABELS.get(key, key.replace("_", " "))
