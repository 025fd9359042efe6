"""The OpenAPI schema: pinned, and documenting a response schema for every answer.

The schema is the API's contract with its users, so a change must be deliberate. After an
intended change, update the pinned copy and review its diff:

    TREATYWATCH_UPDATE_SNAPSHOT=1 PYTHONPATH=src:. python -m pytest tests/api/test_openapi.py
"""

import json
import os
from pathlib import Path

import pytest

SNAPSHOT = Path(__file__).with_name("openapi_snapshot.json")
pytestmark = pytest.mark.django_db


@pytest.fixture
def openapi(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_schema_matches_the_pinned_snapshot(openapi):
    """Fails on any change to paths, parameters or shapes until the snapshot is updated."""
    if os.environ.get("TREATYWATCH_UPDATE_SNAPSHOT") == "1":
        SNAPSHOT.write_text(json.dumps(openapi, indent=2, ensure_ascii=False) + "\n")
    pinned = json.loads(SNAPSHOT.read_text())
    assert openapi == pinned, (
        "The OpenAPI schema changed. If intended, run with TREATYWATCH_UPDATE_SNAPSHOT=1 "
        "and commit tests/api/openapi_snapshot.json."
    )


def test_every_operation_documents_its_answers(openapi):
    """200 with a body schema, and the one error body for 400 and 404, on every read; the one
    write (POST /api/events, for signed-in staff) documents its refusals with the same body."""
    error_ref = "#/components/schemas/ErrorOut"
    for path, methods in openapi["paths"].items():
        assert set(methods) == ({"get", "post"} if path == "/api/events" else {"get"}), path
        if "post" in methods:
            writes = methods["post"]["responses"]
            for status in ("400", "401", "403"):
                schema = writes[status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": error_ref}, (path, status)
        responses = methods["get"]["responses"]
        assert "$ref" in responses["200"]["content"]["application/json"]["schema"], path
        for status in ("400", "404"):
            schema = responses[status]["content"]["application/json"]["schema"]
            assert schema == {"$ref": error_ref}, (path, status)
        assert "304" in responses, path
        assert methods["get"]["summary"] and methods["get"]["description"], path


def test_dates_are_documented_as_dates(openapi):
    parameters = {p["name"]: p for p in openapi["paths"]["/api/status"]["get"]["parameters"]}
    assert parameters["as_of"]["schema"]["format"] == "date"
    assert parameters["as_known_on"]["schema"]["format"] == "date"


def test_no_documentation_page_that_would_load_a_cdn(client):
    assert client.get("/api/docs").status_code == 404
