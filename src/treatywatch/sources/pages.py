"""A single page, read again whenever its content changes."""

from __future__ import annotations

from collections.abc import Iterator

from treatywatch.sources.base import Candidate, Context, Found

__all__ = ["discover_page"]


def discover_page(context: Context) -> Iterator[Found]:
    url = context.source.options["url"]
    published = context.source.options.get("published")
    yield Candidate(key=url, url=url, published=published, rekey_by_content=True)
