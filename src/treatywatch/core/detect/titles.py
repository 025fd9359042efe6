"""Recognise long titles by aligning words, so that the usual variations still match.

Real texts drop 'the Crime of', write 'Crimes' for 'Crime', add commas and inflect words, so a
full title is recognised when most of its words appear in order after a convention word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from treatywatch.core.detect.vocabulary import Title

_TOKEN = re.compile(r"\w+")
# A title never runs across these: the end of a sentence, brackets, quotation marks.
_TITLE_STOP = re.compile(r"[.;:!?()\[\]{}\"«»“”„]")
_MAX_GAP = 3  # words a text may add between two words of the title
_MIN_SCORE = 0.75


@dataclass(frozen=True, slots=True)
class Alignment:
    """Where a title's tail ends in the folded text, and how much of it was found."""

    end: int
    matched: int
    score: float
    title: Title


def same_word(a: str, b: str) -> bool:
    """Words agree up to an inflected ending ('crime'/'crimes', 'konvencija'/'konvencije')."""
    shorter = min(len(a), len(b))
    need = min(shorter, max(4, shorter - 3))
    return a[:need] == b[:need]


def align_tail(
    folded: str, position: int, titles: list[Title], limit: int = 450
) -> Alignment | None:
    """The best title whose tail follows `position` in `folded`, or None."""
    # Cheap test first: a title is only worth aligning if one of its first two words (by
    # their first four letters) is among the next few words here.
    nearby = {m.group()[:4] for m in _TOKEN.finditer(folded, position, position + 80)}
    titles = [title for title in titles if title.opening & nearby]
    if not titles:
        return None
    window = folded[position : position + limit]
    stop = _TITLE_STOP.search(window)
    if stop is not None:
        window = window[: stop.start()]
    words = [
        (m.group(), position + m.end()) for m in _TOKEN.finditer(window) if len(m.group()) >= 4
    ]
    if not words:
        return None
    best: Alignment | None = None
    for title in titles:
        matched_positions = _longest_common_subsequence(title.tail, [w for w, _ in words])
        if not matched_positions or matched_positions[0] > _MAX_GAP:
            continue
        matched = len(matched_positions)
        score = matched / len(title.tail)
        if score < _MIN_SCORE:
            continue
        end = words[matched_positions[-1]][1]
        if best is None or (matched, score) > (best.matched, best.score):
            best = Alignment(end, matched, score, title)
    return best


def _longest_common_subsequence(wanted: tuple[str, ...], found: list[str]) -> list[int]:
    """Positions in `found` of a longest in-order match of `wanted` (inflection-tolerant)."""
    found = found[: len(wanted) + 2 * _MAX_GAP]
    rows, cols = len(wanted), len(found)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            if same_word(wanted[i], found[j]):
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    positions, i, j = [], 0, 0
    while i < rows and j < cols:
        if same_word(wanted[i], found[j]) and table[i][j] == table[i + 1][j + 1] + 1:
            positions.append(j)
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return positions
