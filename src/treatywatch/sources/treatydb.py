"""Depositary records: the Netherlands Treaty Database's treaty pages, and watched pages.

Both yield proposed changes for review, never writes to the record.
"""

from __future__ import annotations

from collections.abc import Iterator

from treatywatch.core.depositary import (
    ProposedChange,
    parse_treaty_page,
    propose_changes,
    text_digest,
)
from treatywatch.core.extract import Extracted, extract_bytes
from treatywatch.monitor.fetcher import HTML_TYPES, PAGE_TYPES
from treatywatch.sources.base import Checkpoint, Context, Found, Notice

__all__ = ["PAGE_CHANGED", "discover_treaty_database", "discover_watch_page"]

PAGE_CHANGED = "page_changed"
EXCERPT = 4000


def discover_treaty_database(context: Context) -> Iterator[Found]:
    options = context.source.options
    states, actions, declarations = context.record()
    digests = {url: dict(value) for url, value in context.cursor.get("digests", {}).items()}
    for url in options["urls"]:
        fetched = context.fetch(url, HTML_TYPES)
        page = parse_treaty_page(fetched.content)
        result = propose_changes(
            page,
            treaty=options["treaty"],
            states=states,
            actions=actions,
            declarations=declarations,
            source_url=url,
            captured_at=fetched.fetched_at,
            previous_digests=digests.get(url, {}),
        )
        for warning in result.warnings:
            yield Notice(f"{url}: {warning}")
        yield from result.changes
        digests[url] = dict(result.declaration_digests)
        yield Checkpoint({"digests": digests})


def _main_text(content: bytes, url: str) -> str:
    for result in extract_bytes(content, "page.html"):
        if isinstance(result, Extracted):
            return result.text
    return content.decode("utf-8", errors="replace")


def discover_watch_page(context: Context) -> Iterator[Found]:
    """A page without a known structure: a change of its main text is raised for review."""
    url = context.source.options["url"]
    fetched = context.fetch(url, PAGE_TYPES)
    text = _main_text(fetched.content, url)
    digest = text_digest(text)
    previous = context.cursor.get("digest")
    if previous and previous != digest:
        yield ProposedChange(
            kind=PAGE_CHANGED,
            state="",
            table="",
            row={},
            summary=f"{url} changed since it was read on {context.cursor.get('read_on', '?')}",
            source_url=url,
            captured_at=fetched.fetched_at,
            evidence={"text_digest": digest, "previous_digest": previous, "text": text[:EXCERPT]},
            topic=url,
        )
    yield Checkpoint({"digest": digest, "read_on": fetched.fetched_at.date().isoformat()})
