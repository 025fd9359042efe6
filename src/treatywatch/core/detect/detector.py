"""The detector: prefilter, then a close look at windows around candidates only."""

from __future__ import annotations

import mmap
import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Any

from treatywatch.core.detect.cues import Cues, load_cues
from treatywatch.core.detect.disambiguate import (
    ANAPHORA_REACH,
    NEARBY,
    anaphora_candidates,
    gated_candidates,
)
from treatywatch.core.detect.language import choose_language
from treatywatch.core.detect.lexicon import LanguageLexicon, load_lexicon
from treatywatch.core.detect.match import Candidate, merge_candidates, strong_candidates
from treatywatch.core.detect.mention import Mention
from treatywatch.core.detect.normalise import fold, normalise
from treatywatch.core.detect.prefilter import (
    Prefilter,
    PrefilterPattern,
    acronym_pattern,
    build_prefilter,
    name_words,
    phrase_pattern,
    snap_to_character,
    stem_pattern,
)
from treatywatch.core.detect.vocabulary import Vocabulary, build_vocabulary, stem

WINDOW_BEFORE = 300  # a name may start this far before its prefilter hit ('Convention de …')
WINDOW_AFTER = 550  # and a full title may run this far after it
QUICK_REACH = 90  # raw characters looked at around a hit before anything is normalised
SNIPPET_REACH = 80
# Bytes around a hit decoded together, so that context and anaphora stay inside one piece.
_BYTE_CLUSTER_REACH = 3 * (max(NEARBY, ANAPHORA_REACH) + WINDOW_AFTER)


def prefilter_patterns(lexicons: tuple[LanguageLexicon, ...], cues: Cues) -> list[PrefilterPattern]:
    """What the prefilter looks for: every Ljubljana stem and the first words of the names
    that carry no city (contextual names, untitled full titles)."""
    spellings = {s for lexicon in lexicons for s in lexicon.ljubljana}
    spellings |= {s for words in cues.ljubljana.values() for s in words}
    patterns: list[PrefilterPattern] = []
    for spelling in sorted(spellings):
        folded_stem = stem(fold(spelling), 5)
        stems = {folded_stem}
        if len(fold(spelling)) == len(spelling):
            stems.add(spelling[: len(folded_stem)])
        # One letter less, so that an inflected form whose next letter carries a diacritic
        # still matches raw ('Lublana' → 'lubla' finds 'lublańsko').
        stems |= {each[:-1] for each in stems if len(each) >= 6}
        for each in sorted(stems):
            patterns.extend(stem_pattern(each))
    ljubljana_stems = {stem(fold(s), 5) for s in spellings}
    for lexicon in lexicons:
        for name in lexicon.names:
            folded = fold(name.text)
            if any(city in folded for city in ljubljana_stems):
                continue
            words = name_words(name.text)
            patterns.extend(phrase_pattern(words))
            patterns.extend(phrase_pattern(name_words(folded)))
    # 'MLA' beside a convention word in any language ('Úmluva MLA'), and the word genocide,
    # which every full title holds, for titles no lexicon lists.
    patterns.append(acronym_pattern("MLA"))
    for word in cues.context.get("genocide", ()):
        patterns.extend(phrase_pattern([word]))
    return patterns


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
                    if len(word) >= 4 or (word.isupper() and len(word) >= 2):
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


_COMBINING = re.compile(r"[\u0300-\u036f]")


def _merge_windows(hits: list[int], length: int, before: int, after: int) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for hit in sorted(set(hits)):
        start, end = max(0, hit - before), min(length, hit + after)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


_ADDRESS = re.compile(r"://|www\.|/|\.[a-z]{2,4}\b|@")


def _inside_address(text: str, start: int, end: int) -> bool:
    """A name inside a web address or e-mail ('…/ljubljana-the-hague-convention') is a slug,
    not a reference in the text."""
    if any(char.isspace() for char in text[start:end]):
        return False
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    return bool(_ADDRESS.search(text[left:start]) or _ADDRESS.search(text[end:right]))


def _snippet(text: str, start: int, end: int) -> str:
    begin, stop = max(0, start - SNIPPET_REACH), min(len(text), end + SNIPPET_REACH)
    prefix = "…" if begin > 0 else ""
    suffix = "…" if stop < len(text) else ""
    return prefix + " ".join(text[begin:stop].split()) + suffix


class Detector:
    """Finds references to the Convention; build once, use for many texts."""

    def __init__(
        self,
        lexicon_dir: Path | None = None,
        cues_path: Path | None = None,
        backend: str | None = None,
    ) -> None:
        lexicons = load_lexicon(lexicon_dir)
        cues = load_cues(cues_path)
        self.vocabulary: Vocabulary = build_vocabulary(lexicons, cues)
        self.prefilter: Prefilter = build_prefilter(prefilter_patterns(lexicons, cues), backend)
        self._quick = QuickCheck(lexicons, cues)
        self._treaty_words = self.vocabulary.treaty_stem_automaton

    def detect(self, text: str, lang: str | None = None) -> list[Mention]:
        """Every mention in `text`; offsets index `text` itself."""
        hits = self.prefilter.scan_text(text)
        if not hits:
            return []
        return self._mentions(text, hits, lang)

    def detect_bytes(self, data: bytes | mmap.mmap, lang: str | None = None) -> list[Mention]:
        """Every mention in UTF-8 `data` (bytes, or a memory-mapped file so that nothing is
        copied); `start`/`end` are byte offsets into `data`."""
        ends = {snap_to_character(data, end) for end in self.prefilter.scan_bytes(data)}
        hits = [hit for hit in sorted(ends) if self._bytes_worth_a_look(data, hit)]
        mentions: list[Mention] = []
        for start, end in _merge_windows(hits, len(data), _BYTE_CLUSTER_REACH, _BYTE_CLUSTER_REACH):
            # Move the piece's borders off UTF-8 continuation bytes.
            while 0 < start < len(data) and 0x80 <= data[start] < 0xC0:
                start -= 1
            while end < len(data) and 0x80 <= data[end] < 0xC0:
                end += 1
            raw = bytes(data[start:end])
            piece = raw.decode("utf-8", "surrogateescape")
            inside = [
                hit - start for hit in hits[bisect_left(hits, start) : bisect_right(hits, end)]
            ]
            char_hits = _byte_to_char_offsets(raw, inside)
            found = self._mentions(piece, char_hits, lang, checked=True)
            if not found:
                continue
            offsets = _char_to_byte_offsets(
                piece, [m.start for m in found] + [m.end for m in found]
            )
            for mention in found:
                mentions.append(
                    Mention(
                        start=start + offsets[mention.start],
                        end=start + offsets[mention.end],
                        text=mention.text,
                        form=mention.form,
                        lang=mention.lang,
                        snippet=mention.snippet,
                        confidence=mention.confidence,
                    )
                )
        return mentions

    def _may_hold_anaphora(self, raw: str) -> bool:
        """Cheap test: does the raw text hold a convention word at all? (lower case, accents
        dropped by NFKD, so 'Übereinkommen' shows 'ubereinkommen')."""
        if "\u00ad" in raw or "-\n" in raw:
            return True  # a convention word may be hyphenated ('Conven-\nzione')
        if raw.isascii():
            rough = raw.lower()
        else:
            rough = _COMBINING.sub("", unicodedata.normalize("NFKD", raw.lower()))
        return next(self._treaty_words.iter(rough), None) is not None

    def _worth_a_look(self, text: str, hit: int) -> bool:
        """A cheap look at the raw text around a hit: 'Ljubljana' with nothing that could
        complete a name nearby (the city in the news) needs no normalising."""
        return self._quick(text[max(0, hit - QUICK_REACH) : hit + QUICK_REACH])

    def _bytes_worth_a_look(self, data: bytes | mmap.mmap, hit: int) -> bool:
        around = bytes(data[max(0, hit - 4 * QUICK_REACH) : hit + 4 * QUICK_REACH])
        return self._quick(around.decode("utf-8", "ignore"))

    def _mentions(
        self, text: str, hits: list[int], lang: str | None, checked: bool = False
    ) -> list[Mention]:
        vocabulary = self.vocabulary
        if not checked:
            hits = [hit for hit in sorted(set(hits)) if self._worth_a_look(text, hit)]
        if not hits:
            return []
        windows = [
            normalise(text, start, end)
            for start, end in _merge_windows(hits, len(text), WINDOW_BEFORE, WINDOW_AFTER)
        ]
        strong = merge_candidates(
            [
                candidate
                for window in windows
                for candidate in strong_candidates(vocabulary, window, text)
            ]
        )
        contextual: list[Candidate] = []
        for window in windows:
            contextual.extend(gated_candidates(vocabulary, window, strong, text))
        named_mentions = merge_candidates(strong + contextual)
        anaphoric: list[Candidate] = []
        for named in named_mentions:
            if not self._may_hold_anaphora(text[named.end : named.end + ANAPHORA_REACH]):
                continue
            following = normalise(text, named.end, named.end + ANAPHORA_REACH)
            anaphoric.extend(
                anaphora_candidates(vocabulary, text, following, named, named_mentions)
            )
        candidates = merge_candidates(named_mentions + anaphoric)
        mentions = []
        for candidate in candidates:
            if _inside_address(text, candidate.start, candidate.end):
                continue
            snippet = _snippet(text, candidate.start, candidate.end)
            mentions.append(
                Mention(
                    start=candidate.start,
                    end=candidate.end,
                    text=text[candidate.start : candidate.end],
                    form=str(candidate.form),
                    lang=choose_language(candidate.langs, lang, snippet),
                    snippet=snippet,
                    confidence=candidate.confidence,
                )
            )
        return mentions


def _byte_to_char_offsets(data: bytes, positions: list[int]) -> list[int]:
    chars: list[int] = []
    previous_byte = previous_char = 0
    for position in sorted(positions):
        previous_char += len(data[previous_byte:position].decode("utf-8", "surrogateescape"))
        previous_byte = position
        chars.append(previous_char)
    return chars


def _char_to_byte_offsets(text: str, positions: list[int]) -> dict[int, int]:
    offsets: dict[int, int] = {}
    previous_char, previous_byte = 0, 0
    for position in sorted(set(positions)):
        previous_byte += len(text[previous_char:position].encode("utf-8", "surrogateescape"))
        previous_char = position
        offsets[position] = previous_byte
    return offsets


@lru_cache(maxsize=1)
def default_detector() -> Detector:
    """The detector built from the bundled lexicon and cues."""
    return Detector()


def detect(text: str, lang: str | None = None) -> list[Mention]:
    """Every reference to the Ljubljana – The Hague Convention in `text`.

    `lang` is a hint (the document's language) used only where the matched words allow
    several languages. `text[m.start:m.end] == m.text` for every mention.
    """
    return default_detector().detect(text, lang)
