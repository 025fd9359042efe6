"""The outreach log in the database: clean(), import, follow-ups and the CLI."""

import json
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from typer.testing import CliRunner

from treatywatch.cli import app
from treatywatch.core.tabular import TableError
from treatywatch.outreach.models import OutreachContact
from treatywatch.outreach.services import (
    OutreachInvalid,
    follow_ups_due,
    import_outreach,
    validate_outreach_payload,
)
from treatywatch.treaties.loading import ensure_database

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "outreach"
TODAY = date(2026, 11, 29)
pytestmark = pytest.mark.django_db
runner = CliRunner()


@pytest.fixture(autouse=True)
def bundled():
    ensure_database(TODAY)


def test_clean_refuses_a_follow_up_before_the_contact_and_a_missing_actor():
    contact = OutreachContact(
        on=date(2026, 9, 1), target_id="GHA", channel="letter", follow_up_on=date(2026, 8, 1)
    )
    with pytest.raises(ValidationError) as caught:
        contact.full_clean()
    errors = caught.value.message_dict
    assert "is before the contact" in errors["follow_up_on"][0]
    assert "required" in errors["actor_state"][0]


def test_import_is_all_or_nothing_then_idempotent():
    with pytest.raises(TableError):
        import_outreach(FIXTURES / "bad_contacts.csv", TODAY)
    assert OutreachContact.objects.count() == 0
    assert import_outreach(FIXTURES / "contacts.csv", TODAY).counts == {"added": 3}
    assert import_outreach(FIXTURES / "contacts.csv", TODAY).counts == {"unchanged": 3}
    row = OutreachContact.objects.get(target_id="GHA")
    assert row.key == "2026-09-01/NLD/GHA/bilateral_meeting" and row.origin == "import"


def test_follow_ups_due_for_the_staff_workspace():
    """The overdue Ghana follow-up and the Brazil one due in six days; Kenya's was done."""
    import_outreach(FIXTURES / "contacts.csv", TODAY)
    due = follow_ups_due(TODAY, within_days=14)
    assert [(item.record.target, item.days_late) for item in due] == [("GHA", 14), ("BRA", -6)]


def test_api_validation_names_unknown_states():
    with pytest.raises(OutreachInvalid) as caught:
        validate_outreach_payload(
            {"on": "2026-09-01", "actor_state": "NLD", "target": "ATL", "channel": "letter"}
        )
    assert [issue.field for issue in caught.value.issues] == ["target"]


def test_cli_due_and_list():
    import_outreach(FIXTURES / "contacts.csv", TODAY)
    result = runner.invoke(app, ["outreach", "due", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [row["target"] for row in rows] == ["GHA", "BRA"] and rows[0]["overdue"] is True
    result = runner.invoke(app, ["outreach", "list", "--state", "svn", "--format", "csv"])
    assert result.exit_code == 0 and "KEN" in result.stdout and "GHA" not in result.stdout


def test_cli_import_reports_problems():
    result = runner.invoke(app, ["outreach", "import", str(FIXTURES / "bad_contacts.csv")])
    assert result.exit_code == 1 and "target: unknown State 'ATL'" in result.output
