"""What makes a stretch of text worth a close look: the prefilter's patterns, and a quick
check of the raw text around each hit before anything is normalised."""

from __future__ import annotations

import re
from typing import Any

from treatywatch.core.detect.cues import Cues
from treatywatch.core.detect.lexicon import LanguageLexicon
from treatywatch.core.detect.normalise import fold
from treatywatch.core.detect.prefilter import (
    PrefilterPattern,
    acronym_pattern,
    name_words,
    phrase_pattern,
    stem_pattern,
)
from treatywatch.core.detect.vocabulary import Vocabulary, stem


def prefilter_patterns(
    lexicons: tuple[LanguageLexicon, ...], cues: Cues, vocabulary: Vocabulary
) -> list[PrefilterPattern]:
    """What the prefilter looks for: every Ljubljana stem and the first words of the names
    the detector uses that carry no city (contextual names, untitled full titles)."""
    spellings = {s for lexicon in lexicons for s in lexicon.ljubljana}
    spellings |= {s for words in cues.ljubljana.values() for s in words}
    stems: set[str] = set()
    for spelling in sorted(spellings):
        folded_stem = stem(fold(spelling), 5)
        stems.add(folded_stem)
        if len(fold(spelling)) == len(spelling):
            stems.add(spelling[: len(folded_stem)])
    # One letter less, so that an inflected form whose next letter carries a diacritic
    # still matches raw ('Lublana' → 'lubla' finds 'lublańsko').
    stems |= {each[:-1] for each in stems if len(each) >= 6}
    patterns: list[PrefilterPattern] = []
    for each in _shortest_prefixes(stems):
        patterns.extend(stem_pattern(each))
    for name in vocabulary.prefilter_names:
        patterns.extend(phrase_pattern(name_words(name)))
        patterns.extend(phrase_pattern(name_words(fold(name))))
    # 'MLA' beside a convention word in any language ('Úmluva MLA'), and the word genocide,
    # which every full title holds, for titles no lexicon lists.
    patterns.append(acronym_pattern("MLA"))
    for word in cues.context.get("genocide", ()):
        patterns.extend(phrase_pattern([word]))
    return patterns


_NAME_WORD = 6  # shortest word of a lexicon name that the quick look takes as a sign


def _shortest_prefixes(stems: set[str]) -> list[str]:
    """Drop every stem that a shorter one already covers (compared in lower case): the
    inflections a lexicon lists ('Ljubljani', 'Ljubljane') need no patterns of their own."""
    kept: list[str] = []
    for candidate in sorted(stems, key=lambda each: (len(each), each)):
        if not any(candidate.lower().startswith(shorter.lower()) for shorter in kept):
            kept.append(candidate)
    return kept


class QuickCheck:
    """Raw words of which at least one must be near a hit for a name to be possible:
    spellings of The Hague, convention words, the other words of every lexicon name, and the
    marks that normalisation would undo (entities, soft hyphens, hyphens at line ends)."""

    _MARKS = re.compile(r"[-\u2010-\u2015]\s*[\r\n]")

    def __init__(self, lexicons: tuple[LanguageLexicon, ...], cues: Cues) -> None:
        import ahocorasick

        ljubljana = [x for lex in lexicons for x in lex.ljubljana]
        ljubljana += [x for values in cues.ljubljana.values() for x in values]
        ljubljana_stems = {stem(fold(spelling), 5) for spelling in ljubljana}
        hague = [x for lex in lexicons for x in lex.the_hague]
        hague += [x for values in cues.the_hague.values() for x in values]
        words: set[str] = set()
        for spelling in hague:
            core = re.split(r"[\s'’]", spelling)[-1]
            words |= {core, fold(core), stem(fold(core), 4)}
        treaty_words = [word for values in cues.treaty_words.values() for word in values]
        words |= {fold(word) for word in treaty_words} | {word.lower() for word in treaty_words}
        for lexicon in lexicons:
            for name in lexicon.names:
                for word in re.findall(r"[^\W_]+", name.text):
                    folded_word = fold(word)
                    if any(city in folded_word for city in ljubljana_stems):
                        continue
                    # Short words ("th", "nelle") are everywhere and would pass every look.
                    if len(word) >= _NAME_WORD or (word.isupper() and len(word) >= 3):
                        words |= {word, folded_word}
        self._automaton: Any = ahocorasick.Automaton()
        for word in words:
            if word:
                self._automaton.add_word(word.lower(), len(word))
        self._automaton.make_automaton()

    def __call__(self, around: str) -> bool:
        """True when `around` (raw text near a hit) may complete a name."""
        if "&" in around or "\u00ad" in around or ("\n" in around and self._MARKS.search(around)):
            return True
        return next(iter(self._automaton.iter(around.lower())), None) is not None
