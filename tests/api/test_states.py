"""/api/states and /api/states/{code}: filters, pagination, names and one State's history."""

import pytest

from tests.api.conftest import error_of

pytestmark = pytest.mark.usefixtures("bundle")


def test_list_gives_every_state_with_a_total_and_pages(client):
    """198 entities in the default denominator; pages of `limit` with the same total."""
    first = client.get("/api/states?limit=100").json()
    second = client.get("/api/states?limit=100&offset=100").json()
    assert first["total"] == second["total"] == 198
    assert (first["limit"], first["offset"]) == (100, 0)
    assert len(first["items"]) == 100 and len(second["items"]) == 98
    codes = [item["code"] for item in first["items"] + second["items"]]
    assert len(set(codes)) == 198


def test_offset_past_the_end_gives_no_items(client):
    body = client.get("/api/states?offset=5000").json()
    assert body["total"] == 198 and body["items"] == []


def test_items_carry_status_and_region(client):
    latvia = client.get("/api/states?status=in_force").json()["items"]
    assert [state["code"] for state in latvia] == ["LVA"]
    assert latvia[0]["in_force"] == "2025-12-01"
    assert latvia[0]["alpha2"] == "LV" and latvia[0]["un_regional_group"] == "eastern_european"


@pytest.mark.parametrize(
    ("query", "total"),
    [
        ("group=EU&status=signed", 19),
        ("region=african&status=signed&as_of=2024-09-24", 5),
        ("status=signed&as_of=2024-02-14", 32),
        ("status=consented", 0),
        ("denominator=un-members", 193),
    ],
)
def test_filters_combine(client, query, total):
    assert client.get(f"/api/states?{query}").json()["total"] == total


def test_names_follow_the_language_asked_for(client):
    french = client.get("/api/states?status=in_force&lang=fr").json()["items"][0]
    assert french["name"] == "Lettonie"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("region=europe", "region"),
        ("group=eu", "group"),
        ("status=ratified", "status"),
        ("lang=de", "lang"),
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("as_of=2024-02-31", "as_of"),
    ],
)
def test_bad_filters_get_400_naming_the_parameter(client, query, field):
    error = error_of(client.get(f"/api/states?{query}"), 400)
    assert error["field"] == field and field in error["message"]


def test_one_state_with_its_history_and_evidence(client):
    """The Netherlands: signed the Convention, a Rome Statute party, with events and sources."""
    body = client.get("/api/states/NLD").json()
    assert body["code"] == "NLD" and body["names"]["fr"] == "Pays-Bas"
    statuses = {treaty["slug"]: treaty["status"] for treaty in body["treaties"]}
    assert statuses == {"ljubljana-the-hague": "signed", "rome-statute": "in_force"}
    classes = {action["action_class"] for action in body["actions"]}
    assert {"signature", "provisional_application"} <= classes
    assert all(action["source_url"].startswith("http") for action in body["actions"])
    assert "signing-ceremony-the-hague-2024-02-14" in body["events"]
    assert "https://verdragen.nl/en/Treaty/Details/013717_p.html" in body["references"]


def test_state_codes_are_read_in_any_case_and_alpha2(client):
    assert client.get("/api/states/lv").json()["code"] == "LVA"
    assert client.get("/api/states/LVA").json()["code"] == "LVA"


def test_unknown_state_is_404(client):
    error = error_of(client.get("/api/states/ZZZ"), 404)
    assert error["code"] == "unknown_state" and error["field"] == "code"
