"""When a source's silence is a gap in coverage rather than a lack of attention.

A source that usually brings something new every day and has brought nothing for two weeks
is probably broken (a moved feed, a blocked crawler, an API change), and its zero must not be
read as "nobody wrote about the Convention". The judgement compares the current silence with
the source's own history: the gaps between the days it brought new items.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

__all__ = ["Coverage", "judge_coverage"]


@dataclass(frozen=True)
class Coverage:
    flagged: bool
    reason: str
    silent_days: int | None = None  # days since the last new item
    usual_gap_days: float | None = None  # the source's longest usual gap


def judge_coverage(
    new_item_days: Iterable[date],
    run_days: Iterable[date],
    today: date,
    *,
    factor: float = 3.0,
    min_days: int = 7,
) -> Coverage:
    """Flag a source whose silence is unusually long for it.

    ``usual`` is the 90th percentile of the gaps between days with new items (the longest
    gap when there are few). The source is flagged when it has been run during its silence
    and the silence exceeds both ``min_days`` and ``factor`` × usual. A source run for
    ``min_days`` without ever bringing anything is flagged too.
    """
    active = sorted(set(new_item_days))
    runs = sorted(set(run_days))
    if not runs:
        return Coverage(False, "never run")
    if not active:
        span = (today - runs[0]).days
        if span >= min_days:
            return Coverage(True, f"nothing new in {span} days since its first run", span)
        return Coverage(False, "nothing new yet", span)
    silent = (today - active[-1]).days
    if runs[-1] <= active[-1]:
        return Coverage(False, "not run since its last new item", silent)
    gaps = [(later - earlier).days for earlier, later in pairwise(active)]
    if len(gaps) >= 10:
        usual = float(statistics.quantiles(gaps, n=10)[-1])
    elif gaps:
        usual = float(max(gaps))
    else:
        usual = None
    threshold = max(float(min_days), factor * usual if usual is not None else float(min_days))
    if silent > threshold:
        usual_text = f"; usually at most {usual:g} days apart" if usual is not None else ""
        return Coverage(True, f"nothing new for {silent} days{usual_text}", silent, usual)
    return Coverage(False, "as usual", silent, usual)
