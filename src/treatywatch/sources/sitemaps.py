"""Sitemaps and sitemap indexes (sitemaps.org 0.9): every listed page, newest first."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from lxml import etree

from treatywatch.core.dates import DateError, parse_date
from treatywatch.monitor.fetcher import XML_TYPES
from treatywatch.sources.base import Candidate, Context, Found, Notice, SourceError

__all__ = ["Sitemap", "discover_sitemap", "parse_sitemap"]

# A parser that never fetches DTDs or expands entities: sitemaps come from anywhere.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class Sitemap:
    pages: tuple[tuple[str, date | None], ...]
    sitemaps: tuple[str, ...]  # nested sitemaps of an index


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _lastmod(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return parse_date(text.strip()[:10])
    except DateError:
        return None


def parse_sitemap(content: bytes) -> Sitemap:
    try:
        root = etree.fromstring(content, _PARSER)
    except etree.XMLSyntaxError as error:
        raise SourceError(f"not a readable sitemap: {error}") from None
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise SourceError(f"not a sitemap: the root element is <{kind}>")
    entries = []
    for element in root:
        if _local(element.tag) not in ("url", "sitemap"):
            continue
        fields = {_local(child.tag): (child.text or "").strip() for child in element}
        if fields.get("loc"):
            entries.append((fields["loc"], _lastmod(fields.get("lastmod"))))
    if kind == "sitemapindex":
        return Sitemap((), tuple(loc for loc, _ in entries))
    return Sitemap(tuple(entries), ())


def discover_sitemap(context: Context) -> Iterator[Found]:
    options = context.source.options
    pages: list[tuple[str, date | None]] = []
    queue = [(options["url"], 0)]
    while queue:
        url, depth = queue.pop(0)
        fetched = context.fetch(url, XML_TYPES, conditional=True)
        if fetched.not_modified:
            continue
        sitemap = parse_sitemap(fetched.content)
        pages.extend(sitemap.pages)
        for nested in sitemap.sitemaps:
            if depth + 1 > options["max_depth"]:
                yield Notice(f"sitemap {nested} is nested too deep; skipped")
            else:
                queue.append((nested, depth + 1))
    pages.sort(key=lambda page: page[1] or date.min, reverse=True)
    for url, lastmod in pages[: options["max_items"]]:
        if context.since and lastmod and lastmod < context.since:
            continue
        # The lastmod is part of the key: a page updated since it was read is read again.
        key = f"{url}@{lastmod.isoformat()}" if lastmod else url
        yield Candidate(key=key, url=url, published=None)
