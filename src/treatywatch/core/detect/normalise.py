"""Normalisation for matching that remembers where every character came from.

The detector matches on a folded copy of the text (NFKC, case folding, no diacritics, one kind
of dash, one kind of apostrophe, single spaces, entities decoded, line-end hyphenation joined)
and reports offsets into the original. Every folded character therefore carries the span of
original characters it came from.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Characters that carry no letters: soft hyphen, zero-width spaces and joiners, word joiner,
# byte order mark, Mongolian vowel separator, Arabic tatweel (a stretching stroke).
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e\u0640")
_SOFT_HYPHEN = "\u00ad"
_EXTRA_DASHES = frozenset("\u2212\u2043\u02d7\u2e3a\u2e3b\ufe58\ufe63\uff0d\u00ac")
_APOSTROPHES = frozenset("'\u2018\u2019\u201b\u02bc\u02b9\u2032\u00b4`\uff07")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_HORIZONTAL_SPACE = frozenset(
    " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")


def is_dash(char: str) -> bool:
    """True for the hyphen-minus and every other dash or hyphen variant."""
    return char == "-" or char in _EXTRA_DASHES or unicodedata.category(char) == "Pd"


@lru_cache(maxsize=131072)
def fold_char(char: str) -> str:
    """Fold one character to what the matcher compares: possibly empty, possibly several."""
    if char in _INVISIBLE:
        return ""
    if char in _APOSTROPHES:
        return "'"
    if is_dash(char):
        return "-"
    if char.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", char).casefold())
    folded = []
    for part in decomposed:
        if unicodedata.category(part) in ("Mn", "Me") or part in _INVISIBLE:
            continue
        if part in _APOSTROPHES:
            folded.append("'")
        elif is_dash(part):
            folded.append("-")
        elif part.isspace():
            folded.append(" ")
        else:
            folded.append(part)
    return "".join(folded)


class _FoldTable(dict[int, str]):
    """A `str.translate` table that folds each new character on first sight."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        if len(folded) != 1:
            _RESIZING.add(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()
# Characters seen so far that fold to more or fewer than one character ('ß' → 'ss', a
# zero-width space → ''): a run holding one cannot take the one-to-one offsets, even when
# the lengths happen to balance out.
_RESIZING: set[str] = set()


def fold(text: str) -> str:
    """Fold a short string (a lexicon entry, a cue) exactly as `normalise` folds text."""
    return normalise(text).text


@dataclass(frozen=True, slots=True)
class Normalised:
    """Folded text; folded character i came from original characters starts[i]:ends[i]."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, begin: int, end: int) -> tuple[int, int]:
        """The original span covered by folded characters begin:end (end > begin)."""
        return self.starts[begin], self.ends[end - 1]


def _after_line_break(text: str, index: int, stop: int) -> int:
    """Index after the spaces and line break(s) starting at index, or -1 if no line break."""
    position = index
    while position < stop and text[position] in _HORIZONTAL_SPACE:
        position += 1
    if position >= stop or text[position] not in _LINE_BREAKS:
        return -1
    while position < stop and (text[position].isspace() or text[position] in _INVISIBLE):
        position += 1
    return position


# Runs of characters with no special handling: not whitespace, '&', a soft hyphen, any dash
# (Unicode category Pd) or dash-like mark, which all need the hyphenation check. Such a run is
# folded in one go when folding keeps its length.
_ALL_DASHES = (
    frozenset(
        "-\u058a\u05be\u1400\u1806\u2010\u2011\u2012\u2013\u2014\u2015\u2e17\u2e1a\u2e3a"
        "\u2e3b\u2e40\u2e5d\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\U00010ead"
    )
    | _EXTRA_DASHES
)
_SPECIAL = r"\s&\u00ad" + "".join(re.escape(char) for char in sorted(_ALL_DASHES))
_PLAIN_RUN = re.compile(rf"[^{_SPECIAL}](?:[^{_SPECIAL}]| (?!\s))*")
_SPACE_RUN = re.compile(r"\s+")


def normalise(text: str, begin: int = 0, end: int | None = None) -> Normalised:
    """Fold text[begin:end]; the offsets in the result index the whole original `text`."""
    stop = len(text) if end is None else min(end, len(text))
    position = max(0, begin)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = ""  # the last folded character emitted

    def emit(folded: str, source_start: int, source_end: int) -> None:
        nonlocal last
        for folded_char in folded:
            if folded_char == " ":
                if not last:
                    continue
                if last == " ":
                    ends[-1] = source_end
                    continue
            pieces.append(folded_char)
            starts.append(source_start)
            ends.append(source_end)
            last = folded_char

    while position < stop:
        plain = _PLAIN_RUN.match(text, position, stop)
        if plain is not None:
            run = plain.group()
            if run.isascii():
                # ASCII folds to lower case; only the backtick changes (to an apostrophe).
                folded_run = run.lower().replace("`", "'")
            else:
                folded_run = run.translate(_FOLD_TABLE)
            if (
                len(folded_run) == len(run)
                and folded_run.count(" ") == run.count(" ")
                and _RESIZING.isdisjoint(run)
            ):
                # One folded character per original one: extend in bulk (the common case).
                pieces.append(folded_run)
                starts.extend(range(position, plain.end()))
                ends.extend(range(position + 1, plain.end() + 1))
                last = folded_run[-1]
            else:
                for index, char in enumerate(run, start=position):
                    emit(fold_char(char), index, index + 1)
            position = plain.end()
            continue
        spaces = _SPACE_RUN.match(text, position, stop)
        if spaces is not None:
            emit(" ", position, position + 1)
            if last == " ":
                ends[-1] = spaces.end()
            position = spaces.end()
            continue
        char = text[position]
        after = position + 1
        if char == "&":
            entity = _ENTITY.match(text, position, stop)
            if entity is not None:
                decoded = html.unescape(entity.group())
                if decoded != entity.group():
                    char, after = decoded, entity.end()
        if len(char) == 1 and (char == _SOFT_HYPHEN or is_dash(char)):
            # A hyphen at a line end inside a word ("Ljub-\nljana") is hyphenation: join the
            # halves. A soft hyphen always marks a word break; a hard one only before lower case.
            resume = _after_line_break(text, after, stop)
            if (
                resume != -1
                and resume < stop
                and last.isalpha()
                and (char == _SOFT_HYPHEN or text[resume].islower())
            ):
                position = resume
                continue
        for source_char in char:
            emit(fold_char(source_char), position, after)
        position = after
    return Normalised("".join(pieces), tuple(starts), tuple(ends))
