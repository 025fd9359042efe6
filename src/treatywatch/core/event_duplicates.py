"""Finding the same event entered twice: overlapping dates and a similar title or place.

Likely duplicates are reported for a person to decide; nothing is merged here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from typing import Any

from treatywatch.core.evidence import EventRecord

__all__ = ["LikelyDuplicate", "likely_duplicates", "title_similarity"]

# Words that say nothing about which event it is; dropped before comparing titles.
_STOPWORDS = frozenset(
    {
        "a", "an", "and", "at", "de", "del", "des", "du", "el", "en", "et", "for", "in", "la",
        "le", "les", "of", "on", "sur", "the", "to", "y",
    }
)  # fmt: skip
TITLE_THRESHOLD = 0.6
# With the same place, a looser title match is enough (titles are often paraphrased).
TITLE_THRESHOLD_SAME_PLACE = 0.35
# Without dates on both sides only a near-identical title is convincing.
TITLE_THRESHOLD_UNDATED = 0.9


@dataclass(frozen=True)
class LikelyDuplicate:
    """Two events that look like one; `reasons` says why, for the reviewer."""

    first: str
    second: str
    score: float
    reasons: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "first": self.first,
            "second": self.second,
            "score": self.score,
            "reasons": list(self.reasons),
        }


def _words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [word for word in re.findall(r"[a-z0-9]+", plain) if word not in _STOPWORDS]


def title_similarity(first: str, second: str) -> float:
    """0 to 1: the better of a word-set overlap and a character-sequence match."""
    words_a, words_b = _words(first), _words(second)
    if not words_a or not words_b:
        return 0.0
    set_a, set_b = set(words_a), set(words_b)
    overlap = len(set_a & set_b) / len(set_a | set_b)
    sequence = SequenceMatcher(None, " ".join(words_a), " ".join(words_b)).ratio()
    return round(max(overlap, sequence), 3)


def _same_place(first: str, second: str) -> bool:
    words_a, words_b = set(_words(first)), set(_words(second))
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / min(len(words_a), len(words_b)) >= 0.5


def _numbers(event: EventRecord) -> set[str]:
    """Numbers in the title and forum: session numbers and years tell events apart."""
    return set(re.findall(r"\d+", f"{event.title} {event.forum}"))


def _span(event: EventRecord) -> tuple[date, date] | None:
    if event.starts_on is None:
        return None
    return event.starts_on, event.ends_on or event.starts_on


def _pair_key(first: str, second: str) -> frozenset[str]:
    return frozenset((first, second))


def likely_duplicates(
    events: Iterable[EventRecord], distinct: Collection[frozenset[str]] = ()
) -> list[LikelyDuplicate]:
    """Pairs of events that are probably the same one, best match first.

    `distinct` holds pairs of slugs a reviewer already found to be different events.
    """
    dated = sorted(
        (event for event in events if event.starts_on is not None),
        key=lambda event: (event.starts_on, event.slug),
    )
    undated = [event for event in events if event.starts_on is None]
    found: list[LikelyDuplicate] = []
    # Sweep by start date: only events whose spans overlap are compared.
    for index, first in enumerate(dated):
        first_span = _span(first)
        assert first_span is not None
        for second in dated[index + 1 :]:
            second_span = _span(second)
            assert second_span is not None
            if second_span[0] > first_span[1]:
                break
            found.extend(_judge(first, second, distinct, dates_overlap=True))
    everything: Sequence[EventRecord] = [*dated, *undated]
    for first in undated:
        for second in everything:
            if second.starts_on is not None or first.slug < second.slug:
                found.extend(_judge(first, second, distinct, dates_overlap=False))
    return sorted(found, key=lambda pair: (-pair.score, pair.first, pair.second))


def _judge(
    first: EventRecord,
    second: EventRecord,
    distinct: Collection[frozenset[str]],
    dates_overlap: bool,
) -> list[LikelyDuplicate]:
    if _pair_key(first.slug, second.slug) in distinct:
        return []
    numbers_a, numbers_b = _numbers(first), _numbers(second)
    if numbers_a and numbers_b and not numbers_a & numbers_b:
        # "15th session" and "17th session": similar words, different events.
        return []
    similarity = title_similarity(first.title, second.title)
    same_place = _same_place(first.place, second.place)
    reasons = []
    if dates_overlap:
        reasons.append("dates overlap")
        threshold = TITLE_THRESHOLD_SAME_PLACE if same_place else TITLE_THRESHOLD
    else:
        reasons.append("a date is unknown")
        threshold = TITLE_THRESHOLD_UNDATED
    if similarity < threshold:
        return []
    reasons.append(f"title similarity {similarity:.2f}")
    if same_place:
        reasons.append("same place")
    a, b = sorted((first.slug, second.slug))
    return [LikelyDuplicate(a, b, similarity, tuple(reasons))]
