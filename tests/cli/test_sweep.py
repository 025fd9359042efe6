"""`treatywatch sweep` on a Dask LocalCluster gives `treatywatch scan`'s mentions."""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tests.core.extract.makers import make_docx, make_pdf, make_warc, zip_of
from tests.sweep.crawlfiles import filler, wet_record, write_wet
from treatywatch.cli import app
from treatywatch.sweep import SCHEMA

runner = CliRunner()
NAME = "Ljubljana–The Hague Convention"
SENTENCES = [
    f"Slovenia welcomed new signatures of the {NAME}.",
    "La Suisse a consulté sur la Convention de Ljubljana-La Haye.",
    "La Argentina firmó la Convención de Liubliana-La Haya.",
    "Der Bundesrat eröffnete die Vernehmlassung zum Übereinkommen von Ljubljana und Den Haag.",
    "Україна підписала Любляно-Гаазьку конвенцію.",
    "Podpis Ljubljansko-haaške konvencije je bil v Haagu.",
]
NEGATIVES = [
    "The Hague Convention of 1961 abolished the legalisation of foreign public documents.",
    "V Ljubljani so odprli novo knjižnico.",
    "The 1959 MLA Convention of the Council of Europe still governs most requests.",
]
LANGUAGES = ["eng", "fra", "spa", "deu", "ukr", "slv"]


def write_corpus(folder: Path) -> int:
    """Files of every kind; returns the uncompressed bytes the sweep should count."""
    rng = random.Random(5)
    (folder / "docs").mkdir(parents=True)
    (folder / "crawl").mkdir()
    (folder / "docs" / "a.txt").write_bytes(
        ("\ufeffIntro.\r\n" + SENTENCES[0] + "\r\n").encode("utf-8")
    )
    (folder / "docs" / "b.md").write_text("# Note\n\n" + SENTENCES[5] + "\n", encoding="utf-8")
    (folder / "docs" / "c.html").write_text(
        "<html><body><article><p>" + SENTENCES[1] * 3 + "</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "docs" / "d.pdf").write_bytes(make_pdf([SENTENCES[0].replace("–", "-")]))
    (folder / "docs" / "e.docx").write_bytes(make_docx([SENTENCES[2]]))
    (folder / "docs" / "f.zip").write_bytes(zip_of({"g.txt": SENTENCES[3].encode()}))
    (folder / "docs" / "h.pdf").write_bytes(b"%PDF-1.4 broken")
    (folder / "docs" / "i.txt").write_bytes(b"")
    warcio_wet = make_warc(
        [
            {
                "kind": "conversion",
                "url": f"https://w{number}.example/",
                "payload": SENTENCES[number].encode(),
                "content_type": "text/plain",
                "headers": {"WARC-Identified-Content-Language": LANGUAGES[number]},
            }
            for number in range(6)
        ]
    )
    (folder / "crawl" / "small.wet.gz").write_bytes(warcio_wet)
    records = []
    for number in range(240):
        parts = [filler(rng.randint(100, 3000), number)]
        if rng.random() < 0.2:
            parts.insert(rng.randint(0, 1), rng.choice(SENTENCES))
        if rng.random() < 0.2:
            parts.append(rng.choice(NEGATIVES))
        payload = " ".join(parts).encode()
        records.append(wet_record(payload, number, language=rng.choice(LANGUAGES)))
    write_wet(folder / "crawl" / "big.wet.gz", records)
    other = sum(path.stat().st_size for path in (folder / "docs").iterdir() if path.is_file())
    return other + len(gzip.decompress(warcio_wet)) + sum(len(record) for record in records)


def scan_json(folder: Path) -> tuple[list[dict], dict[str, int]]:
    result = runner.invoke(app, ["scan", str(folder)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    totals = re.search(
        r"scanned (\d+) files: (\d+) documents, (\d+) mentions, (\d+) skipped", result.stderr
    )
    assert totals
    files, documents, mentions, skipped = map(int, totals.groups())
    return rows, {"files": files, "documents": documents, "mentions": mentions, "skipped": skipped}


def as_scan_rows(table_rows: list[dict]) -> list[dict]:
    """Parquet rows in scan's layout (`source` is scan's `path`; `url` only when known)."""
    rows = []
    for row in table_rows:
        converted = {"path": row["source"]}
        converted.update(
            {key: row[key] for key in ("start", "end", "text", "form", "lang", "confidence")}
        )
        converted["snippet"] = row["snippet"]
        if row["url"]:
            converted["url"] = row["url"]
        rows.append(converted)
    return rows


@pytest.mark.slow
def test_two_dask_workers_find_what_scan_finds(tmp_path: Path):
    """On a LocalCluster of two worker processes, with the WET files split into many
    ranges, the Parquet mentions are scan's (same rows, same order) and the summary's
    counts are right."""
    corpus = tmp_path / "corpus"
    uncompressed = write_corpus(corpus)
    expected, totals = scan_json(corpus)
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["sweep", str(corpus), "--workers", "2", "--out", str(out), "--chunk-mb", "0.01"],
    )
    assert result.exit_code == 0, result.output
    table = pq.read_table(out / "mentions.parquet")
    assert table.schema.equals(SCHEMA)
    assert as_scan_rows(table.to_pylist()) == expected
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["workers"] == 2 and summary["tasks"] >= 8  # big.wet.gz in ranges
    assert summary["mentions"] == totals["mentions"] == len(expected) > 40
    assert summary["documents"] == totals["documents"]
    assert summary["documents_with_mentions"] == len({row["path"] for row in expected})
    assert summary["languages"] == dict(Counter(row["lang"] for row in expected))
    assert sum(summary["documents_by_language"].values()) == summary["documents"]
    assert summary["skipped"] == totals["skipped"] == 2
    assert summary["bytes"] == uncompressed
    assert summary["inputs"] == [str(corpus)] and summary["files"] == totals["files"]
    assert summary["ranges_rerun"] == 0 and summary["failed_tasks"] == []
    skipped = [json.loads(line) for line in (out / "skipped.jsonl").read_text().splitlines()]
    assert [item["source"] for item in skipped] == [
        str(corpus / "docs" / "h.pdf"),
        str(corpus / "docs" / "i.txt"),
    ]
    assert "mentions in" in result.stderr and "MB/s" in result.stderr


def test_inline_sweep_writes_the_same_files_without_dask(tmp_path: Path):
    """--scheduler inline runs in this process: same mentions as scan, an empty corpus
    leaves an empty Parquet file with the columns."""
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    expected, _ = scan_json(corpus)
    out = tmp_path / "out"
    args = ["sweep", str(corpus), "--scheduler", "inline", "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert as_scan_rows(pq.read_table(out / "mentions.parquet").to_pylist()) == expected
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "weather.txt").write_text("Rain in The Hague.", encoding="utf-8")
    result = runner.invoke(app, ["sweep", str(empty), "--scheduler", "inline", "--out", str(out)])
    assert result.exit_code == 0
    table = pq.read_table(out / "mentions.parquet")
    assert table.num_rows == 0 and table.schema.equals(SCHEMA)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["documents"] == 1 and summary["mentions"] == 0


def test_a_missing_path_fails_clearly_before_any_work(tmp_path: Path):
    """Every missing input is named; exit 2; no output folder is made."""
    (tmp_path / "ok.txt").write_text(SENTENCES[0], encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["sweep", str(tmp_path / "ok.txt"), "nope.wet.gz", "gone/", "--out", str(out)],
    )
    assert result.exit_code == 2
    assert "no such file or folder: nope.wet.gz" in result.stderr
    assert "no such file or folder: gone/" in result.stderr
    assert not out.exists()


def test_an_unknown_scheduler_address_fails_clearly(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("treatywatch.sweep.engine.CONNECT_SECONDS", 1)
    (tmp_path / "ok.txt").write_text(SENTENCES[0], encoding="utf-8")
    result = runner.invoke(
        app,
        ["sweep", str(tmp_path), "--scheduler", "tcp://127.0.0.1:9", "--out", str(tmp_path / "o")],
    )
    assert result.exit_code == 2
    assert "Dask scheduler tcp://127.0.0.1:9" in result.stderr
