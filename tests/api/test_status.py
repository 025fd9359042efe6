"""/api/status: the CLI's status document over HTTP, for any legal and record date."""

import json

import pytest
from typer.testing import CliRunner

from tests.api.conftest import error_of
from treatywatch.cli import app
from treatywatch.treaties.models import TreatyAction

pytestmark = pytest.mark.usefixtures("bundle")


def test_pledge_baseline_has_36_signatories_and_the_cli_document(client):
    """On 24 Sep 2024 there were 36 signatories; the body is the CLI's JSON, key for key."""
    response = client.get("/api/status?as_of=2024-09-24")
    assert response.status_code == 200
    body = response.json()
    assert body["signatories"] == 36
    result = CliRunner().invoke(app, ["status", "--format", "json", "--as-of", "2024-09-24"])
    assert result.exit_code == 0, result.output
    assert body == json.loads(result.stdout)
    assert list(body) == list(json.loads(result.stdout))
    assert list(body["states"][0]) == list(json.loads(result.stdout)["states"][0])


@pytest.mark.parametrize(
    ("as_of", "signatories"),
    [
        ("1900-01-01", 0),
        ("2024-02-13", 0),
        ("2024-02-14", 32),
        ("2024-02-15", 33),
        ("2025-05-26", 40),
        ("2099-12-31", 40),
    ],
)
def test_counts_on_edge_dates(client, as_of, signatories):
    """Before the opening day nobody had signed; the first and last accepted years work."""
    body = client.get(f"/api/status?as_of={as_of}").json()
    assert body["as_of"] == as_of
    assert body["signatories"] == signatories


def test_default_date_is_today(client):
    """Without as_of the status is today's (pinned to 2026-11-29 in tests): Latvia in force."""
    body = client.get("/api/status").json()
    assert body["as_of"] == body["as_known_on"] == "2026-11-29"
    assert body["signatories"] == 40 and body["consenting"] == 1


def test_as_known_on_hides_what_was_recorded_later(client):
    """A record date before the rows were read gives no signatories, whatever the legal date."""
    earlier = client.get("/api/status?as_of=2026-11-29&as_known_on=2020-01-01").json()
    assert earlier["as_known_on"] == "2020-01-01"
    assert earlier["signatories"] == 0


def test_denominator_changes_the_states_counted(client):
    """UN members only: 193 States, and Kosovo is not among them."""
    body = client.get("/api/status?denominator=un-members").json()
    assert body["denominator"]["size"] == 193
    assert "XKX" not in {state["code"] for state in body["states"]}


def test_rome_statute_is_another_treaty_of_the_record(client):
    body = client.get("/api/status?treaty=rome-statute&as_of=2002-07-01").json()
    assert body["treaty"]["slug"] == "rome-statute"
    assert body["treaty_in_force"] is True


@pytest.mark.parametrize(
    ("query", "field", "words"),
    [
        ("as_of=abc", "as_of", "YYYY-MM-DD"),
        ("as_of=24-09-2024", "as_of", "YYYY-MM-DD"),
        ("as_of=2024-9-24", "as_of", "YYYY-MM-DD"),
        ("as_of=", "as_of", "YYYY-MM-DD"),
        ("as_of=2024-13-01", "as_of", "month must be in 1..12"),
        ("as_of=2024-02-30", "as_of", "day is out of range"),
        ("as_of=1899-12-31", "as_of", "1900 to 2099"),
        ("as_known_on=tomorrow", "as_known_on", "YYYY-MM-DD"),
        ("denominator=everyone", "denominator", "un-members"),
    ],
)
def test_bad_parameters_get_400_saying_what_is_wrong(client, query, field, words):
    """Never a 500: the error names the parameter and explains the fault."""
    error = error_of(client.get(f"/api/status?{query}"), 400)
    assert error["code"] == "invalid_parameter"
    assert error["field"] == field
    assert error["message"].startswith(f"{field}: ")
    assert words in error["message"]


def test_unknown_treaty_is_404(client):
    error = error_of(client.get("/api/status?treaty=versailles"), 404)
    assert error["code"] == "unknown_treaty" and "rome-statute" in error["message"]


def test_etag_gives_304_until_the_data_changes(client):
    """The same answer revalidates to 304; a new fact gives a new ETag and the new count."""
    first = client.get("/api/status?as_of=2026-11-29")
    etag = first["ETag"]
    assert etag.startswith('"') and first["Cache-Control"].startswith("public")
    again = client.get("/api/status?as_of=2026-11-29", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    weak = client.get("/api/status?as_of=2026-11-29", HTTP_IF_NONE_MATCH=f'"x", W/{etag}')
    assert weak.status_code == 304
    TreatyAction.objects.create(
        key="ljubljana-the-hague/ITA/signature/2026-01-10",
        treaty_id="ljubljana-the-hague",
        state_id="ITA",
        action_class="signature",
        date="2026-01-10",
        source_url="https://example.org/depositary",
        source_date="2026-11-01",
    )
    changed = client.get("/api/status?as_of=2026-11-29", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert changed.json()["signatories"] == 41


def test_reading_is_open_to_any_origin_without_credentials(client):
    response = client.get("/api/status", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_preflight_allows_reading_methods_only(client):
    response = client.options(
        "/api/status",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_head_answers_like_get_without_a_body(client):
    get = client.get("/api/status?as_of=2024-09-24")
    head = client.head("/api/status?as_of=2024-09-24")
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == get["ETag"]


def test_writing_methods_get_405_with_the_error_body(client):
    response = client.post("/api/status", data={})
    error = error_of(response, 405)
    assert error["code"] == "method_not_allowed"
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_unknown_address_gets_404_with_the_error_body(client):
    assert error_of(client.get("/api/no-such-thing"), 404)["code"] == "not_found"


def test_a_failure_inside_gets_500_with_the_error_body_and_no_internals(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("treatywatch.api.endpoints.status.status_report", broken)
    response = client.get("/api/status")
    error = error_of(response, 500)
    assert error["code"] == "server_error"
    assert b"secret internals" not in response.content
