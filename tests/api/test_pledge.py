"""/api/targets, /api/outlook, /api/attention, /api/outreach and the events filters."""

import json
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from typer.testing import CliRunner

from tests.api.conftest import TODAY, error_of
from treatywatch.cli import app
from treatywatch.monitor.models import ScanCount
from treatywatch.outreach.services import import_outreach
from treatywatch.references.models import Reference
from treatywatch.treaties.models import State

pytestmark = pytest.mark.usefixtures("bundle")
runner = CliRunner()
OUTREACH = Path(__file__).resolve().parent.parent / "fixtures" / "outreach" / "contacts.csv"


def cli_json(*args):
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_targets_are_the_cli_objects(client):
    """Every State, in the CLI's order, with the CLI's objects; contributions add up."""
    body = client.get("/api/targets?limit=500").json()
    assert body["total"] == 198
    assert body["items"] == cli_json("targets")
    for target in body["items"]:
        assert sum(f["contribution"] for f in target["factors"]) == target["score"]
    names = {item["name"] for item in body["factor_definitions"]}
    assert {"rome_statute_party", "regional_peers_signed", "follow_up_due"} <= names


def test_targets_filter_by_step_and_region(client):
    """39 signatories to ratify on the bundled record; the region filter narrows them."""
    ratify = client.get("/api/targets?step=ratify&limit=500").json()
    assert ratify["total"] == 39
    assert {item["next_step"] for item in ratify["items"]} == {"ratify"}
    african = client.get("/api/targets?step=ratify&region=african&limit=500").json()
    assert 0 < african["total"] < 39
    assert {item["region"] for item in african["items"]} == {"african"}


@pytest.mark.parametrize(
    ("query", "field"),
    [("step=join", "step"), ("region=europe", "region"), ("as_of=2026-02-30", "as_of")],
)
def test_targets_refuse_bad_parameters(client, query, field):
    assert error_of(client.get(f"/api/targets?{query}"), 400)["field"] == field


def test_outlook_is_the_cli_document_and_says_the_rule_is_unverified(client):
    """Pace under 3 and under 15; a what-if deposit adds its scenario; the rule is unverified."""
    body = client.get("/api/outlook?deposit=GHA,FRA&deposit_on=2027-06-30").json()
    assert body == cli_json(
        "outlook", "--scenario", "pace", "--scenario", "deposit:GHA,FRA@2027-06-30"
    )
    assert body["rule_verified"] is False
    by_scenario = {(p["scenario"], p["threshold"]): p for p in body["projections"]}
    assert by_scenario[("pace", 3)]["entry_into_force"] == "2031-03-01"
    assert by_scenario[("deposit:GHA,FRA@2027-06-30", 3)]["entry_into_force"] == "2027-10-01"
    assert by_scenario[("deposit:GHA,FRA@2027-06-30", 15)]["entry_into_force"] is None


def test_outlook_refuses_unknown_states_and_bad_windows(client):
    assert error_of(client.get("/api/outlook?deposit=QQQ"), 404)["field"] == "deposit"
    assert error_of(client.get("/api/outlook?window=0"), 400)["field"] == "window"


def test_attention_marks_months_without_coverage(client):
    """Documents read in two months only: those are covered, the others are gaps with no
    ratio (never zero attention); references count beside the documents read."""
    ScanCount.objects.create(
        source="news", month=date(2026, 9, 1), language="fr", country="FRA", documents=400
    )
    ScanCount.objects.create(
        source="news", month=date(2026, 10, 1), language="es", country="ESP", documents=100
    )
    Reference.objects.create(
        url="https://example.org/a",
        title="A",
        published_on=date(2026, 9, 12),
        kind="public-domain",
        language="fr",
        country=State.objects.get(code="FRA"),
        source_date=TODAY,
        review="pending",
        source_name="news",
    )
    body = client.get("/api/attention?startPeriod=2026-08&endPeriod=2026-11").json()
    months = {row["month"]: row for row in body["months"]}
    assert list(months) == ["2026-08", "2026-09", "2026-10", "2026-11"]
    assert months["2026-09"] == {
        "month": "2026-09",
        "confirmed": 0,
        "pending": 1,
        "confirmed_stories": 0,
        "pending_stories": 1,
        "documents_read": 400,
        "per_10k": 25.0,
        "covered": True,
    }
    assert months["2026-08"]["covered"] is False and months["2026-08"]["per_10k"] is None
    assert body["months_without_coverage"] == ["2026-08", "2026-11"]
    assert [row["language"] for row in body["languages"]] == ["fr", "es"]
    assert [row["country"] for row in body["countries"]] == ["FRA", "ESP"]
    assert (body["documents_read"], body["references_found"]) == (500, 1)


def test_attention_defaults_to_every_month_since_the_opening(client):
    """Without a period: February 2024 to this month, every month a gap while nothing is read."""
    body = client.get("/api/attention").json()
    assert (body["start"], body["end"]) == ("2024-02", "2026-11")
    assert len(body["months"]) == 34 == len(body["months_without_coverage"])


def test_attention_refuses_a_bad_period(client):
    assert error_of(client.get("/api/attention?startPeriod=2026-13"), 400)["field"] == "startPeriod"


@pytest.mark.parametrize("url", ["/api/outreach", "/api/outreach/due"])
def test_outreach_is_only_for_signed_in_staff(client, url):
    """403 with the one error body for the public; never in a shared cache for staff."""
    import_outreach(OUTREACH, TODAY)
    assert error_of(client.get(url), 403)["code"] == "forbidden"
    user = User.objects.create_user("viewer", is_staff=True)
    user.groups.add(Group.objects.get(name="viewer"))
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response.json()["items"]


def test_outreach_lists_and_follow_ups_due(client):
    """Contacts oldest first, filtered by State; follow-ups due: Ghana late, Brazil ahead."""
    import_outreach(OUTREACH, TODAY)
    user = User.objects.create_user("viewer", is_staff=True)
    user.groups.add(Group.objects.get(name="viewer"))
    client.force_login(user)
    contacts = client.get("/api/outreach").json()
    assert [item["target"] for item in contacts["items"]] == ["KEN", "GHA", "BRA"]
    assert client.get("/api/outreach?state=GHA").json()["total"] == 1
    due = client.get("/api/outreach/due").json()["items"]
    assert [(item["target"], item["days_late"], item["overdue"]) for item in due] == [
        ("GHA", 14, True),
        ("BRA", -6, False),
    ]
    assert error_of(client.get("/api/outreach/due?within=-1"), 400)["field"] == "within"


def test_events_expose_and_filter_by_kind_and_measure(client):
    """The kind is in every event; filters by kind and by action-plan measure narrow the list."""
    everything = client.get("/api/events?limit=500").json()
    assert all("kind" in item for item in everything["items"])
    kinds = {item["kind"] for item in everything["items"]} - {""}
    kind = sorted(kinds)[0]
    only = client.get(f"/api/events?kind={kind}&limit=500").json()
    assert only["total"] == sum(1 for item in everything["items"] if item["kind"] == kind)
    measures = sorted({m for item in everything["items"] for m in item["measures"]})
    measure = measures[0]
    served = client.get(f"/api/events?measure={measure}&limit=500").json()
    assert served["total"] == sum(1 for i in everything["items"] if measure in i["measures"]) > 0
    assert error_of(client.get("/api/events?measure=lobby"), 400)["field"] == "measure"
    assert error_of(client.get("/api/events?kind=party"), 400)["field"] == "kind"
