"""The one set of event rules (core, no Django): what passes, what is refused and how it is said."""

from datetime import date
from pathlib import Path

import pytest

from treatywatch.core.event_rules import (
    EventInvalid,
    check_event,
    draft_from_values,
    make_slug,
    read_events,
    validate_event,
)
from treatywatch.core.evidence import Review
from treatywatch.core.tabular import read_table

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "events"
CODES = {"NLD", "BEL", "SEN", "GHA", "XKX"}
TODAY = date(2026, 11, 29)


def good(**changes):
    values = {
        "slug": "sample-event",
        "title": "Sample event",
        "starts_on": "2024-02-14",
        "ends_on": "2024-02-15",
        "level": "international",
        "kind": "seminar",
        "audiences": "judges:12;prosecutors",
        "states": "NLD;XKX",
        "measures": "training",
        "source_url": "https://example.org/a",
        "source_date": "2026-11-01",
    }
    values.update(changes)
    return values


def fields_at_fault(values):
    draft, issues = draft_from_values(values)
    issues += check_event(draft, CODES, TODAY)
    return {issue.field: issue.message for issue in issues}


def test_a_good_event_becomes_a_record_with_typed_fields():
    """Dates are dates, audiences are (role, count) pairs, lists are tuples, review pending."""
    record = validate_event(good(), CODES, TODAY)
    assert record.starts_on == date(2024, 2, 14) and record.ends_on == date(2024, 2, 15)
    assert record.audiences == (("judges", 12), ("prosecutors", None))
    assert record.states == ("NLD", "XKX") and record.participants == 12
    assert record.review is Review.PENDING


def test_json_native_values_are_read_like_csv_text():
    """An API body may send lists, booleans and {role, count} objects."""
    record = validate_event(
        good(
            audiences=[{"role": "judges", "count": 3}, {"role": "diplomats", "count": None}],
            states=["nld", "BEL"],
            measures=["training"],
            online=True,
            starts_on=date(2024, 2, 14),
        ),
        CODES,
        TODAY,
    )
    assert record.audiences == (("judges", 3), ("diplomats", None))
    assert record.states == ("NLD", "BEL") and record.online is True


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"ends_on": "2024-02-13"}, "ends_on", "ends (2024-02-13) before it starts (2024-02-14)"),
        ({"starts_on": ""}, "ends_on", "set while starts_on is unknown"),
        ({"states": "NLD;ATL"}, "states", "unknown State 'ATL'"),
        ({"audiences": "judges:-4"}, "audiences", "participant count for 'judges' is negative"),
        ({"audiences": [{"role": "judges", "count": -1}]}, "audiences", "is negative (-1)"),
        ({"audiences": "judges:many"}, "audiences", "is not a whole number: 'many'"),
        ({"audiences": "lawyers:3"}, "audiences", "unknown role 'lawyers'"),
        ({"audiences": "judges:1;judges:2"}, "audiences", "role 'judges' is listed twice"),
        ({"measures": "lobby"}, "measures", "unknown measure 'lobby'"),
        ({"level": "global"}, "level", "unknown level 'global'"),
        ({"level": ""}, "level", "required"),
        ({"kind": "party"}, "kind", "unknown kind 'party'"),
        ({"title": "  "}, "title", "required"),
        ({"slug": "Bad Slug"}, "slug", "not a lower-case hyphenated slug"),
        ({"online": "yes"}, "online", "expected true, false or empty"),
        ({"starts_on": "2024-02-30"}, "starts_on", "2024-02-30"),
        ({"source_url": ""}, "source_url", "required"),
        ({"source_url": "www.example.org"}, "source_url", "is not an http(s) URL"),
        ({"source_date": ""}, "source_date", "required"),
        ({"source_date": "2027-01-01"}, "source_date", "is in the future"),
        ({"colour": "red"}, "colour", "unknown field"),
    ],
)
def test_bad_input_is_refused_naming_the_field(changes, field, words):
    """Each broken rule is reported on the field at fault, in words a person understands."""
    problems = fields_at_fault(good(**changes))
    assert field in problems, problems
    assert words in problems[field]


def test_validate_event_raises_with_every_issue():
    """The API's entry point refuses bad input with all issues at once."""
    with pytest.raises(EventInvalid) as caught:
        validate_event(good(ends_on="2024-01-01", states="ATL"), CODES, TODAY)
    assert {issue.field for issue in caught.value.issues} == {"ends_on", "states"}
    assert "ends_on:" in str(caught.value)


def test_file_rows_are_reported_as_file_line_field_message():
    """A bad file yields one `file:line: field: message` per problem and no records."""
    path = FIXTURES / "bad_events.csv"
    records, problems = read_events(str(path), read_table(path)[1], CODES, TODAY)
    texts = [str(problem) for problem in problems]
    assert records == []
    assert f"{path}:2: ends_on: the event ends (2025-03-09) before it starts (2025-03-10)" in texts
    assert f"{path}:3: states: unknown State 'ATL' (use ISO alpha-3 codes)" in texts
    assert f"{path}:4: audiences: participant count for 'judges' is negative (-3)" in texts
    assert any(text.startswith(f"{path}:5: level: unknown level 'global'") for text in texts)
    assert any(text.startswith(f"{path}:5: audiences: unknown role 'lawyers'") for text in texts)
    assert any(text.startswith(f"{path}:5: measures: unknown measure 'lobby'") for text in texts)


def test_a_slug_is_made_when_a_row_has_none_and_repeats_are_refused():
    """Rows without a slug get one from title and date; a repeated slug names the first line."""
    path = FIXTURES / "good_events.csv"
    records, problems = read_events(str(path), read_table(path)[1], CODES, TODAY)
    assert problems == []
    assert records[1].slug == "webinar-on-mutual-legal-assistance-under-the-convention-2025-06-02"
    rows = read_table(path)[1]
    _, problems = read_events("twice.csv", [rows[0], rows[0]], CODES, TODAY)
    assert [str(p) for p in problems] == [
        "twice.csv:2: slug: 'test-workshop-dakar' repeats the event on line 2"
    ]


def test_make_slug_drops_accents_and_punctuation():
    assert make_slug("Séminaire : la Convention !", date(2025, 1, 2)) == (
        "seminaire-la-convention-2025-01-02"
    )
    assert make_slug("", None) == "event"
