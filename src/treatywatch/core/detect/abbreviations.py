"""Abbreviations a text defines for the Convention: '… Convention (hereinafter "LHC")'.

Once defined right after a named mention, the abbreviation names the Convention wherever it
recurs later in the same text.
"""

from __future__ import annotations

import re

from treatywatch.core.detect.match import Candidate
from treatywatch.core.detect.mention import Form

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐЉЊЏЂЋЈ"
# '(hereinafter "LHC")', '(the "LHC")', '(LJHC)', ', hereinafter LHC)', in several languages.
_DEFINITION = re.compile(
    r"\s*[(,]\s*"
    r"(?:(?:hereinafter|hereafter|ci-après|ci-apres|en adelante|en lo sucesivo|im Folgenden|"
    r"nachfolgend|hierna|in seguito|di seguito|v nadaljevanju|u daljnjem tekstu|u nastavku|"
    r"dalej|dále jen|ďalej len|далее|далі|a seguir|infra)\s*"
    r"(?:referred to as|called|dénommée?|denominad[ao]|genannt|te noemen|denominat[ao])?\s*:?\s*)?"
    r"(?:the\s+|la\s+|el\s+|die\s+|das\s+|het\s+|de\s+|a\s+)?"
    r"[\"“„«‘'’]?(?P<abbreviation>[" + _UPPER + r"][" + _UPPER + r"0-9-]{1,9})[\"”“»’']?\s*\)"
)
_CONFIDENCE = 0.8


def defined_abbreviations(text: str, named: list[Candidate]) -> list[Candidate]:
    """The abbreviation defined right after a named mention, and its later uses."""
    found: list[Candidate] = []
    for mention in named:
        definition = _DEFINITION.match(text, mention.end, mention.end + 120)
        if definition is None:
            continue
        abbreviation = definition.group("abbreviation")
        if not any(char.isalpha() for char in abbreviation):
            continue
        uses = re.compile(r"(?<!\w)" + re.escape(abbreviation) + r"(?!\w)")
        for use in uses.finditer(text, definition.start("abbreviation")):
            found.append(
                Candidate(
                    use.start(), use.end(), Form.ACRONYM, mention.langs, _CONFIDENCE, "defined"
                )
            )
    return found
