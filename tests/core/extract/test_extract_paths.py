"""Files and folders on disk, and the promise that bad input never raises."""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from makers import gz_of, make_docx, make_pdf, zip_of

from treatywatch.core.extract import Extracted, Limits, Skipped, extract_bytes, extract_path


def test_folder_is_walked_recursively_in_sorted_order(tmp_path):
    """Every file under a folder is extracted, sub-folders included, sorted by path."""
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "z.txt").write_text("zed")
    (tmp_path / "a" / "y.md").write_text("# why")
    (tmp_path / "c.pdf").write_bytes(make_pdf(["see"]))
    (tmp_path / "empty.txt").write_bytes(b"")
    results = list(extract_path(tmp_path))
    names = [os.path.relpath(r.source, tmp_path) for r in results]
    assert names == ["a/y.md", "b/z.txt", "c.pdf", "empty.txt"]
    assert results[3] == Skipped(str(tmp_path / "empty.txt"), "empty file")


def test_a_single_file_and_a_missing_path(tmp_path):
    """A file path is extracted by itself; a missing path is a Skipped, not an error."""
    path = tmp_path / "note.txt"
    path.write_bytes(b"Ljubljana\n")
    assert list(extract_path(path)) == [Extracted(str(path), "Ljubljana\n", "txt")]
    missing = tmp_path / "nope.txt"
    assert list(extract_path(missing)) == [Skipped(str(missing), "no such file or folder")]


def test_oversized_file_is_skipped_without_reading_it(tmp_path):
    """A file over max_bytes is reported from its size alone."""
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    assert list(extract_path(path, Limits(max_bytes=1024))) == [
        Skipped(str(path), "over size limit: 2048 bytes > 1024 bytes")
    ]


def test_unreadable_file_is_skipped(tmp_path):
    """A file the process may not read is reported as unreadable (skipped when run as root)."""
    path = tmp_path / "secret.txt"
    path.write_text("x")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # root reads anything; nothing to test then
            return
        [result] = list(extract_path(path))
        assert isinstance(result, Skipped) and result.reason.startswith("unreadable")
    finally:
        path.chmod(0o644)


def test_gz_and_zip_files_on_disk(tmp_path):
    """Archives on disk are expanded like in-memory ones, with path!member sources."""
    (tmp_path / "a.txt.gz").write_bytes(gz_of(b"gz text"))
    (tmp_path / "b.zip").write_bytes(zip_of({"inner/c.docx": make_docx(["docx text"])}))
    results = list(extract_path(tmp_path))
    assert [os.path.relpath(r.source, tmp_path) for r in results] == [
        "a.txt.gz!a.txt",
        "b.zip!inner/c.docx",
    ]


VALID = {
    "pdf": make_pdf(["page one", "page two"]),
    "docx": make_docx(["para"], table=[["a", "b"]]),
    "zip": zip_of({"x.txt": b"x", "y.html": b"<html><body>y</body></html>"}),
    "gz": gz_of(b"gz"),
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(sorted(VALID)),
    cut=st.floats(min_value=0.0, max_value=1.0),
    flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8),
    name=st.sampled_from(["f.txt", "f.pdf", "f.docx", "f.zip", "f.gz", "f.eml", "f", "f.md"]),
)
def test_damaged_files_never_raise(kind, cut, flips, name):
    """Truncated or byte-flipped files of every binary format, under any name, yield only
    Extracted or Skipped results."""
    data = bytearray(VALID[kind][: max(1, int(len(VALID[kind]) * cut))])
    for where, value in flips:
        data[min(int(where * len(data)), len(data) - 1)] = value
    results = list(extract_bytes(bytes(data), name))
    assert results and all(isinstance(r, Extracted | Skipped) for r in results)


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2048), name=st.text(max_size=20))
def test_arbitrary_bytes_never_raise(data, name):
    """Any bytes under any name give at least one result and no exception."""
    results = list(extract_bytes(data, name))
    assert results and all(isinstance(r, Extracted | Skipped) for r in results)
