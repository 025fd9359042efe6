"""Find the names of the Convention that need no context, in one folded window."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from treatywatch.core.detect.mention import Form
from treatywatch.core.detect.normalise import Normalised
from treatywatch.core.detect.titles import align_tail
from treatywatch.core.detect.vocabulary import Vocabulary, shape, starts_word

# Looked for right after a short name: 'the Hague Convention of 1907' is someone else's.
_NEGATIVE_REACH = 14
_QUALIFIER_WORD = 4  # longest joining word between a name and its qualifier ('from', 'von')
_TITLED_MIN_WORDS = 3
_UNTITLED_MIN_WORDS = 5
_ENDONYM = "ljubljan"
_TITLE_STOP = re.compile(r"[.;:!?()\[\]{}\"«»“”„]")
_TOKEN = re.compile(r"\w+")
_NAME_BEFORE = 80  # folded characters a name may start before its Ljubljana stem
_NAME_AFTER = 200  # and end after it


def _stem_positions(text: str, automaton: Any) -> list[int]:
    """Where a Ljubljana stem starts, in one automaton pass."""
    return sorted({end + 1 - length for end, length in automaton.iter(text)})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible mention in original offsets, with what the matcher knows about it."""

    start: int
    end: int
    form: str
    langs: frozenset[str]
    confidence: float
    kind: str  # pair | name | title | gated | anaphora


def langs_for_stem(word: str, table: dict[str, set[str]]) -> set[str]:
    found: set[str] = set()
    for stem, langs in table.items():
        if word.startswith(stem):
            found |= langs
    return found


def _pair_langs(vocabulary: Vocabulary, city_l: str, city_h: str, treaty: str) -> frozenset[str]:
    """Languages every part of a city-pair name agrees on; the most specific part wins ties."""
    hague = vocabulary.hague_words.get(city_h) or vocabulary.hague_words.get(city_h.split(" ")[-1])
    hague_langs = (
        set(hague)
        if hague
        else langs_for_stem(
            city_h.split(" ")[-1],
            {word: langs for word, langs in vocabulary.hague_words.items() if " " not in word},
        )
    )
    parts = [langs_for_stem(treaty, vocabulary.treaty_stems), hague_langs]
    if not city_l.startswith(_ENDONYM):
        # 'Ljubljana' itself is written in most languages, listed or not: it tells nothing.
        parts.append(langs_for_stem(city_l, vocabulary.ljubljana_stems))
    agreed: set[str] = set()
    for langs in parts:
        if not langs:
            continue
        if not agreed:
            agreed = set(langs)
        elif agreed & langs:
            agreed &= langs
    return frozenset(agreed)


def _followed_by_other_instrument(vocabulary: Vocabulary, text: str, end: int) -> bool:
    """'… Hague Convention of 1907', '… Convention (Apostille)': a qualifier right after the
    name, joined by short words only ('of', 'du', 'z'), makes it another instrument."""
    found = vocabulary.other_instrument.search(text, end, end + _NEGATIVE_REACH + 30)
    if found is None or found.start() - end > _NEGATIVE_REACH:
        return False
    return all(len(word) <= _QUALIFIER_WORD for word in _TOKEN.findall(text[end : found.start()]))


def _extend_to_title(
    vocabulary: Vocabulary, folded: Normalised, begin: int, end: int, langs: frozenset[str]
) -> tuple[int, str, frozenset[str], float] | None:
    alignment = align_tail(folded.text, end, vocabulary.titles)
    if alignment is None or alignment.matched < _TITLED_MIN_WORDS:
        return None
    lang = alignment.title.name.lang
    return (
        alignment.end,
        Form.FULL,
        frozenset({lang}) if lang in langs or not langs else langs,
        0.99,
    )


_SENTENCE_BREAK = re.compile(r"[.!?;:]\s|\n\s*\n")


def crosses_sentence(original: str, start: int, stop: int) -> bool:
    """True when original[start:stop] spans a sentence end or a paragraph break."""
    return stop > start and _SENTENCE_BREAK.search(original, start, stop) is not None


_TITLE_KINDS = ("genocide", "crimes_against_humanity", "war_crimes")
_DESCRIBED_REACH = 320
_PREPOSITION = 4  # longest word taken for a preposition after a convention word


def _described_titles(
    vocabulary: Vocabulary, text: str
) -> list[tuple[int, int, str, frozenset[str], float, str]]:
    """Titles no lexicon lists, recognised by what they say: a convention word followed, in
    the same title, by genocide, crimes against humanity and war crimes together ('Úmluvou o
    mezinárodní spolupráci … genocidy, zločinů proti lidskosti, válečných zločinů …'). The
    Genocide Convention names one of these, the 1968 limitations convention two."""
    found: list[tuple[int, int, str, frozenset[str], float, str]] = []
    for stem_end, length in vocabulary.treaty_stem_automaton.iter(text):
        word = vocabulary.anaphora.match(text, stem_end + 1 - length)
        if word is None or not starts_word(text, word.start()):
            continue
        # A title goes on with a preposition ('on', 'o', 'sur', 'za'), not a verb.
        following = _TOKEN.match(text, word.end() + 1)
        if following is None or not (
            len(following.group()) <= _PREPOSITION or vocabulary.naming_word.match(text, word.end())
        ):
            continue
        stop = _TITLE_STOP.search(text, word.end(), word.end() + _DESCRIBED_REACH)
        limit = stop.start() if stop is not None else word.end() + _DESCRIBED_REACH
        ends = []
        for kind in _TITLE_KINDS:
            cue = vocabulary.context.get(kind)
            hit = cue.search(text, word.end(), limit) if cue is not None else None
            if hit is None:
                break
            ends.append(hit.end())
        else:
            international = vocabulary.context.get("international_crimes")
            extra = international.search(text, max(ends), limit) if international else None
            last = max(ends) if extra is None else extra.end()
            rest_of_word = _TOKEN.match(text, last)  # the cue may stop inside a word
            final = rest_of_word.end() if rest_of_word is not None else last
            langs = frozenset(langs_for_stem(word.group(), vocabulary.treaty_stems))
            found.append((word.start(), final, Form.FULL, langs, 0.85, "title"))
    return found


def strong_candidates(vocabulary: Vocabulary, folded: Normalised, original: str) -> list[Candidate]:
    """City-pair names, lexicon names with a city, and full titles in the window."""
    text = folded.text
    found: set[tuple[int, int, str, frozenset[str], float, str]] = set()
    # Every name with a city contains a Ljubljana stem: look only around those (str.find is
    # much faster than running every expression over the whole window).
    for anchor in _stem_positions(text, vocabulary.ljubljana_automaton):
        pair = vocabulary.city_pair.match(text, anchor)
        if pair is not None:
            langs = _pair_langs(vocabulary, pair.group("l"), pair.group("h"), pair.group("t"))
            found.add((pair.start("l"), pair.end("t"), Form.SHORT, langs, 0.97, "pair"))
        low, high = max(0, anchor - _NAME_BEFORE), anchor + _NAME_AFTER
        # 'Convention de Ljubljana…': only worth trying when a convention word comes first.
        if next(vocabulary.treaty_stem_automaton.iter(text, low, anchor), None) is not None:
            for match in vocabulary.treaty_first.finditer(text, low, high):
                gap = folded.starts[match.end("t") - 1] + 1, folded.starts[match.start("l")]
                if crosses_sentence(original, *gap) or vocabulary.ljubljana.search(
                    text, match.end("t"), match.start("l")
                ):
                    continue  # across a sentence, or past another name's Ljubljana
                langs = _pair_langs(
                    vocabulary, match.group("l"), match.group("h"), match.group("t")
                )
                found.add((match.start("t"), match.end("h"), Form.SHORT, langs, 0.97, "pair"))
        # The cities in the other order: 'The Hague–Ljubljana Convention'.
        for pattern in (vocabulary.reverse_pair, vocabulary.reverse_treaty_first):
            for match in pattern.finditer(text, max(0, anchor - _NAME_BEFORE), high):
                begin = min(match.start("h"), match.start("t"))
                end = max(match.end("t"), match.end("l"))
                if crosses_sentence(original, *folded.original_span(begin, end)):
                    continue
                langs = _pair_langs(
                    vocabulary, match.group("l"), match.group("h"), match.group("t")
                )
                found.add((begin, end, Form.SHORT, langs, 0.95, "pair"))
        # Where the city-pair patterns found the name, a lexicon name can only add words after
        # the convention word ('… on Mutual Legal Assistance'); its last word must be here.
        paired = any(begin <= anchor < end for begin, end, *_rest in found)
        nearby = text[low:high]
        for pattern, name, last_word, ends_in_treaty_word in vocabulary.strong_names:
            if last_word not in nearby or (paired and ends_in_treaty_word):
                continue
            for match in pattern.finditer(text, low, high):
                if not starts_word(text, match.start()):
                    continue
                found.add(
                    (match.start(), match.end(), name.form, frozenset({name.lang}), 0.95, "name")
                )
    extended: list[tuple[int, int, str, frozenset[str], float, str]] = []
    for begin, end, form, langs, confidence, kind in sorted(found):
        # A text a lexicon lists word for word tells its language ('haaške' is Slovenian).
        listed = vocabulary.name_shapes.get(shape(text[begin:end]))
        if listed and len(listed) < len(langs):
            langs = frozenset(listed & langs) or frozenset(listed)
        title = _extend_to_title(vocabulary, folded, begin, end, langs)
        if title is not None and crosses_sentence(original, *folded.original_span(end, title[0])):
            title = None  # a title does not run on into the next paragraph
        if title is not None:
            end, form, langs, confidence = title
        elif _followed_by_other_instrument(vocabulary, text, end):
            continue
        extended.append((begin, end, form, langs, confidence, kind))
    untitled = [title for title in vocabulary.titles if not title.has_city]
    for stem_end, _length in vocabulary.treaty_stem_automaton.iter(text):
        word = _TOKEN.match(text, stem_end + 1 - _length)
        if word is None or not starts_word(text, word.start()):
            continue
        alignment = align_tail(text, word.end(), untitled)
        if alignment is None or alignment.matched < _UNTITLED_MIN_WORDS or alignment.score < 0.8:
            continue
        lang = frozenset({alignment.title.name.lang})
        extended.append((word.start(), alignment.end, Form.FULL, lang, 0.9, "title"))
    extended.extend(_described_titles(vocabulary, text))
    candidates = []
    for begin, end, form, langs, confidence, kind in extended:
        start, stop = folded.original_span(begin, end)
        if kind == "title" and crosses_sentence(original, start, stop):
            continue
        candidates.append(Candidate(start, stop, form, langs, confidence, kind))
    return merge_candidates(candidates)


_FORM_RANK: dict[str, int] = {Form.FULL: 3, Form.SHORT: 2, Form.ACRONYM: 1, Form.CONTEXTUAL: 0}


def merge_candidates(candidates: list[Candidate]) -> list[Candidate]:
    """Overlapping candidates become one, spanning both, keeping the stronger form."""
    merged: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if merged and candidate.start < merged[-1].end:
            previous = merged[-1]
            stronger = max(
                (previous, candidate),
                key=lambda c: (_FORM_RANK.get(c.form, 0), c.confidence, c.end - c.start),
            )
            merged[-1] = replace(
                stronger,
                start=previous.start,
                end=max(previous.end, candidate.end),
                confidence=max(previous.confidence, candidate.confidence),
            )
        else:
            merged.append(candidate)
    return merged
