"""From extracted documents to mention rows: the one definition `scan` and `sweep` share.

Both commands must report the same mentions for the same document, so the language hint and
the row layout live here and nowhere else.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from treatywatch.core.detect import Detector, Mention
from treatywatch.core.extract import Extracted

__all__ = [
    "document_mentions",
    "files_under",
    "language_hint",
    "mention_row",
    "quiet_parsers",
    "record_id_of",
]


@lru_cache(maxsize=256)
def _alpha_2(code_or_name: str) -> str | None:
    import pycountry

    languages = pycountry.languages
    if len(code_or_name) == 2:
        found = languages.get(alpha_2=code_or_name)
    elif len(code_or_name) == 3:
        # Bibliographic codes ('fre', 'ger') are what some crawlers write; ISO 639-3 has 'fra'.
        found = languages.get(alpha_3=code_or_name) or languages.get(bibliographic=code_or_name)
    else:
        try:
            found = languages.lookup(code_or_name)  # a name such as 'English'
        except LookupError:
            found = None
    return getattr(found, "alpha_2", None) if found is not None else None


def language_hint(declared: str | None) -> str | None:
    """A two-letter code from what a document or source declares: 'en-US' → 'en', 'slv,eng' →
    'sl' (Common Crawl lists the main language first), 'ger' → 'de', 'English' → 'en'; None
    when nothing usable is declared."""
    if not declared or not declared.strip():
        return None
    first = re.split(r"[,;\s]+", declared.strip(), maxsplit=1)[0]
    primary = re.split(r"[-_]", first, maxsplit=1)[0].lower()
    if not primary.isalpha() or len(primary) < 2:
        return None
    return _alpha_2(primary)


def document_mentions(
    document: Extracted, detector: Detector, lang: str | None = None
) -> list[Mention]:
    """Every mention in one document; `lang` (the user's hint) wins over the declared one."""
    return detector.detect(document.text, lang or language_hint(document.language))


def record_id_of(source: str, container: str) -> str | None:
    """The WARC-Record-ID in `container#<id>` or `container#<id>!member`, else None."""
    prefix = container + "#"
    if not source.startswith(prefix):
        return None
    return source[len(prefix) :].split("!", 1)[0] or None


def mention_row(document: Extracted, mention: Mention) -> dict[str, Any]:
    """The row `scan` prints for a mention; `url` only when the document has one."""
    row: dict[str, Any] = {
        "path": document.source,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "form": mention.form,
        "lang": mention.lang,
        "confidence": mention.confidence,
        "snippet": mention.snippet,
    }
    if document.url:
        row["url"] = document.url
    return row


def quiet_parsers() -> None:
    """Parsers log what they could not read; the skip reasons already say it."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)


def files_under(folder: Path) -> Iterator[Path]:
    """Every file under `folder` in the order `extract_path` reads them (sorted by path)."""
    found: list[Path] = []
    # os.walk does not follow directory symlinks, so a link loop cannot trap the walk.
    for root, _dirs, files in os.walk(folder):
        found.extend(Path(root, name) for name in files)
    yield from sorted(found, key=lambda path: path.as_posix())
