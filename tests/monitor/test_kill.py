"""A real `treatywatch monitor run` process killed with SIGKILL halfway, then run again, ends
with the same database as an uninterrupted run. Each process gets its own fresh database:
SQLite in its own folder, or, when DATABASE_URL names PostgreSQL, a database made for it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.monitor.site import write_config

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["news-feed", "ministry-sitemap", "crawl", "un-library", "nl-treaty-database"]
pytestmark = pytest.mark.slow


@contextmanager
def fresh_database(tmp_path: Path, label: str):
    """Environment variables for a process with a database of its own."""
    env = {
        **os.environ,
        "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}",
        "TREATYWATCH_HOME": str(tmp_path / label),
        "TREATYWATCH_TODAY": "2026-11-29",
    }
    (tmp_path / label).mkdir()
    server_url = os.environ.get("DATABASE_URL", "")
    if not server_url.startswith(("postgres://", "postgresql://")):
        env.pop("DATABASE_URL", None)
        yield env
        return
    import psycopg

    name = f"tw_kill_{label}_{uuid.uuid4().hex[:8]}"
    base, _, _ = server_url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**env, "DATABASE_URL": f"{base}/{name}"}
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def monitor_command(config: Path) -> list[str]:
    command = [sys.executable, "-m", "treatywatch", "monitor", "run", "--config", str(config)]
    for name in SOURCES:
        command += ["--source", name]
    return command


def finish(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr


def dump(env: dict[str, str]) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "tests.monitor.snapshot"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


def test_a_process_killed_with_sigkill_resumes_to_the_same_database(site, tmp_path):
    for path, route in site.routes.items():
        if path.startswith(("/news/", "/reports/", "/undl/files/")) and path != "/news/slow.html":
            route.delay = 0.15  # long enough to be killed in the middle
    config = write_config(tmp_path / "monitor.toml", f"http://127.0.0.1:{site.port}")
    command = monitor_command(config)

    with fresh_database(tmp_path, "killed") as env:
        process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        started = len(site.requests)
        deadline = time.monotonic() + 120
        while len(site.requests) < started + 7 and process.poll() is None:
            assert time.monotonic() < deadline, "the monitor never reached the test web"
            time.sleep(0.02)
        assert process.poll() is None, "the run ended before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL
        killed_halfway = dump(env)
        finish(command, env)
        resumed = dump(env)

    with fresh_database(tmp_path, "whole") as env:
        finish(command, env)
        uninterrupted = dump(env)

    assert len(killed_halfway["seen"]) < len(uninterrupted["seen"])
    assert uninterrupted["references"], "the run found references"
    assert resumed == uninterrupted
