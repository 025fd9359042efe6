"""Fixtures for the monitor: the local test web, a loaded database and a monitor to run."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from tests.monitor.server import running
from tests.monitor.site import serve_site, write_config

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


@pytest.fixture
def site():
    with running() as server:
        serve_site(server)
        yield server


@pytest.fixture
def loaded(db):
    from treatywatch.treaties.loading import ensure_database

    ensure_database(date(2026, 11, 29))


@dataclass(frozen=True)
class _LiteralMention:
    start: int
    end: int
    text: str
    form: str
    lang: str
    snippet: str
    confidence: float


def _literal_detector(text: str, lang: str | None = None) -> list[_LiteralMention]:
    """Stand-in used only while treatywatch.core.detect is not in this branch."""
    found = []
    for match in re.finditer(r"Ljubljana\s*[-–]\s*(The Hague|La Haye)\s+Convention", text):
        start, end = match.span()
        found.append(
            _LiteralMention(
                start,
                end,
                match.group(0),
                "short",
                lang or "en",
                text[max(0, start - 40) : end + 40],
                0.9,
            )
        )
    for match in re.finditer(r"Convention de Ljubljana-La Haye", text):
        start, end = match.span()
        found.append(
            _LiteralMention(start, end, match.group(0), "short", "fr", match.group(0), 0.9)
        )
    return sorted(found, key=lambda m: m.start)


@pytest.fixture(scope="session")
def detector():
    try:
        from treatywatch.core.detect import detect
    except ImportError:
        return _literal_detector
    return detect


@pytest.fixture
def config_path(site, tmp_path):
    return write_config(tmp_path / "monitor.toml", f"http://127.0.0.1:{site.port}")


@pytest.fixture
def make_monitor(config_path, detector, loaded):
    from treatywatch.monitor.config import load_config
    from treatywatch.monitor.fetcher import Fetcher
    from treatywatch.monitor.pipeline import Monitor

    made = []

    def make(path=None, **kwargs):
        config = load_config(path or config_path)
        fetcher = Fetcher(config.fetch, now=lambda: NOW)
        monitor = Monitor(config, fetcher=fetcher, detector=detector, now=lambda: NOW, **kwargs)
        made.append(monitor)
        return monitor

    yield make
    for monitor in made:
        monitor.fetcher.close()
