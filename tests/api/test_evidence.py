"""/api/events and /api/references: confirmed evidence for everyone, the rest for staff."""

import csv
from datetime import date

import pytest
from django.contrib.auth.models import Group, User

from tests.api.conftest import error_of
from treatywatch.core.dataset import DATA_DIR
from treatywatch.events.models import Event
from treatywatch.references.models import Reference

pytestmark = pytest.mark.usefixtures("bundle")


@pytest.fixture
def pending_items():
    Event.objects.create(
        slug="detected-webinar",
        title="A detected webinar",
        starts_on=date(2026, 3, 1),
        level="national",
        source_url="https://example.org/webinar",
        source_date=date(2026, 3, 2),
    )
    Reference.objects.create(
        url="https://example.org/detected-article",
        kind="public-domain",
        language="fr",
        summary="A detected mention.",
        source_date=date(2026, 3, 2),
    )


def test_events_newest_first_with_states_and_audiences(client):
    body = client.get("/api/events?limit=100").json()
    assert body["total"] == len(body["items"]) == 18
    days = [item["starts_on"] or item["source_date"] for item in body["items"]]
    assert days == sorted(days, reverse=True)
    ceremony = next(
        i for i in body["items"] if i["slug"] == "signing-ceremony-the-hague-2024-02-14"
    )
    assert "NLD" in ceremony["states"] and ceremony["review"] == "confirmed"


@pytest.mark.parametrize(
    ("query", "total"),
    [("level=national", 1), ("state=NLD", 8), ("startPeriod=2024&endPeriod=2024", 3)],
)
def test_event_filters(client, query, total):
    assert client.get(f"/api/events?{query}").json()["total"] == total


def bundled_references(**wanted):
    """Rows of the bundled references.csv whose columns have the wanted values."""
    with (DATA_DIR / "references.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    return [row for row in rows if all(row[key] == value for key, value in wanted.items())]


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("kind=adopted-document", {"kind": "adopted-document"}),
        ("language=fr", {"language": "fr"}),
        ("country=SVN", {"country": "SVN"}),
        ("country=nld&kind=adopted-document", {"country": "NLD", "kind": "adopted-document"}),
    ],
)
def test_reference_filters_match_the_bundled_file(client, query, wanted):
    """Each filter keeps exactly the bundled rows with that value."""
    body = client.get(f"/api/references?{query}&limit=500").json()
    expected = {row["url"] for row in bundled_references(**wanted)}
    assert expected and {item["url"] for item in body["items"]} == expected
    assert body["total"] == len(expected)


def test_reference_period_bounds_the_publication_day(client):
    body = client.get("/api/references?startPeriod=2025-02&limit=500").json()
    assert body["total"] == len(body["items"]) > 0
    assert all(
        (item["published_on"] or item["source_date"]) >= "2025-02-01" for item in body["items"]
    )


def test_pending_items_are_not_public(client, pending_items):
    """Unreviewed items are neither listed nor listable by the public."""
    slugs = [item["slug"] for item in client.get("/api/events?limit=100").json()["items"]]
    assert "detected-webinar" not in slugs
    assert error_of(client.get("/api/events?review=pending"), 403)["field"] == "review"
    assert error_of(client.get("/api/references?review=pending"), 403)["code"] == "forbidden"


def test_staff_who_may_view_list_pending_items(client, pending_items):
    viewer = User.objects.create_user("viewer", password="x" * 12, is_staff=True)
    viewer.groups.add(Group.objects.get(name="viewer"))
    client.force_login(viewer)
    events = client.get("/api/events?review=pending").json()
    assert [item["slug"] for item in events["items"]] == ["detected-webinar"]
    references = client.get("/api/references?review=pending").json()
    assert [item["url"] for item in references["items"]] == ["https://example.org/detected-article"]


@pytest.mark.parametrize(
    ("path", "query", "field"),
    [
        ("events", "level=global", "level"),
        ("events", "state=Netherlands", "state"),
        ("events", "review=maybe", "review"),
        ("references", "kind=news", "kind"),
        ("references", "language=French", "language"),
        ("references", "endPeriod=2024-00", "endPeriod"),
        ("references", "limit=1000", "limit"),
    ],
)
def test_bad_evidence_filters_get_400(client, path, query, field):
    assert error_of(client.get(f"/api/{path}?{query}"), 400)["field"] == field
