"""What extraction yields, and the limits that keep hostile input from exhausting the machine."""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds on what one input may cost; every one is configurable.

    - ``max_bytes``: the largest single document read into memory: a file, an archive
      member or a WARC record payload. Larger ones are skipped, not truncated.
    - ``max_pdf_pages``: a PDF with more pages is skipped.
    - ``max_decompressed_bytes``: total bytes expanded from one top-level input, summed over
      every nested archive member (WARC files streamed from disk are exempt: they are never
      held whole, and each record is bounded by ``max_bytes``).
    - ``max_ratio``: decompressed size over compressed size; above it an archive is a bomb.
    - ``max_archive_members``: a zip with more members is skipped whole.
    - ``max_depth``: how deep containers may nest (a zip in a zip is depth 2).
    """

    max_bytes: int = 64 * MiB
    max_pdf_pages: int = 2000
    max_decompressed_bytes: int = 256 * MiB
    max_ratio: float = 100.0  # judged once output passes 1 MiB (context.RATIO_FLOOR)
    max_archive_members: int = 10_000
    max_depth: int = 4


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Extracted:
    """The text of one document and what is known about it.

    ``source`` is the path, ``path!member`` inside an archive (nested: ``a.zip!b.zip!c.txt``),
    or ``path#<WARC-Record-ID>`` for a WARC or WET record.
    """

    source: str
    text: str
    format: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Skipped:
    """An input that was not read, and why, in words a user can act on."""

    source: str
    reason: str


Result = Extracted | Skipped
