"""Checks on the bundled events and references files (pledge indicators 3 to 5).

The validators below report every problem as ``file:line: field: message`` so a bad
row is easy to find; the fixture tests prove each rule actually rejects bad input.
"""

from __future__ import annotations

import csv
import datetime
import re
from collections import Counter
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import pycountry
import pytest

EVENT_COLUMNS = [
    "slug", "title", "starts_on", "ends_on", "level", "kind", "forum", "organisers", "place",
    "online", "audiences", "states", "measures", "materials", "source_url", "source_date",
    "note",
]  # fmt: skip
REFERENCE_COLUMNS = [
    "url", "title", "published_on", "language", "kind", "forum", "publisher", "country",
    "summary", "source_date", "note",
]  # fmt: skip

LEVELS = {"international", "regional", "national"}
EVENT_KINDS = {
    "conference", "meeting", "side_event", "seminar", "workshop", "training", "ceremony",
    "statement", "publication", "other",
}  # fmt: skip
ONLINE = {"true", "false", ""}
ROLES = {
    "judges", "prosecutors", "central_authority_staff", "diplomats", "parliamentarians",
    "civil_society", "general_public", "academics", "officials",
}  # fmt: skip
MEASURES = {
    "sign", "ratify", "encourage_others", "use_provisions", "raise_in_fora",
    "public_awareness", "training",
}  # fmt: skip
KINDS = {"adopted-document", "public-domain"}
# Kosovo has no ISO 3166 code; XKX is the user-assigned code the data model uses.
STATE_CODES = {country.alpha_3 for country in pycountry.countries} | {"XKX"}
LANGUAGE_CODES = {
    language.alpha_2 for language in pycountry.languages if hasattr(language, "alpha_2")
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL = re.compile(r"^https?://\S+$")


def _data_file(name: str) -> Path:
    return Path(str(resources.files("treatywatch") / "data" / name))


def _read(name: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Return the header and the rows, each with its line number in the file."""
    with _data_file(name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [(reader.line_num, row) for row in reader]
        return list(reader.fieldnames or []), rows


def _date_problem(value: str) -> str | None:
    if not ISO_DATE.match(value):
        return f"{value!r} is not a YYYY-MM-DD date"
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return f"{value!r} is not a real calendar date"
    return None


def _split(value: str) -> list[str]:
    return [] if value == "" else value.split(";")


def _list_problems(value: str, allowed: set[str], what: str) -> list[str]:
    items = _split(value)
    problems = [f"unknown {what} {item!r}" for item in items if item not in allowed]
    problems += [f"{what} {item!r} repeated" for item, n in Counter(items).items() if n > 1]
    return problems


def _audience_problems(value: str) -> list[str]:
    problems = []
    roles = []
    for item in _split(value):
        role, _, count = item.partition(":")
        roles.append(role)
        if role not in ROLES:
            problems.append(f"unknown audience role {role!r}")
        if ":" in item and not (count.isdigit() and int(count) > 0):
            problems.append(f"count for {role!r} must be a positive whole number, got {count!r}")
    problems += [f"audience role {r!r} repeated" for r, n in Counter(roles).items() if n > 1]
    return problems


def _source_problems(row: dict[str, str], url_field: str) -> list[tuple[str, str]]:
    problems = []
    urls = row[url_field].split(" ")
    if row[url_field] == "" or any(not URL.match(url) for url in urls):
        problems.append((url_field, "needs one or more http(s) URLs separated by single spaces"))
    if row["source_date"] == "":
        problems.append(("source_date", "missing"))
    elif message := _date_problem(row["source_date"]):
        problems.append(("source_date", message))
    return problems


def event_problems(name: str, line: int, row: dict[str, str]) -> list[str]:
    """All problems of one events row, as ``file:line: field: message``."""
    found: list[tuple[str, str]] = []
    if not SLUG.match(row["slug"]):
        found.append(("slug", f"{row['slug']!r} is not a lower-case hyphenated slug"))
    if row["title"].strip() == "":
        found.append(("title", "missing"))
    for field in ("starts_on", "ends_on"):
        if row[field] and (message := _date_problem(row[field])):
            found.append((field, message))
    if row["ends_on"] and not row["starts_on"]:
        found.append(("ends_on", "set while starts_on is unknown"))
    elif row["ends_on"] and row["ends_on"] < row["starts_on"]:
        found.append(("ends_on", f"{row['ends_on']} is before starts_on {row['starts_on']}"))
    if row["level"] not in LEVELS:
        found.append(("level", f"{row['level']!r} is not one of {sorted(LEVELS)}"))
    if row["kind"] not in EVENT_KINDS:
        found.append(("kind", f"{row['kind']!r} is not one of {sorted(EVENT_KINDS)}"))
    if row["online"] not in ONLINE:
        found.append(("online", f"{row['online']!r} must be true, false or empty"))
    found += [("audiences", message) for message in _audience_problems(row["audiences"])]
    found += [("states", m) for m in _list_problems(row["states"], STATE_CODES, "State code")]
    found += [("measures", m) for m in _list_problems(row["measures"], MEASURES, "measure")]
    found += _source_problems(row, "source_url")
    return [f"{name}:{line}: {field}: {message}" for field, message in found]


def reference_problems(name: str, line: int, row: dict[str, str]) -> list[str]:
    """All problems of one references row, as ``file:line: field: message``."""
    found: list[tuple[str, str]] = []
    if row["published_on"] and (message := _date_problem(row["published_on"])):
        found.append(("published_on", message))
    if row["language"] not in LANGUAGE_CODES:
        found.append(("language", f"{row['language']!r} is not an ISO 639-1 code"))
    if row["kind"] not in KINDS:
        found.append(("kind", f"{row['kind']!r} is not one of {sorted(KINDS)}"))
    if row["country"] and row["country"] not in STATE_CODES:
        found.append(("country", f"{row['country']!r} is not an ISO 3166 alpha-3 code"))
    if row["summary"].strip() == "":
        found.append(("summary", "missing"))
    if row["kind"] == "adopted-document" and row["forum"].strip() == "":
        found.append(("forum", "an adopted document must name the forum or body"))
    found += _source_problems(row, "url")
    return [f"{name}:{line}: {field}: {message}" for field, message in found]


def duplicates(values: Iterable[str]) -> list[str]:
    """Values that occur more than once, in sorted order."""
    return sorted(value for value, n in Counter(values).items() if n > 1)


def _event(**changes: str) -> dict[str, str]:
    row = {
        "slug": "sample-event",
        "title": "Sample event",
        "starts_on": "2024-02-14",
        "ends_on": "2024-02-15",
        "level": "international",
        "kind": "conference",
        "forum": "",
        "organisers": "",
        "place": "",
        "online": "false",
        "audiences": "judges:12;prosecutors",
        "states": "NLD;XKX",
        "measures": "sign;raise_in_fora",
        "materials": "",
        "source_url": "https://example.org/a https://example.org/b",
        "source_date": "2026-11-29",
        "note": "",
    }
    row.update(changes)
    return row


def _reference(**changes: str) -> dict[str, str]:
    row = {
        "url": "https://example.org/news",
        "title": "",
        "published_on": "2024-02-14",
        "language": "nl",
        "kind": "public-domain",
        "forum": "",
        "publisher": "Example",
        "country": "NLD",
        "summary": "Mentions the Convention.",
        "source_date": "2026-11-29",
        "note": "",
    }
    row.update(changes)
    return row


# --- the bundled files --------------------------------------------------------


def test_events_file_has_exactly_the_documented_columns() -> None:
    """events.csv has the seventeen documented columns, in order."""
    header, _ = _read("events.csv")
    assert header == EVENT_COLUMNS


def test_references_file_has_exactly_the_documented_columns() -> None:
    """references.csv has the eleven documented columns, in order."""
    header, _ = _read("references.csv")
    assert header == REFERENCE_COLUMNS


def test_every_bundled_event_row_is_valid_and_sourced() -> None:
    """No events row breaks a vocabulary, date or provenance rule."""
    _, rows = _read("events.csv")
    problems = [p for line, row in rows for p in event_problems("events.csv", line, row)]
    assert problems == []


def test_every_bundled_reference_row_is_valid_and_sourced() -> None:
    """No references row breaks a vocabulary, date or provenance rule."""
    _, rows = _read("references.csv")
    problems = [p for line, row in rows for p in reference_problems("references.csv", line, row)]
    assert problems == []


def test_event_slugs_are_unique() -> None:
    """Each event slug appears once, so it can serve as a stable key."""
    _, rows = _read("events.csv")
    assert duplicates(row["slug"] for _, row in rows) == []


def test_reference_urls_are_unique() -> None:
    """Each reference URL appears once, so a mention is never counted twice."""
    _, rows = _read("references.csv")
    assert duplicates(row["url"] for _, row in rows) == []


@pytest.mark.parametrize(
    ("slug", "starts_on", "ends_on"),
    [
        ("diplomatic-conference-ljubljana-2023", "2023-05-15", "2023-05-26"),
        ("signing-ceremony-the-hague-2024-02-14", "2024-02-14", "2024-02-14"),
        ("asser-seminar-2024-02-15", "2024-02-15", "2024-02-15"),
        ("rcrc-34th-international-conference-2024", "2024-10-28", "2024-10-31"),
    ],
)
def test_documented_anchor_events_ship_with_their_dates(
    slug: str, starts_on: str, ends_on: str
) -> None:
    """The conference, signing, seminar and Red Cross conference are present with their dates."""
    _, rows = _read("events.csv")
    by_slug = {row["slug"]: row for _, row in rows}
    assert (by_slug[slug]["starts_on"], by_slug[slug]["ends_on"]) == (starts_on, ends_on)


def test_signing_ceremony_lists_the_32_states_that_signed_that_day() -> None:
    """The 14 February 2024 ceremony names 32 States, matching the Dutch treaty database."""
    _, rows = _read("events.csv")
    ceremony = next(r for _, r in rows if r["slug"] == "signing-ceremony-the-hague-2024-02-14")
    states = ceremony["states"].split(";")
    assert len(states) == 32
    assert "DNK" not in states  # Denmark signed on 15 February


def test_both_reference_kinds_are_represented() -> None:
    """The references file feeds both indicator 4 and indicator 5."""
    _, rows = _read("references.csv")
    assert {row["kind"] for _, row in rows} == KINDS


# --- the validators on fixtures written here ----------------------------------


def test_a_well_formed_event_passes() -> None:
    """A row using counts, Kosovo's XKX code and two source URLs has no problems."""
    assert event_problems("f.csv", 2, _event()) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"ends_on": "2024-02-13"}, "f.csv:7: ends_on: 2024-02-13 is before starts_on 2024-02-14"),
        ({"starts_on": "14-02-2024"}, "f.csv:7: starts_on: '14-02-2024' is not a YYYY-MM-DD date"),
        ({"starts_on": "2023-02-30"}, "f.csv:7: starts_on: '2023-02-30' is not a real calendar"),
        ({"starts_on": ""}, "f.csv:7: ends_on: set while starts_on is unknown"),
        ({"level": "global"}, "f.csv:7: level: 'global' is not one of"),
        ({"online": "yes"}, "f.csv:7: online: 'yes' must be true, false or empty"),
        ({"kind": "party"}, "f.csv:7: kind: 'party' is not one of"),
        ({"audiences": "lawyers"}, "f.csv:7: audiences: unknown audience role 'lawyers'"),
        ({"audiences": "judges:many"}, "f.csv:7: audiences: count for 'judges' must be"),
        ({"audiences": "judges;judges:3"}, "f.csv:7: audiences: audience role 'judges' repeated"),
        ({"states": "NL"}, "f.csv:7: states: unknown State code 'NL'"),
        ({"measures": "lobby"}, "f.csv:7: measures: unknown measure 'lobby'"),
        ({"source_url": ""}, "f.csv:7: source_url: needs one or more http(s) URLs"),
        ({"source_url": "https://a.org  https://b.org"}, "f.csv:7: source_url: needs one"),
        ({"source_date": ""}, "f.csv:7: source_date: missing"),
        ({"slug": "Bad Slug"}, "f.csv:7: slug: 'Bad Slug' is not a lower-case hyphenated slug"),
    ],
)
def test_a_bad_event_row_is_reported_with_file_line_and_field(
    changes: dict[str, str], expected: str
) -> None:
    """Each broken rule yields a message naming the file, the line and the field."""
    problems = event_problems("f.csv", 7, _event(**changes))
    assert any(problem.startswith(expected) for problem in problems), problems


def test_a_well_formed_reference_passes() -> None:
    """A dated Dutch news reference with a publisher country has no problems."""
    assert reference_problems("r.csv", 2, _reference()) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"kind": "news"}, "r.csv:4: kind: 'news' is not one of"),
        ({"language": "dut"}, "r.csv:4: language: 'dut' is not an ISO 639-1 code"),
        ({"country": "nld"}, "r.csv:4: country: 'nld' is not an ISO 3166 alpha-3 code"),
        ({"published_on": "2024-13-01"}, "r.csv:4: published_on: '2024-13-01' is not a real"),
        ({"summary": " "}, "r.csv:4: summary: missing"),
        ({"url": "www.example.org"}, "r.csv:4: url: needs one or more http(s) URLs"),
        ({"kind": "adopted-document"}, "r.csv:4: forum: an adopted document must name"),
        ({"source_date": "2026/11/29"}, "r.csv:4: source_date: '2026/11/29' is not a YYYY"),
    ],
)
def test_a_bad_reference_row_is_reported_with_file_line_and_field(
    changes: dict[str, str], expected: str
) -> None:
    """Each broken rule yields a message naming the file, the line and the field."""
    problems = reference_problems("r.csv", 4, _reference(**changes))
    assert any(problem.startswith(expected) for problem in problems), problems


def test_duplicates_finds_repeated_keys_only() -> None:
    """Only values seen more than once are returned, sorted."""
    assert duplicates(["b", "a", "b", "c", "a"]) == ["a", "b"]
    assert duplicates(["a", "b"]) == []
