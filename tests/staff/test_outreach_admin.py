"""The outreach log in the staff workspace: roles, the shared rules, the audit log, follow-ups."""

from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import User

from tests.staff.conftest import TODAY
from tests.staff.test_roles import permissions
from treatywatch.outreach.models import OutreachContact
from treatywatch.outreach.services import import_outreach

pytestmark = pytest.mark.usefixtures("bundle")
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "outreach"
ADD_URL = "/staff/outreach/outreachcontact/add/"


def contact_form(**changes):
    form = {
        "on": "2026-11-20",
        "actor_state": "NLD",
        "actor_organisation": "",
        "target": "GHA",
        "channel": "bilateral_meeting",
        "forum": "",
        "measure": "ratify",
        "summary": "Talked about the ratification bill.",
        "outcome": "interest",
        "outcome_note": "",
        "follow_up_on": "2026-12-10",
        "follow_up_done_on": "",
        "source_url": "",
        "note": "",
    }
    form.update(changes)
    return {key: value for key, value in form.items() if value is not None}


def test_roles_cover_outreach_and_the_monitor():
    """Viewers read both; editors keep the outreach log; reviewers decide on proposals; admins
    may do everything on both."""
    viewer, editor = permissions("viewer"), permissions("editor")
    reviewer, admin = permissions("reviewer"), permissions("admin")
    assert {"outreach.view_outreachcontact", "monitor.view_proposal", "monitor.view_run"} <= viewer
    assert {"outreach.add_outreachcontact", "outreach.change_outreachcontact"} <= editor
    assert "outreach.delete_outreachcontact" not in editor
    assert "monitor.review_proposal" in reviewer and "monitor.review_proposal" not in editor
    assert not any(name.startswith("outreach.") and "view_" not in name for name in reviewer)
    assert {
        "outreach.delete_outreachcontact",
        "monitor.delete_proposal",
        "monitor.change_sourcestate",
        "monitor.review_proposal",
    } <= admin


def test_an_editor_logs_a_contact_and_the_audit_log_names_them(signed_in):
    """A good contact is saved with its key; its change page shows the audit trail."""
    client = signed_in("editor")
    response = client.post(ADD_URL, contact_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    row = OutreachContact.objects.get()
    assert row.key == "2026-11-20/NLD/GHA/bilateral_meeting" and row.origin == "staff"
    entry = LogEntry.objects.get_for_object(row).get()
    assert entry.actor.username == "editor"
    page = client.get(f"/staff/outreach/outreachcontact/{row.pk}/change/").content.decode()
    assert "Audit log" in page and "Talked about the ratification bill." in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"follow_up_on": "2026-11-01"}, "follow_up_on", "before the contact"),
        ({"actor_state": "", "actor_organisation": ""}, "actor_state", "required"),
        ({"target": "NLD"}, "target", "cannot approach itself"),
        ({"channel": "statement_in_forum"}, "forum", "required for a statement"),
        ({"on": "2027-01-05", "follow_up_on": ""}, "on", "in the future"),
    ],
)
def test_the_shared_rules_refuse_bad_contacts(signed_in, changes, field, message):
    """The admin refuses what the importer and the API refuse, on the field at fault."""
    response = signed_in("editor").post(ADD_URL, contact_form(**changes))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in " ".join(errors.get(field, [])), errors
    assert not OutreachContact.objects.exists()


def test_viewers_cannot_add_contacts(signed_in):
    assert signed_in("viewer").get(ADD_URL).status_code == 403


def test_follow_ups_page_lists_what_falls_due(signed_in):
    """Ghana's follow-up is 14 days late, Brazil's due in 6 days; Kenya's was done."""
    import_outreach(FIXTURES / "contacts.csv", TODAY)
    client = signed_in("viewer")
    page = client.get("/staff/follow-ups/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "14 days late" in html and "in 6 days" in html
    assert html.index("GHA") < html.index("BRA") and "KEN" not in html
    narrow = client.get("/staff/follow-ups/?within=0").content.decode()
    assert "GHA" in narrow and "BRA" not in narrow


def test_follow_ups_page_refuses_a_bad_window_and_staff_without_the_permission(signed_in, client):
    assert signed_in("viewer").get("/staff/follow-ups/?within=soon").status_code == 400
    stranger = User.objects.create_user("stranger", is_staff=True)
    client.force_login(stranger)
    assert client.get("/staff/follow-ups/").status_code == 403


def test_the_outreach_list_links_to_the_follow_ups(signed_in):
    html = signed_in("viewer").get("/staff/outreach/outreachcontact/").content.decode()
    assert 'href="/staff/follow-ups/"' in html
