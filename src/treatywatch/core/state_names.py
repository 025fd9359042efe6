"""Turning a State's name as an outside source prints it into our alpha-3 code.

Depositary databases and news APIs name States in their own ways ("Netherlands, the
Kingdom of the", "Democratic Republic of the Congo", "Turkey"). A name is matched against
our own names (English, French, Spanish), ISO 3166 names through pycountry, and a short
table of names seen in sources; anything else is reported as unknown, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

import pycountry

from treatywatch.core.records import State

__all__ = ["SOURCE_NAMES", "StateNames"]

# Names printed by sources that neither our names nor ISO 3166 know, each read in a source.
SOURCE_NAMES = {
    # Netherlands Treaty Database (verdragen.nl), English pages.
    "democratic republic of the congo": "COD",
    "republic of the congo": "COG",
    "kingdom of the netherlands": "NLD",
    "republic of korea": "KOR",
    "democratic people's republic of korea": "PRK",
    # Former names still used by news sources and GDELT.
    "turkey": "TUR",
    "czech republic": "CZE",
    "swaziland": "SWZ",
    "macedonia": "MKD",
    "cape verde": "CPV",
    "ivory coast": "CIV",
}

_ARTICLE = re.compile(r"^(the|la|le|les|el|los|las)\s+")


def _key(name: str) -> str:
    """Case, accents, apostrophe styles and spacing do not matter when matching names."""
    folded = unicodedata.normalize("NFKD", name.replace("’", "'")).casefold()
    bare = "".join(char for char in folded if not unicodedata.combining(char))
    return " ".join(bare.replace("-", " ").split())


def _variants(name: str) -> list[str]:
    """The name as printed, and reordered: 'Netherlands, the Kingdom of the' → 'the Kingdom of
    the Netherlands'; a leading article is optional."""
    key = _key(name)
    variants = [key]
    if ", " in key:
        head, _, tail = key.partition(", ")
        variants.append(f"{tail} {head}".strip())
    variants.extend(_ARTICLE.sub("", variant) for variant in list(variants))
    return list(dict.fromkeys(variants))


class StateNames:
    """Looks up States by any name; built once from the record's States."""

    def __init__(self, states: Iterable[State]) -> None:
        self._codes = {state.code for state in states}
        self._by_name: dict[str, str] = {}
        for state in states:
            for name in state.names.values():
                for variant in _variants(name):
                    self._by_name.setdefault(variant, state.code)
        for name, code in SOURCE_NAMES.items():
            if code in self._codes:
                self._by_name.setdefault(_key(name), code)

    @classmethod
    def from_mapping(cls, states: Mapping[str, State]) -> StateNames:
        return cls(states.values())

    def code(self, name: str) -> str | None:
        """The alpha-3 code for a name, an alpha-2 or alpha-3 code; None when unknown."""
        stripped = name.strip()
        if not stripped:
            return None
        if stripped.upper() in self._codes:
            return stripped.upper()
        for variant in _variants(stripped):
            if variant in self._by_name:
                return self._by_name[variant]
        for variant in _variants(stripped):
            try:
                country = pycountry.countries.lookup(variant)
            except LookupError:
                continue
            code = str(country.alpha_3)
            if code in self._codes:
                return code
        return None
