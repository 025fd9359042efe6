"""Fixtures for the monitor: the local test web, a loaded database and a monitor to run."""

from __future__ import annotations

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


@pytest.fixture(scope="session")
def detector():
    """The real multilingual detector, as `monitor run` uses it."""
    from treatywatch.core.detect import detect

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
