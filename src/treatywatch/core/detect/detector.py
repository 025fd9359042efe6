"""The detector: prefilter, then a close look at windows around candidates only."""

from __future__ import annotations

import mmap
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from treatywatch.core.detect.abbreviations import defined_abbreviations
from treatywatch.core.detect.cues import load_cues
from treatywatch.core.detect.disambiguate import (
    ANAPHORA_REACH,
    NEARBY,
    anaphora_candidates,
    gated_candidates,
)
from treatywatch.core.detect.language import choose_language
from treatywatch.core.detect.lexicon import load_lexicon
from treatywatch.core.detect.match import Candidate, merge_candidates, strong_candidates
from treatywatch.core.detect.mention import Mention
from treatywatch.core.detect.normalise import normalise
from treatywatch.core.detect.prefilter import (
    Prefilter,
    build_prefilter,
    snap_to_character,
)
from treatywatch.core.detect.triggers import QuickCheck, prefilter_patterns
from treatywatch.core.detect.vocabulary import Vocabulary, build_vocabulary

WINDOW_BEFORE = 300  # a name may start this far before its prefilter hit ('Convention de …')
WINDOW_AFTER = 550  # and a full title may run this far after it
QUICK_REACH = 90  # raw characters looked at around a hit before anything is normalised
SNIPPET_REACH = 80
# Bytes around a hit decoded together, so that context and anaphora stay inside one piece.
# Two bytes a character covers Latin, Greek and Cyrillic text; in CJK text the reach is a
# little shorter in characters.
_BYTE_CLUSTER_REACH = 2 * (max(NEARBY, ANAPHORA_REACH) + WINDOW_AFTER)


_COMBINING = re.compile(r"[\u0300-\u036f]")


_THIN = 32  # hits closer than this share one look (several patterns fire on one word)


def _thin(hits: Iterable[int]) -> list[int]:
    """Sorted hits, keeping one of each bunch closer than `_THIN`: the looks and windows
    around the one kept cover the others."""
    kept: list[int] = []
    for hit in sorted(set(hits)):
        if not kept or hit - kept[-1] > _THIN:
            kept.append(hit)
    return kept


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
        self.prefilter: Prefilter = build_prefilter(
            prefilter_patterns(lexicons, cues, self.vocabulary), backend
        )
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
        hits = [hit for hit in _thin(ends) if self._bytes_worth_a_look(data, hit)]
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

    def quick_look(self, raw: str) -> bool:
        """False when no name can be completed in `raw` (text around a prefilter hit): then
        `detect` looks no closer. True only means a closer look is needed."""
        return bool(self._quick(raw))

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
            hits = [hit for hit in _thin(hits) if self._worth_a_look(text, hit)]
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
        named_mentions = merge_candidates(
            named_mentions + defined_abbreviations(text, named_mentions)
        )
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
