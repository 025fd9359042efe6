"""Common Crawl: a crawl ID (CC-MAIN-2024-10) turned into the URLs of its WET or WARC files.

The listing is the crawl's `wet.paths.gz` (or `warc.paths.gz`): one path per line, relative
to the data server. It is read from a local copy (`--paths-file`) or fetched from the server.
"""

from __future__ import annotations

import fnmatch
import gzip
import re
from dataclasses import dataclass
from pathlib import Path

from treatywatch.core.tabular import Problem, TableError
from treatywatch.sweep.inputs import FetchError, HttpSource

CRAWL_ID = re.compile(r"CC-MAIN-\d{4}-\d{2}")
DEFAULT_BASE_URL = "https://data.commoncrawl.org/"
KINDS = ("wet", "warc")


def is_crawl_id(value: str) -> bool:
    return CRAWL_ID.fullmatch(value) is not None


@dataclass(frozen=True)
class CrawlOptions:
    """How to list a crawl's files: a local listing or the server's, a filter, a cap."""

    paths_file: Path | None = None
    match: str | None = None  # a glob on the listed path, e.g. '*/segments/1707947473347.0/*'
    limit: int | None = None
    base_url: str = DEFAULT_BASE_URL
    kind: str = "wet"


def _decode_listing(data: bytes, name: str) -> str:
    if data.startswith(b"\x1f\x8b"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as error:
            raise TableError([Problem(name, 0, "listing", f"corrupt gzip: {error}")]) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TableError([Problem(name, 0, "listing", f"not UTF-8 text: {error}")]) from None


def read_listing(crawl_id: str, options: CrawlOptions) -> tuple[str, str]:
    """The listing's text and a name for it in messages."""
    if options.paths_file is not None:
        try:
            data = options.paths_file.read_bytes()
        except OSError as error:
            name = str(options.paths_file)
            raise TableError(
                [Problem(name, 0, "paths-file", error.strerror or str(error))]
            ) from None
        return _decode_listing(data, str(options.paths_file)), str(options.paths_file)
    url = f"{options.base_url.rstrip('/')}/crawl-data/{crawl_id}/{options.kind}.paths.gz"
    try:
        with HttpSource(url).open_range(0, None) as reader:
            data = reader.read()
    except FetchError as error:
        raise TableError([Problem(url, 0, "listing", str(error))]) from None
    return _decode_listing(data, url), url


def crawl_urls(crawl_id: str, options: CrawlOptions) -> list[str]:
    """URLs of the crawl's files that pass the filter, in listing order, up to the limit.

    Every listed path must belong to the crawl: a listing of another crawl is an error
    naming its line, not a silent sweep of the wrong data."""
    if not is_crawl_id(crawl_id):
        raise TableError([Problem("<arguments>", 0, "crawl", f"{crawl_id!r} is not a crawl ID")])
    if options.kind not in KINDS:
        raise TableError([Problem("<arguments>", 0, "kind", f"{options.kind!r}: use wet or warc")])
    text, name = read_listing(crawl_id, options)
    prefix = f"crawl-data/{crawl_id}/"
    base = options.base_url.rstrip("/") + "/"
    problems: list[Problem] = []
    urls: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        path = line.strip()
        if not path:
            continue
        if not path.startswith(prefix):
            problems.append(Problem(name, number, "path", f"{path!r} is not in crawl {crawl_id}"))
            continue
        if options.match and not fnmatch.fnmatchcase(path, options.match):
            continue
        if options.limit is None or len(urls) < options.limit:
            urls.append(base + path)
    if problems:
        raise TableError(problems)
    return urls
