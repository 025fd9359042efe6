"""/api/relations and /api/network give exactly the CLI's JSON, and refuse bad input clearly."""

import json

import pytest
from typer.testing import CliRunner

from tests.api.conftest import error_of
from treatywatch.cli import app

pytestmark = pytest.mark.usefixtures("bundle")
runner = CliRunner()


def cli_json(*args):
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("query", "cli"),
    [
        (
            "requesting=LV&requested=nld&crime=genocide&cooperation=mutual_legal_assistance",
            ["relations", "LV", "nld", "--crime", "genocide", "--cooperation", "mla"],
        ),
        (
            "requesting=FRA&requested=LVA&crime=aggression&cooperation=extradition"
            "&date=2026-01-15&checklist=true",
            [
                "relations", "FRA", "LVA", "--crime", "aggression", "--cooperation",
                "extradition", "--date", "2026-01-15", "--checklist",
            ],
        ),
    ],
)  # fmt: skip
def test_relations_is_the_cli_document(client, query, cli):
    """Same keys, same values as `treatywatch relations … --format json`."""
    response = client.get(f"/api/relations?{query}")
    assert response.status_code == 200, response.content
    assert response.json() == cli_json(*cli)


def test_latvia_and_the_netherlands_are_uncertain_with_sourced_reasons(client):
    """Latvia's reported date and the Netherlands' provisional application: uncertain, with
    every reason's source, Part III among the articles and the checklist when asked."""
    body = client.get(
        "/api/relations?requesting=LVA&requested=NLD&crime=war_crimes"
        "&cooperation=mutual_legal_assistance&checklist=true"
    ).json()
    assert body["applicable"] == "uncertain"
    codes = {reason["code"] for reason in body["reasons"]}
    assert {"in_force_unverified", "central_authority_unknown"} <= codes
    assert all(
        reason["source"] is None or reason["source"].startswith("http")
        for reason in body["reasons"]
    )
    assert "Part III" in {article["reference"] for article in body["articles"]}
    assert body["checklist"]["cooperation"] == "mutual_legal_assistance"
    assert body["checklist"]["contents"] and body["checklist"]["refusal_grounds"]


def test_a_state_that_only_signed_cannot_be_asked(client):
    """France signed only: 'no', with the signed_only reason."""
    body = client.get(
        "/api/relations?requesting=LVA&requested=FRA&crime=genocide&cooperation=extradition"
    ).json()
    assert body["applicable"] == "no"
    assert "signed_only" in {reason["code"] for reason in body["reasons"]}


GOOD = {
    "requesting": "LVA",
    "requested": "NLD",
    "crime": "genocide",
    "cooperation": "extradition",
}


@pytest.mark.parametrize(
    ("changes", "status", "code", "field"),
    [
        ({"requesting": None}, 400, "invalid_parameter", "requesting"),
        ({"crime": "piracy"}, 400, "invalid_parameter", "crime"),
        ({"cooperation": "mla"}, 400, "invalid_parameter", "cooperation"),
        ({"requested": "LV"}, 400, "same_state", "requested"),
        ({"requesting": "QQ"}, 404, "unknown_state", "requesting"),
        ({"date": "2024-02-30"}, 400, "invalid_parameter", "date"),
    ],
)
def test_relations_refuses_bad_parameters(client, changes, status, code, field):
    """Missing, unknown or contradictory parameters: the one error body naming the field."""
    query = {key: value for key, value in {**GOOD, **changes}.items() if value is not None}
    error = error_of(client.get("/api/relations", query), status)
    assert (error["code"], error["field"]) == (code, field)


def test_network_is_the_cli_document(client):
    """`GET /api/network?as_of=` equals `treatywatch network --as-of … --format json`."""
    response = client.get("/api/network?as_of=2026-06-01")
    assert response.status_code == 200
    assert response.json() == cli_json("network", "--as-of", "2026-06-01")


def test_network_on_the_bundled_record(client):
    """Today one uncertain pair (Latvia–Netherlands), none firm; monthly series from February
    2024; a consent by any State without an instrument would open two more pairs, except the
    Netherlands, already counted through its provisional application."""
    body = client.get("/api/network").json()
    assert body["size"] == {"yes": 0, "uncertain": 1, "states_bound": 0, "states_possibly_bound": 2}
    assert body["pairs"] == {"yes": [], "uncertain": [["LVA", "NLD"]]}
    assert body["series"][0]["date"] == "2024-02-01"
    assert body["series"][-1] == {
        "date": "2026-11-01",
        "yes": 0,
        "uncertain": 1,
        "states_bound": 0,
        "states_possibly_bound": 2,
    }
    opened = {impact["code"]: impact["new_pairs"] for impact in body["impacts"]}
    assert opened.pop("NLD") == 0
    assert set(opened.values()) == {2} and len(opened) == 196
    assert "LVA" not in {impact["code"] for impact in body["impacts"]}
    assert body["rule_verified"] is False


def test_network_refuses_a_bad_date(client):
    error = error_of(client.get("/api/network?as_of=29-11-2026"), 400)
    assert error["field"] == "as_of"
