"""Roles: viewers read, editors correct facts, reviewers decide on evidence, admins do all."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Group

from treatywatch.events.models import Event
from treatywatch.references.models import Reference
from treatywatch.treaties.models import TreatyAction

pytestmark = pytest.mark.usefixtures("bundle")


def permissions(role):
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=role).permissions.select_related("content_type")
    }


def test_the_migration_creates_four_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "viewer", "editor", "reviewer", "admin"
    }  # fmt: skip


def test_viewers_only_read():
    viewer = permissions("viewer")
    assert "treaties.view_treatyaction" in viewer and "auditlog.view_logentry" in viewer
    assert all(name.split(".")[1].startswith("view_") for name in viewer)


def test_editors_correct_facts_but_neither_review_nor_delete():
    editor = permissions("editor")
    assert {
        "treaties.change_treatyaction",
        "events.add_event",
        "references.change_reference",
    } <= editor
    assert "events.review_event" not in editor
    assert not any(".delete_" in name for name in editor)
    assert "treaties.change_state" not in editor  # rebuilt by update-data: admins only


def test_reviewers_decide_but_do_not_edit():
    reviewer = permissions("reviewer")
    assert {"events.review_event", "references.review_reference"} <= reviewer
    assert not any(".change_" in name or ".add_" in name for name in reviewer)


def test_admins_manage_users_and_reference_tables():
    admin = permissions("admin")
    assert {"auth.add_user", "treaties.change_state", "treaties.delete_treatyaction"} <= admin


def change_url(row):
    meta = row._meta
    return f"/staff/{meta.app_label}/{meta.model_name}/{row.pk}/change/"


def action_form(row):
    """The change form's fields for a treaty action, as the admin would post them."""
    return {
        "treaty": row.treaty_id,
        "state": row.state_id,
        "action_class": row.action_class,
        "raw_action": row.raw_action,
        "date": row.date.isoformat(),
        "effective_on": "",
        "reported_entry_into_force": "",
        "place": "Riga",
        "scope": row.scope,
        "source_url": row.source_url,
        "source_date": row.source_date.isoformat(),
        "recorded_on": "",
        "retracted_on": "",
        "note": row.note,
    }


def test_a_viewer_sees_a_fact_but_cannot_save_it(signed_in):
    client = signed_in("viewer")
    row = TreatyAction.objects.get(key="ljubljana-the-hague/LVA/signature/2025-02-10")
    page = client.get(change_url(row))
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert client.post(change_url(row), action_form(row)).status_code == 403
    row.refresh_from_db()
    assert row.place != "Riga"


def test_an_editor_saves_a_fact(signed_in):
    client = signed_in("editor")
    row = TreatyAction.objects.get(key="ljubljana-the-hague/LVA/signature/2025-02-10")
    response = client.post(change_url(row), action_form(row))
    assert response.status_code == 302, response.content[:2000]
    row.refresh_from_db()
    assert row.place == "Riga"


@pytest.fixture
def pending_event():
    return Event.objects.create(
        slug="detected-panel",
        title="A detected panel",
        starts_on=date(2026, 5, 1),
        level="national",
        source_url="https://example.org/panel",
        source_date=date(2026, 5, 2),
    )


def review(client, model, rows, action):
    meta = model._meta
    return client.post(
        f"/staff/{meta.app_label}/{meta.model_name}/",
        {"action": action, "_selected_action": [row.pk for row in rows]},
    )


def test_a_reviewer_confirms_pending_evidence_and_the_log_names_them(signed_in, pending_event):
    client = signed_in("reviewer")
    reference = Reference.objects.create(
        url="https://example.org/detected",
        kind="public-domain",
        language="en",
        summary="A detected mention.",
        source_date=date(2026, 5, 2),
    )
    assert review(client, Event, [pending_event], "confirm_selected").status_code == 302
    assert review(client, Reference, [reference], "reject_selected").status_code == 302
    pending_event.refresh_from_db()
    reference.refresh_from_db()
    assert pending_event.review == "confirmed" and reference.review == "rejected"
    entry = LogEntry.objects.get_for_object(pending_event).latest("timestamp")
    assert entry.actor.username == "reviewer"
    assert entry.changes_dict["review"] == ["pending", "confirmed"]


def test_an_editor_can_neither_run_nor_post_a_review(signed_in, pending_event):
    client = signed_in("editor")
    page = client.get("/staff/events/event/")
    assert b"confirm_selected" not in page.content
    review(client, Event, [pending_event], "confirm_selected")
    pending_event.refresh_from_db()
    assert pending_event.review == "pending"
    form = client.get(change_url(pending_event))
    assert b'name="review"' not in form.content  # shown read-only
