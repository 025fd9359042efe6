"""Fixtures for the public site: the bundled data loaded, and no cached page between tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from treatywatch.site import snapshot

TODAY = date(2026, 11, 29)


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    # Rolled-back test data can repeat a data version: never let a cache outlive its test.
    snapshot.clear_caches()
    yield
    snapshot.clear_caches()


@pytest.fixture
def bundle(db: None) -> None:
    """The bundled dataset, loaded as `treatywatch serve` loads it on first run."""
    from treatywatch.treaties.loading import ensure_database

    ensure_database(TODAY)
