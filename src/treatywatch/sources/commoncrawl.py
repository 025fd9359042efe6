"""Common Crawl WET or WARC files, local (globs allowed) or by URL, streamed record by record."""

from __future__ import annotations

import glob
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from treatywatch.core.dates import DateError, parse_date
from treatywatch.core.extract import Extracted, iter_warc_records
from treatywatch.monitor.fetcher import WARC_TYPES
from treatywatch.sources.base import (
    Candidate,
    Checkpoint,
    Context,
    Found,
    Notice,
    language_code,
)

__all__ = ["discover_commoncrawl", "published_day"]


def published_day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return parse_date(text.strip()[:10])
    except DateError:
        return None


def _expand(pattern: str) -> list[str]:
    if pattern.startswith(("http://", "https://")):
        return [pattern]
    if not glob.has_magic(pattern):
        return [pattern]
    # glob.glob, not Path.glob: the configured patterns are absolute paths.
    return sorted(glob.glob(pattern))  # noqa: PTH207


def discover_commoncrawl(context: Context) -> Iterator[Found]:
    done = list(context.cursor.get("done", []))
    for pattern in context.source.options["paths"]:
        paths = _expand(pattern)
        if not paths:
            yield Notice(f"no file matches {pattern}")
        for path in paths:
            if path in done:
                continue  # read to the end by an earlier run
            local = (
                context.download(path, WARC_TYPES)
                if path.startswith(("http://", "https://"))
                else path
            )
            skipped: list[str] = []
            try:
                handle = Path(local).open("rb")  # noqa: SIM115 (closed by the with below)
            except OSError as error:
                yield Notice(f"{path}: unreadable: {error.strerror or error}")
                continue
            with handle:
                for result in iter_warc_records(handle, path):
                    if isinstance(result, Extracted):
                        yield Candidate(
                            key=result.source,
                            url=result.url or result.source,
                            title=result.title or "",
                            published=published_day(result.published),
                            language=language_code(result.language),
                            text=result.text,
                        )
                    else:
                        skipped.append(f"{result.source}: {result.reason}")
            if skipped:
                yield Notice(f"{path}: {len(skipped)} record(s) skipped, e.g. {skipped[0]}")
            done.append(path)
            yield Checkpoint({"done": list(done)})
