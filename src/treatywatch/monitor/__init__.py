"""The monitor: feeds, the web, GDELT, the UN Digital Library, Common Crawl and the depositary
record, watched on a schedule, with review queues for what it finds.

``attention(...)`` is the entry point for the site and the API: references found per month,
language and country beside the documents read (see ``treatywatch.monitor.attention_table``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from treatywatch.monitor.attention_table import AttentionRow

__all__ = ["attention"]


def attention(
    *,
    start: date | None = None,
    end: date | None = None,
    by: Sequence[str] = ("month",),
    sources: Iterable[str] | None = None,
    kind: str | None = None,
) -> list[AttentionRow]:
    """Coverage-normalised attention rows; see ``treatywatch.monitor.attention_table.attention``."""
    # Imported here: this package is a Django app, whose models load only once Django is set
    # up. The module is not named `attention`, which would shadow this function once imported.
    from treatywatch.monitor.attention_table import attention as compute

    return compute(start=start, end=end, by=by, sources=sources, kind=kind)
