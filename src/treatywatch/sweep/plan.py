"""Turn the command's inputs (paths, URLs, crawl IDs) into tasks of similar size.

Gzipped WARC/WET files are split into byte ranges (see `members`), so that even one large
file keeps every worker busy; other files are batched whole. Files under a folder come in
the order `treatywatch scan` reads them, so the mentions come out in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from treatywatch.core.extract.sniff import sniff_binary
from treatywatch.core.scanning import files_under
from treatywatch.sweep.crawl import CrawlOptions, crawl_urls, is_crawl_id
from treatywatch.sweep.inputs import FetchError, HttpSource, is_url
from treatywatch.sweep.members import PROBE_BYTES, inflates_to_warc, split_ranges
from treatywatch.sweep.tasks import FilesTask, RangeTask, Task

MiB = 1024 * 1024
MIN_CHUNK = 4 * MiB
MAX_CHUNK = 64 * MiB
TASKS_PER_WORKER = 16  # enough tasks that no worker idles long at the end
BATCH_FILES = 64
PROBE_URLS = 64  # above this many URLs, sizes are not asked for: one task per URL
HEAD = 8192
WARC_NAMES = (".warc.gz", ".wet.gz", ".warc.wet.gz")


@dataclass
class Unit:
    """One file or URL, classified."""

    location: str
    label: str
    size: int | None
    kind: str  # 'gz-warc', 'warc' (plain), 'other'
    ranges: bool = True  # False for a server that ignores byte ranges


@dataclass
class Plan:
    tasks: list[Task]
    inputs: list[str]
    units: int
    weight: int
    chunk: int
    skipped: list[tuple[str, str]] = field(default_factory=list)


def classify(head: bytes) -> str:
    """'gz-warc', 'warc' or 'other', deciding as the extractor does (signature first)."""
    kind = sniff_binary(head[:HEAD])
    if kind == "gz":
        return "gz-warc" if inflates_to_warc(head[:PROBE_BYTES]) else "other"
    return "warc" if kind == "warc" else "other"


def _local_unit(path: Path) -> Unit:
    label = str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(PROBE_BYTES)
        size = path.stat().st_size
    except OSError:
        return Unit(label, label, 0, "other")  # the extractor reports why it is unreadable
    return Unit(label, label, size, classify(head))


def _url_unit(url: str, probe: bool) -> Unit:
    if not probe:
        # Too many to ask one by one: trust the name, and read each file whole in one task.
        kind = "gz-warc" if url.lower().endswith(WARC_NAMES) else "other"
        return Unit(url, url, None, kind, ranges=False)
    source = HttpSource(url)
    head = source.probe(PROBE_BYTES)
    return Unit(url, url, source.size, classify(head), ranges=source.accepts_ranges)


class InputError(Exception):
    """Inputs that name nothing: every one of them, so the user can fix them in one go."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("; ".join(messages))


def expand(inputs: list[str], crawl: CrawlOptions) -> list[str]:
    """URLs and local files named by the inputs, folders walked in sorted order.

    Raises InputError for a missing path, TableError for a bad crawl listing."""
    problems: list[str] = []
    locations: list[str] = []
    for value in inputs:
        if is_url(value):
            locations.append(value)
        elif is_crawl_id(value):
            locations.extend(crawl_urls(value, crawl))
        else:
            path = Path(value)
            if not path.exists():
                problems.append(f"no such file or folder: {value}")
            elif path.is_dir():
                locations.extend(str(each) for each in files_under(path))
            else:
                locations.append(str(path))
    if problems:
        raise InputError(problems)
    return locations


def choose_chunk(weight: int, workers: int) -> int:
    """Range size for splitting: about TASKS_PER_WORKER tasks per worker, within bounds."""
    return max(MIN_CHUNK, min(MAX_CHUNK, weight // max(workers * TASKS_PER_WORKER, 1)))


def plan_sweep(
    inputs: list[str],
    workers: int,
    crawl: CrawlOptions | None = None,
    chunk_bytes: int | None = None,
) -> Plan:
    """Every task of the sweep, in input order."""
    locations = expand(inputs, crawl or CrawlOptions())
    urls = sum(1 for location in locations if is_url(location))
    units: list[Unit] = []
    skipped: list[tuple[str, str]] = []
    for location in locations:
        if not is_url(location):
            units.append(_local_unit(Path(location)))
            continue
        try:
            units.append(_url_unit(location, probe=urls <= PROBE_URLS))
        except FetchError as error:
            skipped.append((location, str(error)))
    weight = sum(unit.size or 0 for unit in units)
    chunk = chunk_bytes or choose_chunk(
        sum(unit.size or 0 for unit in units if unit.kind == "gz-warc"), workers
    )
    tasks: list[Task] = []
    batch: list[Unit] = []

    def flush() -> None:
        if batch:
            tasks.append(
                FilesTask(
                    len(tasks),
                    tuple(unit.location for unit in batch),
                    sum(unit.size or 0 for unit in batch),
                )
            )
            batch.clear()

    for unit in units:
        if unit.kind == "other":
            batch.append(unit)
            if len(batch) >= BATCH_FILES or sum(each.size or 0 for each in batch) >= chunk:
                flush()
            continue
        flush()
        if unit.kind == "gz-warc" and unit.ranges and unit.size:
            for start, end in split_ranges(unit.size, chunk):
                tasks.append(
                    RangeTask(len(tasks), unit.location, unit.label, start, end, unit.size)
                )
        else:
            tasks.append(
                RangeTask(
                    len(tasks),
                    unit.location,
                    unit.label,
                    0,
                    None,
                    unit.size,
                    compressed=unit.kind == "gz-warc",
                )
            )
    flush()
    return Plan(tasks, list(inputs), len(units), weight, chunk, skipped)
