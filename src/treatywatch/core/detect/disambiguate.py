"""Decide whether a contextual name ('MLA Convention', 'MLAT', 'the Convention') is ours.

A contextual name counts only where the same text names the Convention nearby, or where its
surroundings (Ljubljana, genocide, war crimes, crimes against humanity, international crimes)
leave no doubt — and never right beside the name of another instrument (the 1959 Council of
Europe convention, the Hague Conventions, the Rome Statute, the Genocide Convention, …) or of
something next to the Convention (the MLA Initiative, the Diplomatic Conference).
"""

from __future__ import annotations

import bisect
import re

from treatywatch.core.detect.match import Candidate, crosses_sentence, langs_for_stem
from treatywatch.core.detect.mention import Form
from treatywatch.core.detect.normalise import Normalised, fold
from treatywatch.core.detect.vocabulary import Gated, Vocabulary, starts_word

NEARBY = 3000  # original characters within which a named mention vouches for a contextual one
_IMMEDIATE_BEFORE = 50
_IMMEDIATE_AFTER = 40
_BESIDE = 25  # 'MLA Initiative', 'Pobudo MLA': the word right beside
_CONTEXT_REACH = 300
_CONTEXT_KINDS_NEEDED = 2
ANAPHORA_REACH = 2500
_QUALIFIER_REACH = 90
_KEY_REACH = 120
_QUALIFIER_WORD = 4  # longest joining word between a convention word and its qualifier
_QUALIFIER_GAP = 2  # or this many words of any length ('Konwencję w sprawie zapobiegania')
_EUROPEAN = ("europ", "европ", "європ")
_TOKEN = re.compile(r"\w+")
_TITLE_CAPITALS = 2


_SENTENCE_END = re.compile(r"[.!?;]\s")
# Adjective endings of a capitalised word naming another convention in Slavic languages
# ('Evropska konvencija', 'Europskoj konvenciji', 'Минской конвенцией', 'Európskym dohovorom').
_ADJECTIVE_ENDINGS_WRITTEN = (
    "ska",
    "ske",
    "ski",
    "skoj",
    "skom",
    "sku",
    "skiej",
    "skie",
    "sky",
    "skou",
    "skej",
    "skym",
    "skeho",
    "skim",
    "skih",
    "ская",
    "ской",
    "скую",
    "ский",
    "ским",
    "ского",
    "ська",
    "ської",
    "ську",
    "ською",
    "ський",
    "ського",
    "ска",
    "ски",
    "ској",
    "ском",
)


_ADJECTIVE_ENDINGS = tuple(fold(ending) for ending in _ADJECTIVE_ENDINGS_WRITTEN)


def _clause(text: str, begin: int, end: int, before: int, after: int) -> tuple[int, int]:
    """The span around text[begin:end], at most `before`/`after` wide, within its sentence."""
    low = max(0, begin - before)
    ends_before = [m.end() for m in _SENTENCE_END.finditer(text, low, begin)]
    if ends_before:
        low = ends_before[-1]
    high = min(len(text), end + after)
    next_end = _SENTENCE_END.search(text, end, high)
    if next_end is not None:
        high = next_end.start() + 1
    return low, high


def _overlaps(start: int, end: int, strong: list[Candidate]) -> bool:
    return any(c.start < end and start < c.end for c in strong)


def _named_nearby(start: int, end: int, strong_starts: list[int], strong: list[Candidate]) -> bool:
    index = bisect.bisect_left(strong_starts, start)
    for neighbour in strong[max(0, index - 1) : index + 1]:
        if neighbour.end >= start - NEARBY and neighbour.start <= end + NEARBY:
            return True
    return False


def gated_candidates(
    vocabulary: Vocabulary, folded: Normalised, strong: list[Candidate], original: str
) -> list[Candidate]:
    """Contextual names in the window that their context confirms."""
    text = folded.text
    strong_starts = [c.start for c in strong]
    accepted = []
    # One pass finds which contextual names' keys occur at all.
    present = sorted(
        {index for _end, indexes in vocabulary.gated_keys.iter(text) for index in indexes}
    )
    for gated in (vocabulary.gated_names[index] for index in present):
        for match in _around_key(gated, text):
            begin, end = match.start(), match.end()
            if not starts_word(text, begin):
                continue
            start, stop = folded.original_span(begin, end)
            if _overlaps(start, stop, strong) or crosses_sentence(original, start, stop):
                continue
            low, high = _clause(text, begin, end, _IMMEDIATE_BEFORE, _IMMEDIATE_AFTER)
            if vocabulary.other_instrument.search(text, low, high):
                continue
            if vocabulary.adoption_year.search(text, low, high):
                accepted.append(_gated(vocabulary, gated, match, start, stop, 0.85))
                continue
            if vocabulary.not_the_convention.search(text[max(0, begin - _BESIDE) : end + _BESIDE]):
                continue
            around = text[max(0, begin - _CONTEXT_REACH) : end + _CONTEXT_REACH]
            kinds = sum(1 for cue in vocabulary.context.values() if cue.search(around))
            kinds += bool(
                vocabulary.ljubljana.search(around[: begin - max(0, begin - _CONTEXT_REACH)])
            )
            if _named_nearby(start, stop, strong_starts, strong):
                confidence = 0.85
            elif gated.needs_named:
                continue
            elif kinds >= _CONTEXT_KINDS_NEEDED and not vocabulary.other_instrument.search(around):
                confidence = 0.7
            else:
                continue
            accepted.append(_gated(vocabulary, gated, match, start, stop, confidence))
    return accepted


def _around_key(gated: Gated, text: str) -> list[re.Match[str]]:
    """Matches of a contextual name, looked for only around its key (a name is shorter than
    `_KEY_REACH` on either side), which is much faster than scanning the whole window."""
    matches: dict[int, re.Match[str]] = {}
    position = text.find(gated.key)
    while position != -1:
        low, high = max(0, position - _KEY_REACH), position + len(gated.key) + _KEY_REACH
        for match in gated.pattern.finditer(text, low, high):
            matches.setdefault(match.start(), match)
        position = text.find(gated.key, high - _KEY_REACH)
    return [matches[start] for start in sorted(matches)]


def _gated(
    vocabulary: Vocabulary,
    gated: Gated,
    match: re.Match[str],
    start: int,
    stop: int,
    confidence: float,
) -> Candidate:
    langs = gated.langs
    if not langs:
        treaty = match.groupdict().get("t") or match.groupdict().get("t2") or ""
        langs = frozenset(langs_for_stem(treaty, vocabulary.treaty_stems))
    form = gated.form if gated.form != Form.FULL else Form.CONTEXTUAL
    return Candidate(start, stop, form, langs, confidence, "gated")


def _anaphora_kind(
    vocabulary: Vocabulary, original: str, folded: Normalised, begin: int, end: int
) -> str:
    """'anaphora' for a bare 'the Convention'; 'named' for another instrument's name
    ('Genocide Convention', 'Evropska konvencija'); 'titled' for 'the Convention on …'."""
    start = folded.starts[begin]
    before = original[max(0, start - 40) : start]
    words = before.split()
    sentence_start = not words or before.rstrip()[-1:] in ".!?:;\n\"'»“”("
    if not sentence_start and original[start : start + 1].isupper():
        previous = words[-1]
        # 'Genocide Convention', 'European Convention': a capitalised word other than a
        # determiner before a capitalised convention word names another instrument. ('Pre
        # Lotyšsko dohovor' is the Convention for Latvia: the convention word is lower case.)
        if (
            previous[:1].isupper()
            and previous[-1:].isalpha()
            and normalised_word(previous) not in vocabulary.determiners
        ):
            return "named"
    if not sentence_start:
        previous = words[-1]
        if previous[:1].isupper() and normalised_word(previous).endswith(_ADJECTIVE_ENDINGS):
            return "named"
    if _qualified_as_another(vocabulary, folded.text, begin, end):
        return "named"
    if vocabulary.naming_word.match(folded.text, end):
        # 'the Convention on the Rights of the Child' names another instrument; 'konvencija za
        # Latviju' does not: a title shows as several capitalised words after the preposition.
        following = original[folded.ends[end - 1] : folded.ends[end - 1] + 80].split()[1:6]
        if sum(1 for word in following if word[:1].isupper()) >= _TITLE_CAPITALS:
            return "titled"
    return "anaphora"


def _qualified_as_another(vocabulary: Vocabulary, text: str, begin: int, end: int) -> bool:
    """'Convenzione europea', 'Convenzione dell'Aia', 'Konvention von 1959': a qualifier
    right after the convention word (joined by short words only) makes it another one."""
    following = _TOKEN.findall(text, end, end + 30)[:1]
    if following and following[0].startswith(_EUROPEAN):
        return True
    if vocabulary.hague.match(text, end + 1) or vocabulary.hague.match(text, end + 4):
        return True
    _low, high = _clause(text, begin, end, 0, _QUALIFIER_REACH)
    found = vocabulary.other_convention.search(text, end, high)
    if found is None:
        return False
    gap = _TOKEN.findall(text, end, found.start())
    return len(gap) <= _QUALIFIER_GAP or all(len(word) <= _QUALIFIER_WORD for word in gap)


def normalised_word(word: str) -> str:
    """A word folded the way determiners are listed."""
    return fold(word)


def anaphora_candidates(
    vocabulary: Vocabulary,
    original: str,
    folded: Normalised,
    named: Candidate,
    mentions: list[Candidate],
) -> list[Candidate]:
    """'The Convention' after a named mention, until another convention is named."""
    text = folded.text
    accepted: list[Candidate] = []
    matches = list(vocabulary.anaphora.finditer(text))
    # 'the treaty', 'ce traité': other words for it, only after a definite determiner.
    for match in vocabulary.secondary_anaphora.finditer(text):
        before = text[max(0, match.start() - 20) : match.start()].split()
        if before and before[-1] in vocabulary.definite:
            matches.append(match)
    matches.sort(key=lambda match: match.start())
    if not matches:
        return accepted
    # The chain ends where another convention is named: an instrument phrase right beside a
    # convention word ('the 1959 Convention', 'the Genocide Convention'). The Rome Statute
    # or a bilateral treaty named in passing does not make 'the Convention' mean another one.
    other = len(text)
    for found in vocabulary.other_instrument.finditer(text, 0, matches[-1].start()):
        low, high = _clause(text, found.start(), found.end(), _BESIDE, _BESIDE)
        if vocabulary.anaphora.search(text, low, high):
            other = found.start()
            break
    for match in matches:
        begin, end = match.start(), match.end()
        if begin >= other:
            break
        start, stop = folded.original_span(begin, end)
        if _overlaps(start, stop, mentions):
            continue  # a named mention of ours, not another instrument
        kind = _anaphora_kind(vocabulary, original, folded, begin, end)
        if kind == "titled":
            break  # another convention is named by its title: 'the Convention' may mean it
        if kind == "named":
            continue  # 'the Genocide Convention' is not ours, but need not end the chain
        langs = frozenset(langs_for_stem(match.group(), vocabulary.treaty_stems))
        lang = (named.langs & langs) or named.langs or langs
        accepted.append(Candidate(start, stop, Form.CONTEXTUAL, lang, 0.7, "anaphora"))
    return accepted
