"""The admin for every record: pages load, sources are required, edits survive update-data."""

import json
from datetime import date

import pytest
from django.contrib import admin

from tests.staff.test_roles import action_form, change_url
from treatywatch.events.models import Event
from treatywatch.treaties import models
from treatywatch.treaties.loading import update_data
from treatywatch.treaties.models import Origin, TreatyAction

pytestmark = pytest.mark.usefixtures("bundle")
RECORD_APPS = {"treaties", "events", "references"}


def registered_models():
    return [model for model in admin.site._registry if model._meta.app_label in RECORD_APPS]


def test_every_record_has_an_admin():
    names = {model._meta.model_name for model in registered_models()}
    assert names >= {
        "state", "membership", "treaty", "treatyaction", "declaration", "sourceconflict",
        "event", "reference",
    }  # fmt: skip


def test_every_admin_page_loads_for_an_admin(signed_in):
    """List, search, a filter, one change page and the audit log of each record type."""
    client = signed_in("admin")
    for model in registered_models():
        meta = model._meta
        base = f"/staff/{meta.app_label}/{meta.model_name}/"
        assert client.get(base).status_code == 200, base
        assert client.get(base + "?q=Latvia").status_code == 200, base
        row = model.objects.first()
        assert row is not None, base
        assert client.get(change_url(row)).status_code == 200, base
        if model is not models.DatasetLoad:
            assert client.get(base + f"{row.pk}/auditlog/").status_code == 200, base
            assert client.get(base + "add/").status_code == 200, base


def test_search_and_filters_narrow_the_list(signed_in):
    client = signed_in("viewer")
    page = client.get("/staff/treaties/treatyaction/?q=LVA&treaty__slug__exact=ljubljana-the-hague")
    assert page.status_code == 200
    assert page.context["cl"].result_count == 2


def new_action(**changes):
    form = {
        "treaty": "ljubljana-the-hague",
        "state": "ITA",
        "action_class": "signature",
        "raw_action": "signature",
        "date": "2026-01-10",
        "effective_on": "",
        "reported_entry_into_force": "",
        "place": "Brussels",
        "scope": "",
        "source_url": "https://example.org/depositary",
        "source_date": "2026-11-01",
        "recorded_on": "",
        "retracted_on": "",
        "note": "",
    }
    return form | changes


def test_a_new_fact_gets_its_stable_key_and_staff_origin(signed_in):
    client = signed_in("editor")
    response = client.post("/staff/treaties/treatyaction/add/", new_action())
    assert response.status_code == 302, response.content[:3000]
    row = TreatyAction.objects.get(key="ljubljana-the-hague/ITA/signature/2026-01-10")
    assert row.origin == Origin.STAFF


def test_a_fact_already_recorded_is_refused(signed_in):
    client = signed_in("editor")
    latvia = new_action(state="LVA", date="2025-02-10")
    response = client.post("/staff/treaties/treatyaction/add/", latvia)
    assert response.status_code == 200
    assert "exists already" in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"source_url": ""}, "source_url", "required"),
        ({"source_url": "the depositary"}, "source_url", "not an http(s) URL"),
        ({"source_url": "https://a.org ftp://b.org"}, "source_url", "ftp://b.org"),
        ({"source_date": ""}, "source_date", "required"),
        ({"source_date": "2027-01-01"}, "source_date", "cannot be after today"),
    ],
)
def test_sources_are_required_and_checked(signed_in, changes, field, words):
    client = signed_in("editor")
    response = client.post("/staff/treaties/treatyaction/add/", new_action(**changes))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert field in errors and words in " ".join(errors[field])
    assert not TreatyAction.objects.filter(state="ITA", treaty="ljubljana-the-hague").exists()


def test_an_edited_bundled_fact_is_marked_staff_and_survives_update_data(signed_in):
    client = signed_in("editor")
    row = TreatyAction.objects.get(key="ljubljana-the-hague/LVA/signature/2025-02-10")
    assert row.origin == Origin.BUNDLED
    assert client.post(change_url(row), action_form(row)).status_code == 302
    row.refresh_from_db()
    assert row.origin == Origin.STAFF and row.place == "Riga"
    summary = update_data(today=date(2026, 11, 29))
    row.refresh_from_db()
    assert row.place == "Riga"
    assert summary.counts["actions"]["kept"] == 1


def test_the_change_page_shows_who_changed_what_from_which_value(signed_in):
    client = signed_in("editor")
    row = TreatyAction.objects.get(key="ljubljana-the-hague/LVA/signature/2025-02-10")
    old_place = row.place or "—"
    client.post(change_url(row), action_form(row))
    page = client.get(change_url(row)).content.decode()
    assert "Audit log" in page and "editor" in page
    assert "Riga" in page and f"<del>{old_place}</del>" in page


def test_states_added_to_an_event_enter_its_audit_trail(signed_in):
    """Many-to-many changes are logged too: the trail names the State added."""
    client = signed_in("admin")
    event = Event.objects.get(slug="signing-ceremony-the-hague-2024-02-14")
    event.states.add("ITA")
    page = client.get(change_url(event)).content.decode()
    trail = page.split('class="audit-trail"', 1)[1].split("</table>", 1)[0]
    assert "States involved" in trail and "add" in trail and "Italy" in trail


def test_a_treaty_whose_facts_lack_sources_is_refused(signed_in):
    client = signed_in("admin")
    treaty = models.Treaty.objects.get(slug="ljubljana-the-hague")
    facts = dict(treaty.facts)
    facts["title"] = {"value": facts["title"]["value"], "verified": True}
    response = client.post(
        change_url(treaty),
        {
            "slug": treaty.slug,
            "title": treaty.title,
            "short_title": treaty.short_title,
            "facts": json.dumps(facts),
        },
    )
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["facts"])
    assert "title: missing source_url, source_date" in errors


def test_tables_rebuilt_by_update_data_warn_before_editing(signed_in):
    client = signed_in("admin")
    page = client.get("/staff/treaties/state/LVA/change/").content.decode()
    assert "rebuilt from the bundled files" in page
