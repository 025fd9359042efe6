"""Local files and folders handed to `treatywatch ingest`, read through the extractor."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from treatywatch.core.dedup import text_hash
from treatywatch.core.extract import Extracted, extract_path
from treatywatch.sources.base import Candidate, Context, Found, Notice, language_code
from treatywatch.sources.commoncrawl import published_day

__all__ = ["discover_files", "file_url"]


def file_url(path: Path, member: str = "") -> str:
    """A stable address for a local document: its file URI, with the archive member after '#'."""
    uri = path.resolve().as_uri()
    return f"{uri}#{member}" if member else uri


def discover_files(context: Context) -> Iterator[Found]:
    published: date | None = context.source.options.get("published")
    for pattern in context.source.options["paths"]:
        root = Path(pattern)
        if not root.exists():
            yield Notice(f"{pattern}: no such file or folder")
            continue
        for result in extract_path(root):
            if not isinstance(result, Extracted):
                yield Notice(f"{result.source}: skipped: {result.reason}")
                continue
            file_part, _, member = result.source.partition("!")
            url = result.url or file_url(Path(file_part), member)
            # The content is part of the key: an unchanged file is not read twice, an edited
            # one is read again.
            yield Candidate(
                key=f"{url}#{text_hash(result.text)}",
                url=url,
                title=result.title or "",
                published=published or published_day(result.published),
                language=language_code(result.language),
                text=result.text,
            )
