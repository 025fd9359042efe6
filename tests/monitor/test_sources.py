"""The source adapters on their own, with a fake context: queries built, answers parsed."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.core.extract.makers import make_warc
from tests.monitor.site import marcxml
from treatywatch.monitor.config import SourceConfig, parse_config
from treatywatch.sources.base import (
    Candidate,
    Checkpoint,
    Fetched,
    Notice,
    SourceError,
    language_code,
)
from treatywatch.sources.commoncrawl import discover_commoncrawl
from treatywatch.sources.feeds import discover_feed, parse_feed
from treatywatch.sources.gdelt import build_queries, discover_gdelt, parse_artlist, search_phrases
from treatywatch.sources.sitemaps import discover_sitemap, parse_sitemap
from treatywatch.sources.undl import discover_undl, parse_marcxml

NOW = datetime(2026, 11, 29, 12, 30, tzinfo=UTC)


def source(kind: str, **fields: Any) -> SourceConfig:
    lines = [f"{key} = {json.dumps(value)}" for key, value in fields.items()]
    text = "\n".join(
        [
            "[monitor]",
            'contact = "mailto:a@b.org"',
            "[[source]]",
            'name = "s"',
            f'kind = "{kind}"',
            *lines,
        ]
    )
    return parse_config(text, "t.toml").sources[0]


@dataclass
class FakeContext:
    source: SourceConfig
    answer: Callable[[str], bytes]
    cursor: dict[str, Any] = field(default_factory=dict)
    since: date | None = None
    now: datetime = NOW
    fetched: list[str] = field(default_factory=list)

    def fetch(self, url: str, accept, conditional: bool = False) -> Fetched:
        self.fetched.append(url)
        return Fetched(url, self.answer(url), "application/json", NOW)

    def download(self, url: str, accept) -> Path:  # pragma: no cover - not used here
        raise AssertionError("no download expected")


def run(adapter, context) -> list:
    return list(adapter(context))


# --- GDELT ---------------------------------------------------------------------------------


def test_gdelt_phrases_come_from_the_lexicon_as_words():
    phrases = search_phrases("en", ("short",))
    assert "Ljubljana The Hague Convention" in phrases
    assert all("-" not in phrase and "–" not in phrase for phrase in phrases)
    assert len(phrases) == len({phrase.casefold() for phrase in phrases})  # no duplicates


def test_gdelt_queries_are_or_groups_restricted_by_language():
    queries = build_queries(["Convention de Ljubljana La Haye", "Convention Ljubljana"], "fr")
    assert queries == [
        '("Convention de Ljubljana La Haye" OR "Convention Ljubljana") sourcelang:fra'
    ]
    assert build_queries(["Ljubljana Hague Convention"], None) == ['"Ljubljana Hague Convention"']
    many = build_queries([f"phrase number {i} of many" for i in range(60)], "en")
    assert len(many) > 1 and all(len(query) <= 400 for query in many)


def test_gdelt_answers_are_parsed_and_errors_raised():
    text = json.dumps(
        {
            "articles": [
                {
                    "url": "https://a.example/1",
                    "title": "T\x01",
                    "seendate": "20261120T101500Z",
                    "language": "French",
                    "sourcecountry": "France",
                    "domain": "a.example",
                }
            ]
        }
    )
    (article,) = parse_artlist(text.replace("\\u0001", "\x01").encode())
    assert article.seen == datetime(2026, 11, 20, 10, 15) and article.country == "France"
    assert parse_artlist(b"{}") == [] and parse_artlist(b"") == []
    with pytest.raises(SourceError, match="phrase is too short"):
        parse_artlist(b"The specified phrase is too short.")


def _articles(count: int, day: str = "20261129") -> bytes:
    return json.dumps(
        {
            "articles": [
                {
                    "url": f"https://news.example/{day}/{i}",
                    "title": f"t{i}",
                    "seendate": f"{day}T000000Z",
                    "language": "English",
                    "sourcecountry": "Ireland",
                }
                for i in range(count)
            ]
        }
    ).encode()


def test_a_full_gdelt_window_is_split_until_it_fits():
    """250 articles (the cap) for a 24-hour window: halves are asked, down to the minimum;
    a window still full is reported."""

    def answer(url: str) -> bytes:
        params = parse_qs(urlsplit(url).query)
        start = datetime.strptime(params["startdatetime"][0], "%Y%m%d%H%M%S")
        end = datetime.strptime(params["enddatetime"][0], "%Y%m%d%H%M%S")
        hours = (end - start).total_seconds() / 3600
        return _articles(250 if hours > 3 else 40, start.strftime("%Y%m%d%H"))

    config = source(
        "gdelt",
        languages=["en"],
        english_everywhere=False,
        lookback_days=1,
        endpoint="https://gdelt.example/api",
        min_window_minutes=60,
    )
    context = FakeContext(config, answer)
    found = run(discover_gdelt, context)
    candidates = [item for item in found if isinstance(item, Candidate)]
    # 24 h → 12 h → 6 h → 3 h windows: eight windows of 40 articles each.
    assert len(candidates) == 8 * 40
    assert found[-1] == Checkpoint({"en": "2026-11-29T12:00:00"})
    assert candidates[0].language == "en" and candidates[0].country == "Ireland"
    assert all("sourcelang:eng" in parse_qs(urlsplit(u).query)["query"][0] for u in context.fetched)

    capped = FakeContext(config, lambda url: _articles(250))
    notices = [item for item in run(discover_gdelt, capped) if isinstance(item, Notice)]
    assert notices and "GDELT's cap" in notices[0].message


def test_gdelt_resumes_from_its_cursor_and_clamps_old_starts():
    config = source(
        "gdelt",
        languages=["en"],
        english_everywhere=False,
        window_hours=6,
        endpoint="https://gdelt.example/api",
    )
    resumed = FakeContext(config, lambda url: _articles(1), cursor={"en": "2026-11-29T06:00:00"})
    found = run(discover_gdelt, resumed)
    assert [item for item in found if isinstance(item, Checkpoint)] == [
        Checkpoint({"en": "2026-11-29T12:00:00"})
    ]
    old = FakeContext(config, lambda url: b"{}", since=date(2026, 1, 1))
    notices = [item.message for item in run(discover_gdelt, old) if isinstance(item, Notice)]
    assert "three months" in notices[0]
    first = parse_qs(urlsplit(old.fetched[0]).query)["startdatetime"][0]
    assert first == "20260831120000"


# --- UN Digital Library --------------------------------------------------------------------


def test_marcxml_records_are_read_with_their_files():
    total, records = parse_marcxml(marcxml("https://un.example"))
    assert total == 2
    report, other = records
    assert (report.recid, report.symbol, report.day) == ("4090001", "A/81/999", date(2026, 10, 1))
    assert (
        report.title
        == "International cooperation against impunity : report of the Secretary-General"
    )
    assert report.file_in("English") == "https://un.example/undl/files/A_81_999-EN.pdf"
    assert report.file_in("Français").endswith("-FR.pdf")
    assert other.file_in("English") is None
    with pytest.raises(SourceError, match="not MARCXML"):
        parse_marcxml(b"<html><body>Service unavailable</body></html>")


def test_undl_pages_until_the_reported_total():
    pages = []

    def answer(url: str) -> bytes:
        pages.append(parse_qs(urlsplit(url).query)["jrec"][0])
        return marcxml("https://un.example")

    config = source(
        "undl", query="Ljubljana", page_size=2, max_pages=5, endpoint="https://un.example/search"
    )
    found = run(discover_undl, FakeContext(config, answer))
    assert pages == ["1"]  # two records, two per page: done after the first
    urls = [item.url for item in found if isinstance(item, Candidate)]
    assert urls == [
        "https://un.example/undl/files/A_81_999-EN.pdf",
        "https://un.example/record/4090002",
    ]
    assert any("no English file" in item.message for item in found if isinstance(item, Notice))


# --- feeds and sitemaps --------------------------------------------------------------------

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry</title>
<entry><id>tag:ministry.example,2026:1</id><title>Old</title>
<link href="https://ministry.example/old"/><updated>2025-01-02T00:00:00Z</updated></entry>
<entry><id>tag:ministry.example,2026:2</id><title>New</title>
<link href="https://ministry.example/new"/><updated>2026-05-02T00:00:00Z</updated>
<content type="html">&lt;p&gt;The Ljubljana-The Hague Convention was discussed.&lt;/p&gt;</content>
</entry></feed>"""


def test_atom_entries_newest_first_with_their_text_when_asked():
    entries = parse_feed(ATOM, with_text=True)
    assert [e.key for e in entries] == [
        "tag:ministry.example,2026:2",
        "tag:ministry.example,2026:1",
    ]
    assert entries[0].published == date(2026, 5, 2)
    assert "Ljubljana-The Hague Convention was discussed." in entries[0].text
    with pytest.raises(SourceError, match="not a readable feed"):
        parse_feed(b"<<<not xml")


def test_a_feed_source_skips_entries_older_than_since():
    config = source("feed", url="https://ministry.example/atom")
    found = run(discover_feed, FakeContext(config, lambda url: ATOM, since=date(2026, 1, 1)))
    assert [item.url for item in found] == ["https://ministry.example/new"]


def test_a_sitemap_index_is_followed_to_its_depth():
    index = (
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://s.example/a.xml</loc></sitemap></sitemapindex>"
    )
    pages = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://s.example/p1</loc><lastmod>2026-02-01</lastmod></url>"
        b"<url><loc>https://s.example/p2</loc></url></urlset>"
    )
    assert parse_sitemap(index).sitemaps == ("https://s.example/a.xml",)
    answers = {"https://s.example/sitemap.xml": index, "https://s.example/a.xml": pages}
    config = source("sitemap", url="https://s.example/sitemap.xml")
    found = run(discover_sitemap, FakeContext(config, answers.__getitem__))
    assert [(c.key, c.url) for c in found] == [
        ("https://s.example/p1@2026-02-01", "https://s.example/p1"),
        ("https://s.example/p2", "https://s.example/p2"),
    ]
    shallow = source("sitemap", url="https://s.example/sitemap.xml", max_depth=0)
    notices = run(discover_sitemap, FakeContext(shallow, answers.__getitem__))
    assert "nested too deep" in notices[0].message
    with pytest.raises(SourceError, match="not a sitemap"):
        parse_sitemap(b"<html/>")


# --- Common Crawl --------------------------------------------------------------------------


def test_local_wet_files_are_streamed_and_finished_files_skipped(tmp_path):
    wet = make_warc(
        [
            {
                "kind": "conversion",
                "url": "https://a.example/x",
                "content_type": "text/plain",
                "payload": b"Some text.",
                "headers": {"WARC-Identified-Content-Language": "slv"},
            }
        ]
    )
    (tmp_path / "one.warc.wet.gz").write_bytes(wet)
    (tmp_path / "two.warc.wet.gz").write_bytes(wet)
    config = source("commoncrawl", paths=[str(tmp_path / "*.warc.wet.gz"), "/no/such/*.gz"])
    found = run(discover_commoncrawl, FakeContext(config, lambda url: b""))
    candidates = [item for item in found if isinstance(item, Candidate)]
    assert [c.url for c in candidates] == ["https://a.example/x"] * 2
    assert candidates[0].language == "sl" and candidates[0].text == "Some text."
    assert candidates[0].key.startswith(str(tmp_path / "one.warc.wet.gz") + "#")
    assert any("no file matches /no/such/*.gz" in i.message for i in found if isinstance(i, Notice))
    resumed = FakeContext(
        config, lambda url: b"", cursor={"done": [str(tmp_path / "one.warc.wet.gz")]}
    )
    again = [item for item in run(discover_commoncrawl, resumed) if isinstance(item, Candidate)]
    assert len(again) == 1


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("en", "en"),
        ("eng", "en"),
        ("English", "en"),
        ("fr-BE", "fr"),
        ("slv,eng", "sl"),
        ("ger", "de"),
        ("", ""),
        ("Klingon-ish", ""),
    ],
)
def test_language_codes_from_what_sources_print(value, code):
    assert language_code(value) == code
