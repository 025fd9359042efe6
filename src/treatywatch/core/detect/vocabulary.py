"""Compile the lexicon and the cues into the regular expressions the detector runs.

All expressions run on folded text (see `normalise`). City names are reduced to stems so that
inflected forms match: 'Ljubljana' → 'ljubljan' finds 'Ljubljani', 'ljubljansko', 'Ljubljanan'.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from treatywatch.core.detect.cues import Cues
from treatywatch.core.detect.lexicon import LanguageLexicon, LexiconName
from treatywatch.core.detect.mention import Form
from treatywatch.core.detect.normalise import fold

_VOWELS = frozenset("aeiouyаеиоуыэюяіїєёαεηιουωάέήίόύώ")
_WORD = re.compile(r"\w+")
_NOT_CONVENTIONS = ("statut", "статут", "bilateral", "билатерал", "білатерал")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
# Articles that may stand before the name of The Hague ('the Hague', 'La Haye', 'dell'Aia').
_ARTICLES = ("the", "la", "den", "de", "el", "a", "le", "di", "da")
_ELIDED_ARTICLES = ("l", "dell", "dall", "nell", "d")


def stem(word: str, keep: int) -> str:
    """Drop final vowels while the stem stays longer than `keep` characters."""
    while len(word) > keep and word[-1] in _VOWELS:
        word = word[:-1]
    return word


def _minimal_prefixes(stems: Iterable[str]) -> list[str]:
    """Drop every stem that another, shorter stem already covers as a prefix."""
    kept: list[str] = []
    for candidate in sorted(set(stems), key=len):
        if not any(candidate.startswith(shorter) for shorter in kept):
            kept.append(candidate)
    return sorted(kept, key=len, reverse=True)


def _alternation(words: Iterable[str]) -> str:
    ordered = sorted({re.escape(word) for word in words if word}, key=len, reverse=True)
    return "(?:" + "|".join(ordered) + ")"


def cue_pattern(phrases: Iterable[str]) -> str:
    """A phrase list as one expression: start of word, '*' = rest of a word, prefix match."""
    parts = []
    for phrase in phrases:
        folded = fold(phrase)
        if not folded:
            continue
        pieces = [re.escape(piece) for piece in folded.split("*")]
        parts.append(r"\w*".join(pieces).replace(r"\ ", r"\s?"))
    parts.sort(key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(parts) + ")"


@dataclass(frozen=True, slots=True)
class Title:
    """A full title split at its convention word: the words after it, to align with text."""

    name: LexiconName
    has_city: bool
    tail: tuple[str, ...]
    opening: frozenset[str] = frozenset()  # first four letters of the tail's first two words

    def __post_init__(self) -> None:
        object.__setattr__(self, "opening", frozenset(word[:4] for word in self.tail[:2]))


@dataclass(frozen=True, slots=True)
class Gated:
    """A name counted only in context: a lexicon entry, or a general pattern ('MLA' beside a
    convention word, 'Ljubljana' beside one without The Hague) whose group 't' gives the
    language."""

    pattern: re.Pattern[str]
    form: str
    langs: frozenset[str]
    key: str  # a substring every match contains, to skip the expression cheaply
    needs_named: bool = False  # counted only near a named mention, never on context alone


@dataclass
class Vocabulary:
    """Everything compiled from the lexicon and the cues."""

    ljubljana_stems: dict[str, set[str]]
    hague_words: dict[str, set[str]]
    treaty_stems: dict[str, set[str]]
    city_pair: re.Pattern[str]
    reverse_pair: re.Pattern[str]
    reverse_treaty_first: re.Pattern[str]
    secondary_anaphora: re.Pattern[str]
    definite: frozenset[str]
    treaty_first: re.Pattern[str]
    ljubljana: re.Pattern[str]
    # A name with a city, the start of its last word, and whether that is a convention word.
    strong_names: list[tuple[re.Pattern[str], LexiconName, str, bool]]
    prefilter_names: list[str]  # names without a city the detector uses, as written
    name_shapes: dict[str, set[str]]  # letters of each lexicon name → its languages
    gated_names: list[Gated]
    titles: list[Title]
    anaphora: re.Pattern[str]
    determiners: frozenset[str]
    not_the_convention: re.Pattern[str]
    naming_word: re.Pattern[str]
    hague: re.Pattern[str]
    adoption_year: re.Pattern[str]
    other_instrument: re.Pattern[str]
    other_convention: re.Pattern[str]
    context: dict[str, re.Pattern[str]]
    ljubljana_prefixes: tuple[str, ...] = ()
    treaty_stem_automaton: Any = None
    ljubljana_automaton: Any = None
    gated_keys: Any = None  # automaton: key → indexes in gated_names


def _by_language(
    lexicons: Iterable[LanguageLexicon], extra: Mapping[str, tuple[str, ...]], key: str
) -> dict[str, set[str]]:
    spellings: dict[str, set[str]] = defaultdict(set)
    for lexicon in lexicons:
        for spelling in getattr(lexicon, key):
            spellings[spelling].add(lexicon.lang)
    for lang, words in extra.items():
        for spelling in words:
            spellings[spelling].add(lang)
    return spellings


def _name_pattern(folded: str, inflect_short: bool = True) -> str:
    """A lexicon name as a forgiving expression: inflected endings and any separators. Short
    words stay exact when `inflect_short` is off ('mla' must not find 'mladim')."""
    tokens = _WORD.findall(folded)
    parts = []
    for token in tokens:
        if _UNSPACED.search(token):
            parts.append(re.escape(token))  # no spaces, no endings: '…ハーグ条約に署名'
        elif len(token) >= 6 and token.isalpha():
            parts.append(re.escape(token[:-2]) + r"\w{0,4}")
        elif len(token) >= 4 and token.isalpha() and inflect_short:
            parts.append(re.escape(token[:-1]) + r"\w{0,3}")
        else:
            parts.append(re.escape(token) + r"(?!\w)")
    # No leading look-behind, so that the engine can jump to the literal first word; callers
    # check the word boundary before the match with `starts_word`.
    return r"[\W_]{0,4}?".join(parts)


def shape(folded: str) -> str:
    """A folded name reduced to its letters, to look a matched text up among the names."""
    return "".join(_WORD.findall(folded)).replace("the", "")


def starts_word(text: str, position: int) -> bool:
    """True when `position` is not inside a word."""
    return position == 0 or not text[position - 1].isalnum()


def _key(tokens: list[str], treaty_any: re.Pattern[str]) -> str:
    """A substring every match of the name contains, to skip its expression cheaply."""
    plain = [token for token in tokens if not treaty_any.match(token)] or tokens
    longest = max(plain, key=len)
    if len(longest) >= 6 and longest.isalpha():
        return longest[:-2]
    if len(longest) >= 4 and longest.isalpha():
        return longest[:-1]
    return longest


def word_automaton(words: Iterable[str]) -> Any:
    """An Aho-Corasick automaton that finds any of `words` in one pass."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def _key_automaton(gated_names: list[Gated]) -> Any:
    """An automaton from each key to the contextual names (indexes) that share it."""
    import ahocorasick

    by_key: dict[str, list[int]] = defaultdict(list)
    for index, gated in enumerate(gated_names):
        by_key[gated.key].append(index)
    automaton = ahocorasick.Automaton()
    for key, indexes in by_key.items():
        automaton.add_word(key, tuple(indexes))
    automaton.make_automaton()
    return automaton


def build_vocabulary(lexicons: tuple[LanguageLexicon, ...], cues: Cues) -> Vocabulary:
    """Compile every expression once; the detector reuses them for every text."""
    ljubljana_spellings = _by_language(lexicons, cues.ljubljana, "ljubljana")
    hague_spellings = _by_language(lexicons, cues.the_hague, "the_hague")

    ljubljana_stems: dict[str, set[str]] = defaultdict(set)
    for spelling, langs in ljubljana_spellings.items():
        ljubljana_stems[stem(fold(spelling), 5)] |= langs
    hague_words: dict[str, set[str]] = defaultdict(set)
    hague_stems: set[str] = set()
    for spelling, langs in hague_spellings.items():
        folded = fold(spelling)
        hague_words[folded] |= langs
        core = re.split(r"[\s']", folded)[-1]
        hague_words[core] |= langs
        hague_stems.add(stem(core, 4))
    treaty_stems: dict[str, set[str]] = defaultdict(set)
    for lang, words in cues.treaty_words.items():
        for word in words:
            treaty_stems[fold(word)].add(lang)

    city_stems = _alternation(_minimal_prefixes(ljubljana_stems))
    city_l = city_stems + r"\w{0,14}?"
    conjunctions = _alternation(fold(word) for word in cues.conjunctions)
    # A dash (or two, where a line-end hyphen meets the name's own: 'Liubliana-⏎-Haia'),
    # a conjunction, a space, or nothing where hyphenation was joined.
    dashes = r"(?:\s?[-/·・=]){1,2}\s?"  # '＝' folds to '='
    connector = rf"(?:{dashes}|\s{conjunctions}\s|\s|)"
    article = rf"(?:{_alternation(_ARTICLES)}[\s-]|{_alternation(_ELIDED_ARTICLES)}'\s?)?"
    city_h = _alternation(_minimal_prefixes(hague_stems))
    # Words run on in scripts without spaces, so a CJK convention word takes no ending.
    spaced = [word for word in treaty_stems if not _UNSPACED.search(word)]
    unspaced = [word for word in treaty_stems if _UNSPACED.search(word)]
    treaty = rf"(?:{_alternation(spaced)}\w*|{_alternation(unspaced)})"
    pair = rf"(?P<l>{city_l}){connector}(?P<h>{article}{city_h}\w{{0,14}}?)"
    city_pair = re.compile(rf"{pair}(?:'s)?(?:\s?-\s?|\s)?(?:mla(?:\s?-\s?|\s)?)?(?P<t>{treaty})")
    pair_after = rf"(?P<l>{city_l}){connector}(?P<h>{article}{city_h}\w*)"
    # 'Convention de Ljubljana-La Haye'; also glued, as in hashtags ('ConventionLjubljanaLaHaye').
    treaty_first = re.compile(rf"(?<!\w)(?P<t>{treaty})\s?(?:[\w']{{1,12}}\s?){{0,3}}?{pair_after}")
    # Either order: 'The Hague–Ljubljana Convention', 'Convention of The Hague and Ljubljana'.
    reverse_connector = rf"(?:{dashes}|\s{conjunctions}\s)"
    reverse = rf"(?P<h>{article}{city_h}\w{{0,14}}?){reverse_connector}(?P<l>{city_l})"
    reverse_pair = re.compile(
        rf"(?<!\w){reverse}(?:'s)?(?:\s?-\s?|\s)?(?:mla(?:\s?-\s?|\s)?)?(?P<t>{treaty})"
    )
    reverse_treaty_first = re.compile(
        rf"(?<!\w)(?P<t>{treaty})\s?(?:[\w']{{1,12}}\s?){{0,3}}?(?P<h>{article}{city_h}\w{{0,14}}?)"
        rf"{reverse_connector}(?P<l>{city_stems}\w*)"
    )

    strong_names: list[tuple[re.Pattern[str], LexiconName, str, bool]] = []
    prefilter_names: list[str] = []
    name_shapes: dict[str, set[str]] = defaultdict(set)
    gated_names: list[Gated] = []
    titles: list[Title] = []
    ljubljana_any = re.compile(_alternation(_minimal_prefixes(ljubljana_stems)))
    treaty_any = re.compile(_alternation(treaty_stems))
    determiners = frozenset(fold(word) for word in cues.determiners)
    not_the_convention = re.compile(cue_pattern(cues.not_the_convention))
    # Per language, how often each convention word occurs in the names.
    used_treaty_stems: dict[str, Counter[str]] = defaultdict(Counter)
    for lexicon in lexicons:
        for name in lexicon.names:
            folded = fold(name.text)
            if not_the_convention.search(folded):
                continue  # 'MLA Initiative', 'Diplomatic Conference': not the Convention
            has_city = bool(ljubljana_any.search(folded))
            tokens = _WORD.findall(folded)
            name_shapes[shape(folded)].add(lexicon.lang)
            if has_city or name.form in (Form.FULL, Form.SHORT):
                for token in tokens:
                    for treaty_stem in treaty_stems:
                        # Scripts without spaces glue the word on: '海牙公约'.
                        glued = bool(_UNSPACED.search(treaty_stem) or _ARABIC.search(treaty_stem))
                        if token.startswith(treaty_stem) or (glued and treaty_stem in token):
                            used_treaty_stems[lexicon.lang][treaty_stem] += 1
            if all(token in determiners or treaty_any.match(token) for token in tokens):
                continue  # 'the Convention', 'das Übereinkommen': handled as anaphora
            if name.form == Form.FULL and len(tokens) >= 6:
                # The tail starts after the last convention word or city name of the head:
                # 'Übereinkommen von Ljubljana und Den Haag | über die …'.
                head = [
                    i
                    for i, token in enumerate(tokens[:8])
                    if treaty_any.match(token)
                    or ljubljana_any.match(token)
                    or any(token.startswith(hague) for hague in hague_stems)
                ]
                has_treaty_word = any(treaty_any.match(tokens[i]) for i in head)
                if has_treaty_word:
                    cut = head[-1]
                    tail = tuple(token for token in tokens[cut + 1 :] if len(token) >= 4)
                    if len(tail) >= 3:
                        titles.append(Title(name, has_city, tail))
                        if not has_city:
                            prefilter_names.append(name.text)
                        continue
            if has_city:
                last_word = tokens[-1][:4] if tokens else ""
                ends_in_treaty_word = bool(tokens and treaty_any.match(tokens[-1]))
                strong_names.append(
                    (re.compile(_name_pattern(folded)), name, last_word, ends_in_treaty_word)
                )
            else:
                pattern = re.compile(_name_pattern(folded, inflect_short=False))
                key = _key(tokens, treaty_any)
                gated_names.append(Gated(pattern, name.form, frozenset({name.lang}), key))
                prefilter_names.append(name.text)

    # General contextual patterns, so that unlisted variants are still found in context:
    # 'MLA' beside a convention word, and 'Ljubljana' beside one without The Hague.
    mla_treaty = re.compile(rf"mla[\s-]?(?P<t>{treaty})|(?P<t2>{treaty})[\s-]?mla(?!\w)")
    gated_names.append(Gated(mla_treaty, Form.CONTEXTUAL, frozenset(), "mla"))
    for prefix in _minimal_prefixes(ljubljana_stems):
        city_only = re.compile(
            rf"{re.escape(prefix)}\w{{0,14}}?[\s-]{{0,3}}(?P<t>{treaty})"
            rf"|(?P<t2>{treaty})\s(?:[\w']{{1,5}}\s){{0,2}}{re.escape(prefix)}\w*"
        )
        gated_names.append(Gated(city_only, Form.SHORT, frozenset(), prefix))
        # The elliptical city pair used as the treaty's name ('we cannot rely on
        # Ljubljana–The Hague'): only where the text names the Convention.
        elliptical = re.compile(
            rf"{re.escape(prefix)}\w{{0,14}}?{dashes}{article}{city_h}\w*"
            rf"(?!\s?-?\s?(?:mla\s?-?\s?)?{treaty})"
        )
        gated_names.append(Gated(elliptical, Form.SHORT, frozenset(), prefix, needs_named=True))

    # Anaphora: in each language, the convention word its names use most ('Convention',
    # 'konvencija', 'úmluva'), not every word for a treaty ('the treaty' is left alone).
    anaphora_stems = {
        stem_word
        for counts in used_treaty_stems.values()
        for stem_word, count in counts.items()
        if count == max(counts.values())
    }
    # Languages the lexicon does not cover yet: the first convention word the cues list.
    anaphora_stems |= {
        fold(words[0])
        for lang, words in cues.treaty_words.items()
        if words and lang not in used_treaty_stems
    }
    # Arabic glues the article and prepositions on ('الاتفاقية'), CJK has no spaces: no word
    # boundary is required before those.
    unspaced_anaphora = [w for w in anaphora_stems if _UNSPACED.search(w) or _ARABIC.search(w)]
    spaced_anaphora = [w for w in anaphora_stems if w not in unspaced_anaphora]
    anaphora_parts = []
    if spaced_anaphora:
        anaphora_parts.append(rf"(?<!\w){_alternation(spaced_anaphora)}\w*")
    if unspaced_anaphora:
        anaphora_parts.append(_alternation(unspaced_anaphora) + r"[^\W\u3040-\u9fff]*")
    anaphora = re.compile("|".join(anaphora_parts))
    naming_word = re.compile(r"\s?(?:" + _alternation(fold(w) for w in cues.naming_words) + r")\s")
    return Vocabulary(
        ljubljana_stems=dict(ljubljana_stems),
        hague_words=dict(hague_words),
        treaty_stems=dict(treaty_stems),
        city_pair=city_pair,
        reverse_pair=reverse_pair,
        reverse_treaty_first=reverse_treaty_first,
        secondary_anaphora=re.compile(
            r"(?<!\w)(?:"
            + "|".join(
                re.escape(fold(word))
                for words in cues.secondary_anaphora.values()
                for word in words
            )
            + r")(?!\w)"
        ),
        definite=frozenset(fold(word) for word in cues.definite),
        treaty_first=treaty_first,
        ljubljana=ljubljana_any,
        strong_names=strong_names,
        prefilter_names=prefilter_names,
        name_shapes=dict(name_shapes),
        gated_names=gated_names,
        titles=titles,
        anaphora=anaphora,
        determiners=determiners,
        not_the_convention=not_the_convention,
        naming_word=naming_word,
        hague=re.compile(rf"(?<!\w){article}{city_h}"),
        adoption_year=re.compile(r"(?<!\d)2023(?!\d)"),
        other_instrument=re.compile(cue_pattern(cues.other_instruments)),
        # The instruments that are conventions themselves (not the Rome Statute, not
        # bilateral treaties): a qualifier naming one of them makes 'the Convention' theirs.
        other_convention=re.compile(
            cue_pattern(
                phrase
                for phrase in cues.other_instruments
                if not any(word in fold(phrase) for word in _NOT_CONVENTIONS)
            )
        ),
        context={kind: re.compile(cue_pattern(words)) for kind, words in cues.context.items()},
        ljubljana_prefixes=tuple(_minimal_prefixes(ljubljana_stems)),
        treaty_stem_automaton=word_automaton(treaty_stems),
        ljubljana_automaton=word_automaton(_minimal_prefixes(ljubljana_stems)),
        gated_keys=_key_automaton(gated_names),
    )
