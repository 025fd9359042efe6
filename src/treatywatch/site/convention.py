"""The Convention's structure as the bundled files record it: parts, articles, annexes."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from treatywatch.core.dataset import DATA_DIR
from treatywatch.core.tabular import read_table

__all__ = ["convention_structure"]


def _rows(name: str) -> list[dict[str, Any]]:
    _, rows = read_table(DATA_DIR / "convention" / f"{name}.csv")
    return [
        {
            **row.values,
            "verified": row.values.get("verified", "").lower() == "true",
            "sources": row.values.get("source_url", "").split(),
        }
        for row in rows
    ]


@lru_cache(maxsize=1)
def convention_structure() -> dict[str, list[dict[str, Any]]]:
    """Parts, articles and annexes from data/convention/*.csv (read once per process)."""
    return {name: _rows(name) for name in ("parts", "articles", "annexes")}
