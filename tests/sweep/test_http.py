"""Sweeping URLs and Common Crawl IDs, served by a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tests.sweep.crawlfiles import MENTION, filler, wet_record, write_wet
from treatywatch.cli import app
from treatywatch.sweep import FilesTask, RangeTask, plan_sweep, run_inline
from treatywatch.sweep import inputs as sweep_inputs

runner = CliRunner()
CRAWL = "CC-MAIN-2024-10"
KEYS = ("start", "text", "url")


@dataclass
class Site:
    """What the server serves, and what it was asked."""

    files: dict[str, bytes] = field(default_factory=dict)
    ranges: bool = True
    failures: dict[str, int] = field(default_factory=dict)  # path: 503s before success
    requests: list[tuple[str, str | None]] = field(default_factory=list)
    base: str = ""


class Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        site = self.site
        wanted = self.headers.get("Range")
        site.requests.append((self.path, wanted))
        if site.failures.get(self.path, 0) > 0:
            site.failures[self.path] -= 1
            self.send_error(503, "slow down")
            return
        data = site.files.get(self.path)
        if data is None:
            self.send_error(404)
            return
        status, body, headers = 200, data, {}
        if wanted and site.ranges:
            first, _, last = wanted.removeprefix("bytes=").partition("-")
            start = int(first)
            end = min(int(last) + 1 if last else len(data), len(data))
            status, body = 206, data[start:end]
            headers["Content-Range"] = f"bytes {start}-{end - 1}/{len(data)}"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    handler = type("SiteHandler", (Handler,), {"site": served})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield served
    server.shutdown()
    server.server_close()


def wet_bytes(tmp_path: Path, count: int = 60) -> tuple[bytes, Path]:
    records = [
        wet_record(f"{filler(400 + 37 * n, n)} {MENTION if n % 4 == 0 else ''}".encode(), n)
        for n in range(count)
    ]
    path = tmp_path / "local.wet.gz"
    write_wet(path, records)
    return path.read_bytes(), path


def mention_rows(tasks, label: str = "") -> list[tuple]:
    outcome = run_inline(tasks, lambda task, result: None)
    return [
        (row["source"].replace(label, "X") if label else row["source"], *[row[key] for key in KEYS])
        for result in outcome.results
        for row in result.rows
    ]


def test_a_url_is_read_in_ranges_and_gives_the_local_files_mentions(site: Site, tmp_path: Path):
    """A server that serves byte ranges: the file is split into range tasks, read with Range
    requests, and yields the local file's mentions, named by the URL."""
    data, local = wet_bytes(tmp_path)
    site.files["/crawl/a.wet.gz"] = data
    url = site.base + "/crawl/a.wet.gz"
    plan = plan_sweep([url], workers=2, chunk_bytes=3000)
    assert len(plan.tasks) > 3 and all(isinstance(task, RangeTask) for task in plan.tasks)
    remote = mention_rows(plan.tasks, url)
    expected = mention_rows(plan_sweep([str(local)], workers=2).tasks, str(local))
    assert remote == expected and len(expected) == 15
    assert any(wanted and wanted != "bytes=0-16383" for _, wanted in site.requests)


def test_a_server_that_ignores_ranges_is_read_whole_by_one_task(site: Site, tmp_path: Path):
    data, local = wet_bytes(tmp_path)
    site.ranges = False
    site.files["/a.wet.gz"] = data
    url = site.base + "/a.wet.gz"
    plan = plan_sweep([url], workers=2, chunk_bytes=3000)
    assert [(task.start, task.end) for task in plan.tasks] == [(0, None)]  # type: ignore[union-attr]
    expected = mention_rows(plan_sweep([str(local)], workers=2).tasks, str(local))
    assert mention_rows(plan.tasks, url) == expected


def test_other_documents_are_fetched_and_extracted(site: Site):
    site.files["/note.txt"] = MENTION.encode()
    url = site.base + "/note.txt"
    plan = plan_sweep([url], workers=1)
    assert isinstance(plan.tasks[0], FilesTask)
    assert mention_rows(plan.tasks) == [
        (url, MENTION.index("Ljubljana"), "Ljubljana–The Hague Convention", None)
    ]


def test_a_transient_failure_is_retried_and_a_missing_url_reported(
    site: Site, tmp_path: Path, monkeypatch
):
    """A 503 is retried with backoff; a 404 is reported as a skipped input, not a crash."""
    monkeypatch.setattr(sweep_inputs, "BACKOFF_SECONDS", 0)
    data, _ = wet_bytes(tmp_path, 8)
    site.files["/a.wet.gz"] = data
    site.failures["/a.wet.gz"] = 2
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "sweep",
            site.base + "/a.wet.gz",
            site.base + "/missing.wet.gz",
            "--scheduler",
            "inline",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["mentions"] == 2 and summary["documents"] == 8
    assert summary["skipped"] == 1
    assert summary["skipped_examples"][0]["source"] == site.base + "/missing.wet.gz"
    assert "404" in summary["skipped_examples"][0]["reason"]


def _listing(*paths: str) -> bytes:
    return gzip.compress(("\n".join(paths) + "\n").encode())


def _serve_crawl(site: Site, tmp_path: Path) -> list[str]:
    data, _ = wet_bytes(tmp_path, 12)
    paths = [
        f"crawl-data/{CRAWL}/segments/1707947473347.{n}/wet/CC-MAIN-2024{n}.warc.wet.gz"
        for n in range(3)
    ]
    for path in paths:
        site.files["/" + path] = data
    return paths


def test_a_crawl_id_with_a_paths_file_and_a_filter(site: Site, tmp_path: Path):
    """The crawl's files come from the local listing, filtered by --match, capped by
    --limit, fetched from --base-url; each file's mentions are found."""
    paths = _serve_crawl(site, tmp_path)
    listing = tmp_path / "wet.paths.gz"
    listing.write_bytes(_listing(*paths))
    out = tmp_path / "out"
    args = ["sweep", CRAWL, "--paths-file", str(listing), "--base-url", site.base + "/"]
    args += ["--match", "*/segments/1707947473347.[12]/*", "--scheduler", "inline"]
    result = runner.invoke(app, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    sources = {
        row["source"].split("#")[0] for row in pq.read_table(out / "mentions.parquet").to_pylist()
    }
    assert sources == {f"{site.base}/{paths[1]}", f"{site.base}/{paths[2]}"}
    result = runner.invoke(app, [*args, "--limit", "1", "--out", str(out)])
    assert json.loads((out / "summary.json").read_text())["files"] == 1


def test_a_crawl_listing_is_fetched_from_the_server_when_not_given(site: Site, tmp_path: Path):
    paths = _serve_crawl(site, tmp_path)
    site.files[f"/crawl-data/{CRAWL}/wet.paths.gz"] = _listing(*paths)
    out = tmp_path / "out"
    args = ["sweep", CRAWL, "--base-url", site.base, "--scheduler", "inline", "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["files"] == 3 and summary["mentions"] == 9


def test_a_listing_of_another_crawl_is_an_error_naming_the_line(tmp_path: Path):
    listing = tmp_path / "wet.paths"
    listing.write_text(
        f"crawl-data/{CRAWL}/segments/1/wet/a.warc.wet.gz\n"
        "crawl-data/CC-MAIN-2023-50/segments/1/wet/b.warc.wet.gz\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["sweep", CRAWL, "--paths-file", str(listing), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert f"{listing}:2: path:" in result.stderr and f"not in crawl {CRAWL}" in result.stderr


def test_a_bad_crawl_id_shape_is_just_a_missing_path(tmp_path: Path):
    result = runner.invoke(app, ["sweep", "CC-MAIN-24", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "no such file or folder: CC-MAIN-24" in result.stderr
