"""Outreach rules and follow-ups in the core, on handmade records."""

from datetime import date
from pathlib import Path

import pytest

from treatywatch.core.outreach import (
    OutreachInvalid,
    OutreachRecord,
    due_follow_ups,
    read_outreach,
    validate_outreach,
)
from treatywatch.core.tabular import read_table

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "outreach"
CODES = {"NLD", "GHA", "BRA", "SVN", "KEN"}
TODAY = date(2026, 11, 29)


def contact(**changes):
    values = {
        "on": "2026-09-01",
        "actor_state": "NLD",
        "target": "GHA",
        "channel": "demarche",
        "measure": "ratify",
    }
    values.update(changes)
    return values


def test_a_good_contact_is_read_with_its_key():
    record = validate_outreach(contact(follow_up_on="2026-12-01"), CODES, TODAY)
    assert record.on == date(2026, 9, 1) and record.outcome == "pending"
    assert record.key == "2026-09-01/NLD/GHA/demarche" and record.public is False


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"target": "ATL"}, "target", "unknown State 'ATL'"),
        ({"target": "NLD"}, "target", "cannot approach itself"),
        ({"actor_state": ""}, "actor_state", "required"),
        ({"actor_state": "XXX"}, "actor_state", "unknown State 'XXX'"),
        ({"channel": "fax"}, "channel", "unknown channel 'fax'"),
        ({"channel": "statement_in_forum"}, "forum", "required for a statement"),
        ({"measure": "lobby"}, "measure", "unknown measure 'lobby'"),
        ({"outcome": "maybe"}, "outcome", "unknown outcome 'maybe'"),
        ({"follow_up_on": "2026-08-01"}, "follow_up_on", "is before the contact"),
        ({"follow_up_done_on": "2026-10-01"}, "follow_up_done_on", "without a follow-up date"),
        ({"on": "2027-01-01"}, "on", "is in the future"),
        ({"on": ""}, "on", "required"),
        ({"public": "true"}, "source_url", "required when the contact is public"),
        ({"public": "perhaps"}, "public", "expected true or false"),
        ({"source_url": "example.org"}, "source_url", "is not an http(s) URL"),
    ],
)
def test_bad_contacts_are_refused_naming_the_field(changes, field, words):
    with pytest.raises(OutreachInvalid) as caught:
        validate_outreach(contact(**changes), CODES, TODAY)
    messages = {issue.field: issue.message for issue in caught.value.issues}
    assert field in messages and words in messages[field], messages


def test_a_bad_file_is_reported_line_by_line():
    path = FIXTURES / "bad_contacts.csv"
    records, problems = read_outreach(str(path), read_table(path)[1], CODES, TODAY)
    texts = [str(p) for p in problems]
    assert records == []
    assert f"{path}:2: target: unknown State 'ATL'" in texts
    assert any(t.startswith(f"{path}:3: channel: unknown channel 'carrier_pigeon'") for t in texts)
    assert f"{path}:3: follow_up_on: 2026-08-01 is before the contact (2026-09-01)" in texts
    assert any(t.startswith(f"{path}:4: actor_state: required") for t in texts)
    assert any(t.startswith(f"{path}:4: forum: required") for t in texts)


def record(day, follow_up, done=None, target="GHA"):
    return OutreachRecord(
        on=day, target=target, channel="letter", actor_state="NLD",
        follow_up_on=follow_up, follow_up_done_on=done,
    )  # fmt: skip


def test_due_follow_ups_lists_overdue_and_soon_due_but_not_done_or_far_ones():
    """Overdue first, then those within the window; done and distant ones are left out."""
    overdue = record(date(2026, 9, 1), date(2026, 11, 15), target="GHA")
    soon = record(date(2026, 10, 1), date(2026, 12, 5), target="BRA")
    done = record(date(2026, 6, 1), date(2026, 7, 1), date(2026, 7, 3), target="KEN")
    far = record(date(2026, 10, 1), date(2027, 3, 1), target="SVN")
    none = record(date(2026, 10, 1), None, target="NLD")
    due = due_follow_ups([soon, done, far, overdue, none], TODAY, within_days=14)
    assert [item.record.target for item in due] == ["GHA", "BRA"]
    assert due[0].days_late == 14 and due[0].overdue
    assert due[1].days_late == -6 and not due[1].overdue
    assert due_follow_ups([soon], TODAY, within_days=0) == []
