"""The unit of work a Dask worker runs: a byte range of a WARC/WET file, or a batch of files.

A task returns a small `TaskResult` (counts, the mention rows, what was skipped): mentions are
sparse, so results travel back to the client, which writes one Parquet file.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from treatywatch.core.detect import Detector, default_detector
from treatywatch.core.extract import (
    DEFAULT_LIMITS,
    Extracted,
    Limits,
    Skipped,
    extract_bytes,
    extract_path,
    iter_warc_records,
)
from treatywatch.core.extract.context import LimitExceeded
from treatywatch.core.scanning import (
    document_mentions,
    language_hint,
    quiet_parsers,
    record_id_of,
)
from treatywatch.sweep.inputs import FetchError, HttpSource, open_source
from treatywatch.sweep.members import MemberReader, next_member_start
from treatywatch.sweep.walker import Walker

UNDETERMINED = "und"  # ISO 639-2 for a language not identified
COLUMNS = (
    "source",
    "url",
    "record_id",
    "lang",
    "start",
    "end",
    "text",
    "form",
    "confidence",
    "snippet",
)


@dataclass(frozen=True)
class RangeTask:
    """Records of a WARC/WET file whose gzip members start in [start, end) (a plain file
    is never split: start 0, end None)."""

    index: int
    location: str  # a path or a URL
    label: str  # the source name mentions carry: the path as `scan` prints it, or the URL
    start: int
    end: int | None
    size: int | None
    compressed: bool = True
    # Set when a rerun starts from the offset the previous range proved (engine.reconcile).
    proven_start: int | None = None

    @property
    def weight(self) -> int:
        """Bytes of input this task covers, for the progress bar."""
        if self.end is None:
            return max((self.size or 0) - self.start, 0)
        return self.end - self.start


@dataclass(frozen=True)
class FilesTask:
    """Whole files or URLs extracted as `scan` extracts them (any format)."""

    index: int
    locations: tuple[str, ...]
    weight: int


Task = RangeTask | FilesTask


@dataclass
class TaskResult:
    """What one task found; results add up in the client."""

    index: int
    weight: int = 0
    documents: int = 0
    bytes: int = 0
    documents_with_mentions: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)
    # Documents read per declared language ('und' when none): the denominators that make
    # mention counts per language comparable.
    document_languages: Counter[str] = field(default_factory=Counter)
    # For a range: the member offset it started from and the one it stopped at (None when
    # the data broke), so consecutive ranges can be checked to meet exactly.
    first: int | None = None
    stop: int | None = None

    def add(
        self, result: Extracted | Skipped, container: str, detector: Detector, lang: str | None
    ) -> None:
        if isinstance(result, Skipped):
            self.skipped.append((result.source, result.reason))
            return
        self.documents += 1
        self.document_languages[language_hint(result.language) or UNDETERMINED] += 1
        mentions = document_mentions(result, detector, lang)
        if not mentions:
            return
        self.documents_with_mentions += 1
        record_id = record_id_of(result.source, container)
        for mention in mentions:
            self.languages[mention.lang] += 1
            self.rows.append(
                {
                    "source": result.source,
                    "url": result.url,
                    "record_id": record_id,
                    "lang": mention.lang,
                    "start": mention.start,
                    "end": mention.end,
                    "text": mention.text,
                    "form": mention.form,
                    "confidence": mention.confidence,
                    "snippet": mention.snippet,
                }
            )


def warm_up() -> str:
    """Build the detector in this worker before the clock starts; return its backend."""
    quiet_parsers()
    return default_detector().prefilter.backend


def run_task(task: Task, lang: str | None = None, limits: Limits = DEFAULT_LIMITS) -> TaskResult:
    """Run one task; bad input becomes a skip in the result, never an exception."""
    detector = default_detector()
    if isinstance(task, RangeTask):
        return _run_range(task, detector, lang, limits)
    return _run_files(task, detector, lang, limits)


def _run_files(task: FilesTask, detector: Detector, lang: str | None, limits: Limits) -> TaskResult:
    result = TaskResult(task.index, weight=task.weight)
    for location in task.locations:
        if location.startswith(("http://", "https://")):
            data, results = _fetch_whole(location, limits)
            result.bytes += len(data)
        else:
            path = Path(location)
            result.bytes += path.stat().st_size if path.is_file() else 0
            results = list(extract_path(path, limits))
        for each in results:
            result.add(each, location, detector, lang)
    return result


def _fetch_whole(url: str, limits: Limits) -> tuple[bytes, list[Extracted | Skipped]]:
    """A URL that is not a gzipped WARC: read it (up to the size limit) and extract it."""
    try:
        with HttpSource(url).open_range(0, None) as reader:
            data = reader.read(limits.max_bytes + 1)
    except FetchError as error:
        return b"", [Skipped(url, str(error))]
    if data.startswith(b"WARC/"):
        return data, list(iter_warc_records(io.BytesIO(data), url, limits))
    return data, list(extract_bytes(data, url, limits))


def _position_label(start: int) -> Any:
    if start == 0:
        return str  # the whole stream from its beginning: offsets are the extractor's own
    # Mid-file, the uncompressed offset of the range is unknown: name the gzip member too.
    return lambda offset: f"{start}+{offset}"


def _run_range(task: RangeTask, detector: Detector, lang: str | None, limits: Limits) -> TaskResult:
    result = TaskResult(task.index, weight=task.weight)
    source = open_source(task.location, task.size)
    size = task.size
    try:
        if not task.compressed:
            start = 0
        elif task.proven_start is not None:
            start = task.proven_start
        else:
            start = next_member_start(source, task.start, size or 0)
        result.first = start
        if task.end is not None and start >= task.end:
            result.stop = start  # no member starts in this range
            return result
        raw = source.open_range(start, None)
    except OSError as error:  # FetchError included: its message names the URL
        result.skipped.append((task.label, f"unreadable: {error}"))
        return result

    def on_result(each: Extracted | Skipped) -> None:
        result.add(each, task.label, detector, lang)

    walker = Walker(task.label, detector, limits, on_result, _position_label(start))
    members: MemberReader | None = None
    with raw:
        stream: Any = raw
        if task.compressed:
            members = MemberReader(raw, start, task.end, limits.max_ratio)  # type: ignore[arg-type]
            stream = members
        try:
            walker.walk(stream, damaged=lambda: members is not None and members.damage is not None)
        except (LimitExceeded, FetchError) as stopped:
            result.skipped.append((task.label, str(stopped)))
    stats = walker.stats
    result.documents += stats.counted_documents
    for declared, count in stats.counted_languages.items():
        hint = language_hint(declared.decode("ascii", "replace"))
        result.document_languages[hint or UNDETERMINED] += count
    result.bytes += stats.bytes
    if members is not None:
        result.stop = members.stop
        _report_damage(result, task, members, stats.complete_records, stats.cut_short)
    return result


def _report_damage(
    result: TaskResult, task: RangeTask, members: MemberReader, complete: int, cut: bool
) -> None:
    damage = members.damage
    if damage is None:
        return
    if isinstance(damage, FetchError):
        # A failed download reads like a broken stream to the inflater; say what it was.
        result.skipped.append((task.label, str(damage)))
        return
    dropped = "; the record the break cut was dropped" if cut else ""
    result.skipped.append(
        (
            task.label,
            f"corrupt WARC: gzip data from byte {members.start} broke after {complete} "
            f"complete records{dropped}: {type(damage).__name__}: {damage}",
        )
    )
