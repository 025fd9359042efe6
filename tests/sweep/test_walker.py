"""The sweep's record walker finds exactly what `treatywatch scan` finds, record by record."""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.extract.makers import make_pdf, make_warc
from tests.sweep.crawlfiles import MENTION, filler, wet_record, write_wet
from treatywatch.cli.scan import scan_file
from treatywatch.core.detect import default_detector
from treatywatch.core.extract import Extracted, Limits, extract_path
from treatywatch.sweep import plan_sweep, run_inline
from treatywatch.sweep.tasks import run_task

KEYS = ("start", "end", "text", "form", "lang", "confidence", "snippet", "url")

# Pieces that exercise the prefilter's edges: names in several scripts, the city in the
# news, hyphenation, soft hyphens, entities, Greek capitals (final sigma), stray bytes.
PIECES = [
    MENTION.encode(),
    "Любляно-Гаазька конвенція".encode(),
    "Σύμβαση της Λιουμπλιάνα-Χάγης".encode(),
    "ΣΥΜΒΑΣΗ ΛΙΟΥΜΠΛΙΑΝΑΣ".encode(),
    "Konwencja lublańsko-haska".encode(),
    "V Ljubljani so odprli knjižnico.".encode(),
    b"the MLA Convention",
    b"Ljub-\nljana",
    "Ljub\u00adljana".encode(),
    b"&amp; The Hague &#76;jubljana",
    b"\xff\xfe\xc3",
    b"\r\n",
    b" genocide ",
    b"Convention de Ljubljana-La Haye",
    b"weather council budget ",
]


def scan_rows(path: Path) -> tuple[list[tuple], int]:
    summary, rows = scan_file(path, default_detector(), None)
    return [(row["path"], *(row.get(key) for key in KEYS)) for row in rows], summary.documents


def sweep_rows(path: Path, chunk: int | None = None, limits: Limits | None = None):
    plan = plan_sweep([str(path)], workers=2, chunk_bytes=chunk)
    if limits is None:
        outcome = run_inline(plan.tasks, lambda task, result: None)
        results = outcome.results
    else:
        results = [run_task(task, None, limits) for task in plan.tasks]
    rows = [(row["source"], *(row[key] for key in KEYS)) for r in results for row in r.rows]
    return rows, sum(result.documents for result in results), results


payloads = st.lists(
    st.lists(st.sampled_from(PIECES), max_size=12).map(b"".join), min_size=1, max_size=6
)


@settings(max_examples=40, deadline=None)
@given(payloads=payloads, chunk=st.sampled_from([None, 300, 2000]))
def test_sweep_equals_scan_on_any_records(payloads, chunk):
    """Records built from the prefilter's hard cases: the sweep's mentions (sources,
    offsets, text, form, language, confidence, snippet, URL) and document count are the
    scan's, split into ranges or not."""
    records = [wet_record(payload, number) for number, payload in enumerate(payloads)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "x.wet.gz")
        write_wet(path, records)
        expected, documents = scan_rows(path)
        found, swept_documents, _ = sweep_rows(path, chunk)
    assert found == expected
    assert swept_documents == documents == len(records)


def test_records_without_an_id_are_named_as_scan_names_them(tmp_path: Path):
    """With no WARC-Record-ID, a record is named by its offset in the decompressed stream,
    by the sweep as by the extractor."""
    path = tmp_path / "noid.wet.gz"
    records = [
        wet_record(f"{filler(500 * n, n)} {MENTION}".encode(), n, with_id=False) for n in range(4)
    ]
    write_wet(path, records)
    expected, _ = scan_rows(path)
    found, _, _ = sweep_rows(path)
    assert found == expected
    assert expected[1][0] == f"{path}#{len(records[0])}"


def test_warc_captures_and_plain_warc_equal_scan(tmp_path: Path):
    """Response records (HTML, a PDF), requests and error pages in a WARC, gzipped or
    not: the sweep hands each document record to the extractor, as scan reads it."""
    page = (
        "<html lang='fr'><body><article><p>"
        + "La Suisse a consulté sur la Convention de Ljubljana-La Haye. " * 3
        + "</p></article></body></html>"
    ).encode()
    specs = [
        {"kind": "request", "url": "https://a.example/", "payload": b""},
        {"kind": "response", "url": "https://a.example/", "payload": page},
        {"kind": "response", "url": "https://a.example/x", "payload": page, "status": "404 Gone"},
        {
            "kind": "response",
            "url": "https://a.example/doc.pdf",
            "payload": make_pdf([MENTION.replace("–", "-")]),
            "content_type": "application/pdf",
        },
        {
            "kind": "conversion",
            "url": "https://a.example/",
            "payload": MENTION.encode(),
            "content_type": "text/plain",
        },
    ]
    for name, compress in (("c.warc.gz", True), ("c.warc", False)):
        path = tmp_path / name
        path.write_bytes(make_warc(specs, compress=compress))
        expected, documents = scan_rows(path)
        found, swept_documents, _ = sweep_rows(path, chunk=500)
        assert found == expected and len(found) >= 5
        assert swept_documents == documents == 3


def test_an_irregular_record_hands_the_rest_to_the_extractor(tmp_path: Path):
    """A record the walker does not read itself (a bare LF after the payload) and all after
    it are read by the extractor: same mentions as scan."""
    good = wet_record(f"{filler(800, 1)} {MENTION}".encode(), 1)
    odd = wet_record(f"Odd. {MENTION}".encode(), 2)[:-4] + b"\n\n"
    after = wet_record(f"{filler(800, 3)} {MENTION}".encode(), 3)
    for name, level in (("odd.wet.gz", 6), ("odd.wet", None)):
        path = tmp_path / name
        if level is None:
            path.write_bytes(good + odd + after)
        else:
            write_wet(path, [good, odd, after], level)
        expected, documents = scan_rows(path)
        found, swept_documents, _ = sweep_rows(path)
        assert found == expected and len(found) == 3
        assert swept_documents == documents


def test_a_record_over_the_size_limit_is_skipped_as_scan_skips_it(tmp_path: Path):
    path = tmp_path / "big.wet.gz"
    write_wet(
        path,
        [
            wet_record(MENTION.encode(), 1),
            wet_record(f"{filler(5000, 2)} {MENTION}".encode(), 2),
            wet_record(MENTION.encode(), 3),
        ],
    )
    limits = Limits(max_bytes=2000)
    scanned = list(extract_path(path, limits))
    expected_skips = [(r.source, r.reason) for r in scanned if not isinstance(r, Extracted)]
    _, documents, results = sweep_rows(path, limits=limits)
    assert [skip for result in results for skip in result.skipped] == expected_skips
    assert len(expected_skips) == 1 and "over size limit" in expected_skips[0][1]
    assert documents == 2


def test_a_truncated_file_keeps_the_records_before_the_break(tmp_path: Path):
    """A download cut short: the records before the break are read, the break reported."""
    path = tmp_path / "cut.wet.gz"
    offsets = write_wet(path, [wet_record(MENTION.encode(), n) for n in range(3)])
    data = path.read_bytes()
    path.write_bytes(data[: offsets[2] + 30])
    found, documents, results = sweep_rows(path)
    assert len(found) == 2 and documents == 2
    ((source, reason),) = [skip for result in results for skip in result.skipped]
    assert source == str(path) and reason.startswith("corrupt WARC")


def test_documents_are_counted_per_declared_language(tmp_path: Path):
    """Counted or read closely, each document counts once under the language it declares
    (the first of Common Crawl's list), or 'und' when it declares none."""
    path = tmp_path / "langs.wet.gz"
    specs = [("slv,eng", True), ("fra", False), (None, False), ("slv", False), ("eng", True)]
    write_wet(
        path,
        [
            wet_record((MENTION if has_mention else filler(300, n)).encode(), n, language=code)
            for n, (code, has_mention) in enumerate(specs)
        ],
    )
    _, documents, results = sweep_rows(path)
    counts = sum((result.document_languages for result in results), Counter())
    assert counts == Counter({"sl": 2, "fr": 1, "und": 1, "en": 1})
    assert documents == 5
