"""Splitting gzipped WET files into byte ranges: every record is read exactly once."""

from __future__ import annotations

import io
import itertools
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.sweep.crawlfiles import MENTION, filler, gzip_member, record_id, wet_record, write_wet
from treatywatch.sweep import plan_sweep, run_inline
from treatywatch.sweep.inputs import LocalSource
from treatywatch.sweep.members import MemberReader, inflates_to_warc, next_member_start

record_sizes = st.lists(st.integers(min_value=0, max_value=6000), min_size=1, max_size=30)


def _read_range(path: Path, size: int, start: int, end: int) -> tuple[bytes, int, int | None]:
    source = LocalSource(str(path))
    first = next_member_start(source, start, size)
    if first >= end:
        return b"", first, first
    with source.open_range(first, None) as raw:
        reader = MemberReader(raw, first, end)  # type: ignore[arg-type]
        parts = []
        while chunk := reader.read(65536):
            parts.append(chunk)
    assert reader.damage is None
    return b"".join(parts), first, reader.stop


@settings(max_examples=60, deadline=None)
@given(
    sizes=record_sizes,
    chunk=st.integers(min_value=1, max_value=40_000),
    level=st.sampled_from([0, 1, 6]),
)
def test_ranges_decompress_to_the_whole_stream_once(sizes, chunk, level):
    """Whatever the record and range sizes, the ranges' outputs, in order, are exactly the
    whole decompressed file, and each range starts where the previous one stopped."""
    records = [
        wet_record(filler(size, number).encode(), number) for number, size in enumerate(sizes)
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "x.wet.gz")
        offsets = write_wet(path, records, level)
        size = path.stat().st_size
        outputs = []
        stop: int | None = 0
        for start in range(0, size, chunk):
            output, first, stop_here = _read_range(path, size, start, min(start + chunk, size))
            assert first == stop  # the chain of proofs holds: no search was misled here
            assert first in offsets or first == size
            outputs.append(output)
            stop = stop_here
        assert stop == size
    assert b"".join(outputs) == b"".join(records)


@settings(max_examples=25, deadline=None)
@given(sizes=record_sizes, chunk=st.integers(min_value=200, max_value=30_000))
def test_sweep_tasks_report_each_record_once(sizes, chunk):
    """Run as sweep tasks, every record (each holding one mention) yields its mention
    exactly once, and the document count is the record count."""
    records = [
        wet_record(f"{filler(size, number)} {MENTION}".encode(), number)
        for number, size in enumerate(sizes)
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "x.wet.gz")
        write_wet(path, records)
        plan = plan_sweep([str(path)], workers=2, chunk_bytes=chunk)
        outcome = run_inline(plan.tasks, lambda task, result: None)
    found = Counter(row["record_id"] for result in outcome.results for row in result.rows)
    assert found == Counter(record_id(number) for number in range(len(sizes)))
    assert sum(result.documents for result in outcome.results) == len(sizes)
    assert outcome.reruns == 0


def _embedded_warc_file(folder: Path) -> tuple[Path, list[int], int]:
    """Three records; the middle one's payload is a gzipped WARC record (a capture of a
    .warc.gz), and that member is stored uncompressed, so a real-looking member start lies
    inside it. Returns the path, the true member offsets and the fake start's offset."""
    inner = gzip_member(wet_record(f"Inner capture. {MENTION}".encode(), 99))
    payload = b"Captured file follows:\n" + inner + b"\nEnd of capture."
    records = [
        wet_record(f"{filler(3000, 1)} {MENTION}".encode(), 1),
        wet_record(payload, 2),
        wet_record(f"{filler(3000, 3)} {MENTION}".encode(), 3),
    ]
    path = folder / "nested.wet.gz"
    offsets = [0]
    with path.open("wb") as handle:
        handle.write(gzip_member(records[0]))
        offsets.append(handle.tell())
        handle.write(gzip_member(records[1], level=0))  # stored: the inner bytes show as is
        offsets.append(handle.tell())
        handle.write(gzip_member(records[2]))
    data = path.read_bytes()
    fake = data.index(inner)
    assert inflates_to_warc(data[fake:]) is True
    return path, offsets, fake


def test_a_misleading_member_start_is_caught_and_the_range_run_again(tmp_path: Path):
    """A range boundary just before a gzipped WARC stored inside a record: the search takes
    the inner member for a start, the previous range proves otherwise, and the range is run
    again from the proven offset. The inner record is never reported as one of the file's."""
    path, offsets, fake = _embedded_warc_file(tmp_path)
    assert next_member_start(LocalSource(str(path)), fake - 5, path.stat().st_size) == fake
    size = path.stat().st_size
    boundaries = [0, fake - 5, offsets[2] + 10, size]
    plan = plan_sweep([str(path)], workers=2, chunk_bytes=size)
    (task,) = plan.tasks
    tasks = [
        replace(task, index=index, start=start, end=end)
        for index, (start, end) in enumerate(itertools.pairwise(boundaries))
    ]
    outcome = run_inline(tasks, lambda task, result: None)
    assert outcome.reruns == 1
    ids = [row["record_id"] for result in outcome.results for row in result.rows]
    assert ids == [record_id(1), record_id(3)]
    assert sum(result.documents for result in outcome.results) == 3
    assert not [skip for result in outcome.results for skip in result.skipped]


def test_inflates_to_warc_needs_the_record_start():
    member = gzip_member(b"WARC/1.0\r\n")
    assert inflates_to_warc(member) is True
    assert inflates_to_warc(gzip_member(b"<html>")) is False
    assert inflates_to_warc(b"\x1f\x8b\x08\x00garbage-garbage") is False
    assert inflates_to_warc(member[:6]) is None


def test_member_reader_reports_a_truncated_file_as_damage():
    member = gzip_member(wet_record(b"text", 1))
    reader = MemberReader(io.BytesIO(member + member[:-9]), 0, None)  # type: ignore[arg-type]
    output = b""
    while chunk := reader.read(1 << 20):
        output += chunk
    assert output.startswith(b"WARC/1.0") and isinstance(reader.damage, EOFError)
