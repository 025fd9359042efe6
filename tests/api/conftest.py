"""The API's tests run on the bundled dataset, each with an empty answer cache."""

from datetime import date

import pytest

from treatywatch.api import caching
from treatywatch.treaties.loading import ensure_database

TODAY = date(2026, 11, 29)


@pytest.fixture(autouse=True)
def empty_cache():
    caching.clear()
    yield
    caching.clear()


@pytest.fixture
def bundle(db):
    """The bundled dataset in the test database."""
    ensure_database(TODAY)


def error_of(response, status):
    """The error object of a response that must be `status` with the one error body."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "field"}
    assert body["error"]["message"]
    return body["error"]
