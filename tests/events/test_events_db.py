"""Events in the database: the model's clean(), the importer, the calendar and the CLI."""

import json
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from icalendar import Calendar
from typer.testing import CliRunner

from treatywatch.cli import app
from treatywatch.core.event_rules import EventInvalid
from treatywatch.core.tabular import TableError
from treatywatch.events.importing import import_events
from treatywatch.events.models import Event
from treatywatch.events.services import save_event, validate_event_payload
from treatywatch.treaties.loading import ensure_database

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "events"
TODAY = date(2026, 11, 29)
pytestmark = pytest.mark.django_db
runner = CliRunner()


@pytest.fixture(autouse=True)
def bundled():
    ensure_database(TODAY)


def staff_event(**changes):
    fields = {
        "slug": "staff-event",
        "title": "Training for central authorities",
        "starts_on": date(2025, 5, 1),
        "ends_on": date(2025, 5, 2),
        "level": "national",
        "audiences": [{"role": "central_authority_staff", "count": 15}],
        "measures": ["training"],
        "source_url": "https://example.org/training",
        "source_date": date(2026, 11, 1),
    }
    fields.update(changes)
    return Event(**fields)


def test_clean_accepts_a_good_event():
    staff_event().full_clean()


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"ends_on": date(2025, 4, 30)}, "ends_on", "before it starts"),
        ({"audiences": [{"role": "judges", "count": -2}]}, "audiences", "is negative (-2)"),
        ({"audiences": [{"role": "lawyers", "count": 2}]}, "audiences", "unknown role"),
        ({"audiences": {"judges": 2}}, "audiences", "expected a list"),
        ({"measures": ["lobby"]}, "measures", "unknown measure 'lobby'"),
        ({"source_url": "not a url"}, "source_url", "is not an http(s) URL"),
    ],
)
def test_clean_refuses_what_the_importer_refuses(changes, field, words):
    """The staff workspace gets the core's message on the field at fault."""
    with pytest.raises(ValidationError) as caught:
        staff_event(**changes).full_clean()
    messages = caught.value.message_dict
    assert any(words in message for message in messages[field]), messages


def test_the_database_refuses_an_event_ending_before_it_starts():
    """A check constraint backs the rule for writes that skip validation."""
    with pytest.raises(IntegrityError), transaction.atomic():
        staff_event(ends_on=date(2025, 4, 1)).save()


def test_api_validation_refuses_unknown_states_and_negative_counts():
    """The function the API calls names each field at fault."""
    payload = {
        "title": "Meeting",
        "starts_on": "2025-01-02",
        "level": "national",
        "states": ["NLD", "ATL"],
        "audiences": [{"role": "judges", "count": -1}],
        "source_url": "https://example.org/m",
        "source_date": "2026-11-01",
    }
    with pytest.raises(EventInvalid) as caught:
        validate_event_payload(payload, TODAY)
    assert {issue.field for issue in caught.value.issues} == {"states", "audiences"}
    record = validate_event_payload({**payload, "states": ["NLD"], "audiences": []}, TODAY)
    row, outcome = save_event(record)
    assert outcome == "added" and list(row.states.values_list("code", flat=True)) == ["NLD"]


def test_import_is_all_or_nothing():
    """One bad row and nothing is written; every problem names file, line and field."""
    before = Event.objects.count()
    with pytest.raises(TableError) as caught:
        import_events(FIXTURES / "bad_events.csv", TODAY)
    assert Event.objects.count() == before
    assert f"{FIXTURES / 'bad_events.csv'}:3: states: unknown State 'ATL'" in str(caught.value)


def test_import_is_idempotent_and_keeps_review_decisions():
    """A second import changes nothing; a reviewer's confirmation survives a re-import."""
    first = import_events(FIXTURES / "good_events.csv", TODAY)
    assert first.counts == {"added": 2}
    row = Event.objects.get(slug="test-workshop-dakar")
    assert row.review == "pending" and row.origin == "import"
    assert sorted(row.states.values_list("code", flat=True)) == ["GHA", "SEN"]
    assert row.audiences == [{"role": "judges", "count": 12}, {"role": "prosecutors", "count": 8}]
    Event.objects.filter(pk=row.pk).update(review="confirmed")
    second = import_events(FIXTURES / "good_events.csv", TODAY)
    assert second.counts == {"unchanged": 2}
    assert Event.objects.get(pk=row.pk).review == "confirmed"


def test_json_import_and_confirm_flag():
    result = import_events(FIXTURES / "events.json", TODAY, confirm=True)
    assert result.counts == {"added": 1}
    row = Event.objects.get(slug="test-side-event-asp")
    assert row.review == "confirmed" and row.audiences == [{"role": "diplomats", "count": 40}]


def test_import_reports_a_likely_duplicate_without_merging(tmp_path):
    """The same ceremony entered under another slug is kept and reported."""
    path = tmp_path / "again.csv"
    header = (FIXTURES / "good_events.csv").read_text().splitlines()[0]
    path.write_text(
        header + "\nceremony-again,Ljubljana - The Hague Convention signing ceremony,"
        '2024-02-14,,international,ceremony,,,"The Hague, Netherlands",,,,,,'
        "https://example.org/x,2026-11-01,\n"
    )
    result = import_events(path, TODAY)
    assert result.counts == {"added": 1}
    assert [(p.first, p.second) for p in result.duplicates] == [
        ("ceremony-again", "signing-ceremony-the-hague-2024-02-14")
    ]
    assert Event.objects.filter(slug="ceremony-again").exists()


def test_ics_export_holds_dated_confirmed_events(tmp_path):
    """Each dated event is an all-day entry ending the day after its last day."""
    out = tmp_path / "events.ics"
    result = runner.invoke(app, ["events", "ics", "--out", str(out)])
    assert result.exit_code == 0, result.output
    calendar = Calendar.from_ical(out.read_bytes())
    entries = {str(c["uid"]): c for c in calendar.walk("VEVENT")}
    conference = entries["diplomatic-conference-ljubljana-2023@treatywatch"]
    assert conference.decoded("dtstart") == date(2023, 5, 15)
    assert conference.decoded("dtend") == date(2023, 5, 27)
    undated = Event.objects.filter(starts_on__isnull=True, review="confirmed").count()
    dated = Event.objects.filter(starts_on__isnull=False, review="confirmed").count()
    assert len(entries) == dated and undated > 0
    assert "without a known day left out" in result.output


def test_cli_import_prints_problems_and_exits_non_zero():
    result = runner.invoke(app, ["events", "import", str(FIXTURES / "bad_events.csv")])
    assert result.exit_code == 1
    assert f"{FIXTURES / 'bad_events.csv'}:2: ends_on: the event ends" in result.output
    assert "nothing was written" in result.output


def test_cli_list_filters_by_state_and_period():
    result = runner.invoke(
        app, ["events", "list", "--state", "SI", "--from", "2023-01-01", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all("SVN" in row["states"] for row in rows)
    assert all((row["ends_on"] or row["starts_on"] or "9999") >= "2023-01-01" for row in rows)


def test_a_model_form_shows_the_rules_on_its_fields_and_never_crashes():
    """The admin's form refuses bad input on the field at fault; a rule on a field the form
    leaves out becomes a general error naming it instead of crashing the form."""
    from django.forms import modelform_factory

    data = {
        "slug": "form-event", "title": "Form event", "starts_on": "2025-05-02",
        "ends_on": "2025-05-01", "level": "national", "kind": "", "audiences": "[]",
        "measures": "[]", "source_url": "https://example.org/f", "source_date": "2026-11-01",
        "review": "pending", "origin": "staff",
    }  # fmt: skip
    full = modelform_factory(Event, fields="__all__")(data)
    assert not full.is_valid()
    assert any("before it starts" in message for message in full.errors["ends_on"])
    partial = modelform_factory(Event, exclude=["ends_on"])(data)
    partial.instance.ends_on = date(2025, 5, 1)
    assert not partial.is_valid()
    assert any("ends_on: the event ends" in m for m in partial.non_field_errors())
