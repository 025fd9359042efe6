"""RSS and Atom feeds: each entry points to a page the monitor reads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import feedparser
import lxml.html

from treatywatch.monitor.fetcher import FEED_TYPES
from treatywatch.sources.base import (
    Candidate,
    Context,
    Found,
    Notice,
    SourceError,
    language_code,
)

__all__ = ["discover_feed", "parse_feed"]


def _entry_date(entry: feedparser.FeedParserDict) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _plain(markup: str) -> str:
    if not markup.strip():
        return ""
    try:
        return str(lxml.html.fromstring(markup).text_content())
    except (ValueError, lxml.etree.ParserError):
        return markup


def parse_feed(content: bytes, *, with_text: bool = False) -> list[Candidate]:
    """The entries of an RSS or Atom document, newest first; SourceError when it is not one."""
    parsed = feedparser.parse(content)
    if parsed.bozo and not parsed.entries:
        raise SourceError(f"not a readable feed: {parsed.get('bozo_exception')}")
    candidates = []
    for entry in parsed.entries:
        link = entry.get("link", "")
        key = entry.get("id") or link
        if not key or not link:
            continue
        text = None
        if with_text:
            bodies = [part.get("value", "") for part in entry.get("content", [])]
            text = "\n\n".join(
                part for part in (entry.get("title", ""), *map(_plain, bodies)) if part
            ) or _plain(entry.get("summary", ""))
        candidates.append(
            Candidate(
                key=key,
                url=link,
                title=entry.get("title", ""),
                published=_entry_date(entry),
                language=language_code(entry.get("language")),
                text=text,
            )
        )
    candidates.sort(key=lambda c: c.published or date.min, reverse=True)
    return candidates


def discover_feed(context: Context) -> Iterator[Found]:
    options = context.source.options
    fetched = context.fetch(options["url"], FEED_TYPES, conditional=True)
    if fetched.not_modified:
        yield Notice("feed not modified since the last run")
        return
    entries = parse_feed(fetched.content, with_text=not options["fetch_pages"])
    for candidate in entries[: options["max_items"]]:
        if context.since and candidate.published and candidate.published < context.since:
            continue
        yield candidate
