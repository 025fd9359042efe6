"""GDELT DOC 2.0 article lists, queried with the lexicon's names of the Convention.

One query per language: the lexicon's names in that language (the forms chosen in the
configuration), OR-ed as quoted phrases and restricted with ``sourcelang:`` (ISO 639-3),
plus, with ``english_everywhere``, the English names across every language (GDELT also
searches its English machine translations). Dashes become spaces, since GDELT matches words.

Limits the adapter works around (see docs/monitor.md):
- an article list holds at most 250 articles: a full window is split in halves, down to
  ``min_window_minutes``; a window still full is reported as possibly incomplete;
- the API covers about the last three months: an earlier start is clamped, with a notice;
- requests are throttled: the example configuration paces api.gdeltproject.org at 6 s.

Whether native-script phrases match depends on GDELT's indexing and is unverified; the
detector confirms every article anyway, since the monitor reads each page itself.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any
from urllib.parse import urlencode

import pycountry
import yaml

from treatywatch.monitor.config import LEXICON_DIR
from treatywatch.monitor.fetcher import JSON_TYPES
from treatywatch.sources.base import (
    Candidate,
    Checkpoint,
    Context,
    Found,
    Notice,
    SourceError,
    language_code,
)

__all__ = [
    "Article",
    "build_queries",
    "discover_gdelt",
    "parse_artlist",
    "query_url",
    "search_phrases",
]

WINDOW_LIMIT = timedelta(days=90)
MAX_QUERY_CHARS = 400  # long OR-lists are split over several queries
_DASHES = re.compile(r"[\u002d\u00ad\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_UNSEARCHABLE = re.compile(r"[\"“”„«»()\[\]{}:;,.!?*]")


@dataclass(frozen=True)
class Article:
    url: str
    title: str
    seen: datetime | None
    domain: str
    language: str
    country: str


@cache
def _lexicon(language: str) -> dict[str, Any]:
    with (LEXICON_DIR / f"{language}.yaml").open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


def search_phrases(language: str, forms: tuple[str, ...]) -> list[str]:
    """The lexicon's names in ``language`` of the given forms, as GDELT phrases."""
    phrases: dict[str, str] = {}
    for name in _lexicon(language).get("names", []):
        if name.get("form") not in forms:
            continue
        text = unicodedata.normalize("NFKC", str(name["text"]))
        text = _UNSEARCHABLE.sub(" ", _DASHES.sub(" ", text))
        text = " ".join(text.split())
        if len(text) >= 5:  # GDELT refuses very short phrases
            phrases.setdefault(text.casefold(), text)
    return list(phrases.values())


def _sourcelang(language: str) -> str:
    found = pycountry.languages.get(alpha_2=language)
    return str(found.alpha_3) if found else language


def build_queries(phrases: list[str], language: str | None) -> list[str]:
    """OR-groups of quoted phrases, each query at most MAX_QUERY_CHARS long."""
    suffix = f" sourcelang:{_sourcelang(language)}" if language else ""
    queries: list[str] = []
    group: list[str] = []

    def flush() -> None:
        if group:
            quoted = " OR ".join(f'"{phrase}"' for phrase in group)
            queries.append((f"({quoted})" if len(group) > 1 else quoted) + suffix)

    for phrase in phrases:
        candidate = [*group, phrase]
        length = sum(len(p) + 6 for p in candidate) + len(suffix) + 2
        if group and length > MAX_QUERY_CHARS:
            flush()
            group = [phrase]
        else:
            group = candidate
    flush()
    return queries


def query_url(endpoint: str, query: str, start: datetime, end: datetime, max_records: int) -> str:
    params = {
        "query": query,
        "mode": "artlist",
        "format": "json",
        "maxrecords": str(max_records),
        "sort": "datedesc",
        "startdatetime": start.strftime("%Y%m%d%H%M%S"),
        "enddatetime": end.strftime("%Y%m%d%H%M%S"),
    }
    return f"{endpoint}?{urlencode(params)}"


def _seen(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y%m%dT%H%M%SZ")
    except (TypeError, ValueError):
        return None


def parse_artlist(content: bytes, content_type: str = "application/json") -> list[Article]:
    """Articles of an ``mode=artlist&format=json`` answer; GDELT's error texts raise."""
    text = content.decode("utf-8", errors="replace").strip()
    if not text:
        return []
    if not text.startswith("{"):
        # Errors come back as a short text or HTML page, with status 200.
        raise SourceError(f"GDELT answered: {' '.join(text.split())[:200]}")
    try:
        document = json.loads(text, strict=False)
    except json.JSONDecodeError:
        # GDELT sometimes leaves raw control characters in titles.
        cleaned = "".join(ch for ch in text if ch >= " " or ch in "\t\n")
        try:
            document = json.loads(cleaned, strict=False)
        except json.JSONDecodeError as error:
            raise SourceError(f"GDELT answered malformed JSON: {error}") from None
    articles = []
    for item in document.get("articles", []) or []:
        url = str(item.get("url") or "").strip()
        if not url:
            continue
        articles.append(
            Article(
                url=url,
                title=str(item.get("title") or "").strip(),
                seen=_seen(str(item.get("seendate") or "")),
                domain=str(item.get("domain") or ""),
                language=str(item.get("language") or ""),
                country=str(item.get("sourcecountry") or ""),
            )
        )
    return articles


def _window_articles(
    context: Context, query: str, start: datetime, end: datetime
) -> Iterator[Article | Notice]:
    options = context.source.options
    url = query_url(options["endpoint"], query, start, end, options["max_records"])
    fetched = context.fetch(url, (*JSON_TYPES, "text/html", "text/plain"))
    articles = parse_artlist(fetched.content, fetched.content_type)
    if len(articles) >= options["max_records"]:
        if end - start > timedelta(minutes=options["min_window_minutes"]):
            middle = start + (end - start) / 2
            middle = middle.replace(second=0, microsecond=0)
            yield from _window_articles(context, query, start, middle)
            yield from _window_articles(context, query, middle, end)
            return
        yield Notice(
            f"{len(articles)} articles (GDELT's cap) for {query!r} between {start:%Y-%m-%d %H:%M}"
            f" and {end:%Y-%m-%d %H:%M}: some may be missing"
        )
    yield from articles


def _start(context: Context, label: str, end: datetime) -> tuple[datetime, list[Notice]]:
    notices = []
    options = context.source.options
    if context.since:
        start = datetime.combine(context.since, datetime.min.time())
    elif label in context.cursor:
        start = datetime.fromisoformat(context.cursor[label])
    else:
        start = end - timedelta(days=options["lookback_days"])
    if start < end - WINDOW_LIMIT:
        notices.append(
            Notice(
                f"GDELT covers about three months: {label} starts "
                f"{end - WINDOW_LIMIT:%Y-%m-%d} instead of {start:%Y-%m-%d}"
            )
        )
        start = end - WINDOW_LIMIT
    return start, notices


def discover_gdelt(context: Context) -> Iterator[Found]:
    options = context.source.options
    # Whole hours, in UTC without a zone, as GDELT's parameters are written.
    end = context.now.replace(tzinfo=None, minute=0, second=0, microsecond=0)
    plans: list[tuple[str, list[str]]] = []
    for language in options["languages"]:
        phrases = search_phrases(language, tuple(options["forms"]))
        if phrases:
            plans.append((language, build_queries(phrases, language)))
        else:
            yield Notice(f"no {'/'.join(options['forms'])} names in the {language} lexicon")
    if options["english_everywhere"]:
        plans.append(("all", build_queries(search_phrases("en", tuple(options["forms"])), None)))
    step = timedelta(hours=options["window_hours"])
    for label, queries in plans:
        start, notices = _start(context, label, end)
        yield from notices
        while start < end:
            window_end = min(start + step, end)
            for query in queries:
                for found in _window_articles(context, query, start, window_end):
                    if isinstance(found, Notice):
                        yield found
                        continue
                    yield Candidate(
                        key=found.url,
                        url=found.url,
                        title=found.title,
                        published=found.seen.date() if found.seen else None,
                        language=language_code(found.language),
                        country=found.country,
                    )
            yield Checkpoint({label: window_end.isoformat()})
            start = window_end
