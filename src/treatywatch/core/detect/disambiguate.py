"""Decide whether a contextual name ('MLA Convention', 'MLAT', 'the Convention') is ours.

A contextual name counts only where the same text names the Convention nearby, or where its
surroundings (Ljubljana; genocide, war crimes, crimes against humanity, international crimes)
leave no doubt — and never right beside the name of another instrument (the 1959 Council of
Europe convention, the Hague Conventions, the Rome Statute, the Genocide Convention, …).
"""

from __future__ import annotations

import bisect

from treatywatch.core.detect.match import Candidate
from treatywatch.core.detect.mention import Form
from treatywatch.core.detect.normalise import Normalised
from treatywatch.core.detect.vocabulary import Vocabulary, starts_word

NEARBY = 3000  # original characters within which a named mention vouches for a contextual one
_IMMEDIATE_BEFORE = 50
_IMMEDIATE_AFTER = 40
_CONTEXT_REACH = 300
_CONTEXT_KINDS_NEEDED = 2
ANAPHORA_REACH = 2500


def _overlaps(start: int, end: int, strong: list[Candidate]) -> bool:
    return any(c.start < end and start < c.end for c in strong)


def _named_nearby(start: int, end: int, strong_starts: list[int], strong: list[Candidate]) -> bool:
    index = bisect.bisect_left(strong_starts, start)
    for neighbour in strong[max(0, index - 1) : index + 1]:
        if neighbour.end >= start - NEARBY and neighbour.start <= end + NEARBY:
            return True
    return False


def gated_candidates(
    vocabulary: Vocabulary, folded: Normalised, strong: list[Candidate]
) -> list[Candidate]:
    """Contextual lexicon names in the window that their context confirms."""
    text = folded.text
    strong_starts = [c.start for c in strong]
    accepted = []
    for pattern, name, key in vocabulary.gated_names:
        if key not in text:
            continue
        for match in pattern.finditer(text):
            begin, end = match.start(), match.end()
            if not starts_word(text, begin):
                continue
            start, stop = folded.original_span(begin, end)
            if _overlaps(start, stop, strong):
                continue
            beside = text[max(0, begin - _IMMEDIATE_BEFORE) : end + _IMMEDIATE_AFTER]
            if vocabulary.other_instrument.search(beside):
                continue
            around = text[max(0, begin - _CONTEXT_REACH) : end + _CONTEXT_REACH]
            if _named_nearby(start, stop, strong_starts, strong) or vocabulary.ljubljana.search(
                around
            ):
                confidence = 0.85
            else:
                kinds = sum(1 for cue in vocabulary.context.values() if cue.search(around))
                if kinds < _CONTEXT_KINDS_NEEDED or vocabulary.other_instrument.search(around):
                    continue
                confidence = 0.7
            form = name.form if name.form != Form.FULL else Form.CONTEXTUAL
            accepted.append(
                Candidate(start, stop, form, frozenset({name.lang}), confidence, "gated")
            )
    return accepted


def _is_anaphoric(
    vocabulary: Vocabulary, original: str, folded: Normalised, begin: int, end: int, words: str
) -> bool:
    """'the Convention' alone, not 'the Convention on …' nor 'Evropska konvencija'."""
    if vocabulary.naming_word.match(folded.text, end):
        return False
    if " " in words:
        return True
    start = folded.starts[begin]
    before = original[max(0, start - 30) : start].split()
    # A capitalised word before a bare 'konvencija' makes it a name of some instrument.
    return not (before and before[-1][:1].isupper() and before[-1][-1:].isalpha())


def anaphora_candidates(
    vocabulary: Vocabulary, original: str, folded: Normalised, named: Candidate
) -> list[Candidate]:
    """'The Convention' after a named mention, until another instrument is named."""
    text = folded.text
    anaphoric: list[tuple[int, int]] = [
        (match.start(), match.end())
        for match in vocabulary.anaphora.finditer(text)
        if _is_anaphoric(vocabulary, original, folded, match.start(), match.end(), match.group())
    ]
    if not anaphoric:
        return []
    last = anaphoric[-1][0]
    breaks = [
        match.start()
        for match in vocabulary.treaty_word.finditer(text, 0, last)
        if not any(begin <= match.start() < end for begin, end in anaphoric)
    ]
    breaks += [
        match.start()
        for match in vocabulary.other_instrument.finditer(text, 0, last)
        if not match.group().strip().isdigit()
    ]
    first_break = min(breaks, default=len(text))
    accepted = []
    for begin, end in anaphoric:
        if begin >= first_break:
            break
        start, stop = folded.original_span(begin, end)
        langs = frozenset(vocabulary.anaphora_langs.get(_phrase(vocabulary, text[begin:end]), ()))
        lang = (named.langs & langs) or langs or named.langs
        accepted.append(Candidate(start, stop, Form.CONTEXTUAL, lang, 0.7, "anaphora"))
    return accepted


def _phrase(vocabulary: Vocabulary, matched: str) -> str:
    """The anaphora cue a matched text came from (the longest one it starts with)."""
    candidates = [
        cue for cue in vocabulary.anaphora_langs if matched.startswith(cue.replace("*", ""))
    ]
    return max(candidates, key=len, default="")
