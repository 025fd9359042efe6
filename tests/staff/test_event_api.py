"""POST /api/events refuses bad input with the same rules as the importer and the admin."""

import json

import pytest
from django.test import Client

from treatywatch.events.models import Event

pytestmark = pytest.mark.usefixtures("bundle")

GOOD = {
    "slug": "test-workshop-judges-2026",
    "title": "Test workshop on the Convention for judges and prosecutors",
    "starts_on": "2026-10-05",
    "ends_on": "2026-10-06",
    "level": "national",
    "kind": "workshop",
    "audiences": "judges:25;prosecutors:15",
    "states": "SVN",
    "measures": "training",
    "source_url": "https://example.org/workshop",
    "source_date": "2026-10-07",
}


def post(client, body):
    return client.post("/api/events", data=json.dumps(body), content_type="application/json")


def test_an_editor_records_an_event_once(signed_in):
    client = signed_in("editor")
    first = post(client, GOOD)
    assert first.status_code == 201, first.content
    assert json.loads(first.content)["outcome"] == "added"
    again = post(client, GOOD)
    assert again.status_code == 200 and json.loads(again.content)["outcome"] == "unchanged"
    assert Event.objects.get(slug=GOOD["slug"]).states.get().code == "SVN"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"ends_on": "2026-10-01"}, "ends_on"),
        ({"states": "ATL"}, "states"),
        ({"audiences": "judges:-3"}, "audiences"),
    ],
)
def test_bad_events_are_refused_naming_the_field(signed_in, change, field):
    """An event that ends before it starts, an unknown State, a negative count: 400."""
    response = post(signed_in("editor"), {**GOOD, **change})
    assert response.status_code == 400
    error = json.loads(response.content)["error"]
    assert error["code"] == "invalid_event" and error["field"] == field
    assert not Event.objects.filter(slug=GOOD["slug"]).exists()


def test_writing_needs_a_signed_in_editor(signed_in):
    assert post(Client(), GOOD).status_code == 401
    assert post(signed_in("viewer"), GOOD).status_code == 403


def test_writing_needs_the_csrf_token(make_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("editor"))
    assert post(client, GOOD).status_code == 403
