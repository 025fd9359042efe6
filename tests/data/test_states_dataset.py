"""Checks on the bundled states.csv and memberships.csv, and on the script that builds states.csv.

These tests read the shipped files; they need neither Django nor the network.
"""

from __future__ import annotations

import csv
import datetime
import importlib.util
import itertools
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType

import pycountry
import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "treatywatch" / "data"
STATES_PATH = DATA / "states.csv"
MEMBERSHIPS_PATH = DATA / "memberships.csv"
BUILD_SCRIPT = REPO / "scripts" / "build_states.py"

STATE_COLUMNS = [
    "code",
    "alpha2",
    "numeric",
    "name_en",
    "name_fr",
    "name_es",
    "un_status",
    "un_regional_group",
    "source_url",
    "source_date",
    "note",
]
MEMBERSHIP_COLUMNS = [
    "state",
    "organisation",
    "joined",
    "left",
    "source_url",
    "source_date",
    "note",
]
ORGANISATIONS = {"UN", "COE", "EU", "AU", "OAS"}


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def states() -> list[dict[str, str]]:
    return read_csv(STATES_PATH)[1]


@pytest.fixture(scope="module")
def memberships() -> list[dict[str, str]]:
    return read_csv(MEMBERSHIPS_PATH)[1]


@pytest.fixture(scope="module")
def build_states() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_states", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses resolve the module's annotations through sys.modules.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def parse_date(value: str) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def current(rows: list[dict[str, str]], organisation: str) -> set[str]:
    return {row["state"] for row in rows if row["organisation"] == organisation and not row["left"]}


# states.csv


def test_states_columns_are_exactly_the_documented_ones() -> None:
    """states.csv has the columns of docs/data-model.md, in that order."""
    assert read_csv(STATES_PATH)[0] == STATE_COLUMNS


def test_states_has_198_rows_with_unique_codes(states: list[dict[str, str]]) -> None:
    """193 UN members, 2 observer States, Kosovo, the Cook Islands and Niue: 198 rows."""
    assert len(states) == 198
    assert len({row["code"] for row in states}) == 198
    assert len({row["alpha2"] for row in states}) == 198


def test_un_status_counts(states: list[dict[str, str]]) -> None:
    """193 members; observers: Holy See, Palestine; 'other': Kosovo, Cook Islands, Niue."""
    by_status = defaultdict(set)
    for row in states:
        by_status[row["un_status"]].add(row["code"])
    assert set(by_status) == {"member", "observer", "other"}
    assert len(by_status["member"]) == 193
    assert by_status["observer"] == {"VAT", "PSE"}
    assert by_status["other"] == {"XKX", "COK", "NIU"}


def test_regional_group_counts(states: list[dict[str, str]]) -> None:
    """Group sizes match the UN list read (WEOG counts the United States, as for elections)."""
    groups = Counter(row["un_regional_group"] for row in states)
    assert groups == {
        "african": 54,
        "asia_pacific": 54,
        "eastern_european": 23,
        "latin_american_caribbean": 33,
        "western_european_others": 29,
        "none": 5,
    }
    assert all(row["un_regional_group"] != "none" for row in states if row["un_status"] == "member")


def test_every_state_row_has_a_source_and_an_iso_source_date(states: list[dict[str, str]]) -> None:
    """Each row names where its facts were read and when."""
    for row in states:
        assert row["source_url"].startswith(("http://", "https://")), row["code"]
        assert all(url.startswith(("http://", "https://")) for url in row["source_url"].split(" "))
        assert datetime.date.fromisoformat(row["source_date"]) <= datetime.date(2026, 11, 29)


def test_codes_agree_with_pycountry(states: list[dict[str, str]]) -> None:
    """alpha-3, alpha-2 and numeric come from ISO 3166-1, except Kosovo's user-assigned XKX/XK."""
    for row in states:
        if row["code"] == "XKX":
            assert (row["alpha2"], row["numeric"]) == ("XK", "")
            assert pycountry.countries.get(alpha_3="XKX") is None
            continue
        country = pycountry.countries.get(alpha_3=row["code"])
        assert country is not None, row["code"]
        assert (row["alpha2"], row["numeric"]) == (country.alpha_2, country.numeric)


def test_names_are_filled_in_three_languages(states: list[dict[str, str]]) -> None:
    """Every entity has English, French and Spanish names; Palestine uses CLDR's short form."""
    for row in states:
        assert row["name_en"] and row["name_fr"] and row["name_es"], row["code"]
    palestine = next(row for row in states if row["code"] == "PSE")
    assert (palestine["name_en"], palestine["name_fr"], palestine["name_es"]) == (
        "Palestine",
        "Palestine",
        "Palestina",
    )


def test_states_csv_is_what_the_build_script_produces(build_states: ModuleType) -> None:
    """Regenerating from the input file and the installed pycountry/Babel changes nothing."""
    rows = build_states.build_rows(build_states.read_input(build_states.INPUT_PATH))
    assert build_states.render(rows) == STATES_PATH.read_text(encoding="utf-8")


def test_build_script_reports_every_bad_input_field(
    build_states: ModuleType, tmp_path: Path
) -> None:
    """A bad input row is rejected with file, line and field named, all problems at once."""
    bad = tmp_path / "states_input.csv"
    bad.write_text(
        "code,un_status,un_regional_group,source_url,source_date,note\n"
        "FRA,member,western_european_others,https://example.org,2026-11-29,\n"
        "ZZZ,member,europe,example.org,29-11-2026,\n"
        "FRA,member,western_european_others,https://example.org,2026-11-29,\n",
        encoding="utf-8",
    )
    with pytest.raises(build_states.InputError) as caught:
        build_states.read_input(bad)
    message = str(caught.value)
    assert f"{bad}:3: code: 'ZZZ' is not an ISO 3166-1 alpha-3 code" in message
    assert f"{bad}:3: un_regional_group: 'europe' is not a known group" in message
    assert f"{bad}:3: source_url: missing or not an http(s) URL" in message
    assert f"{bad}:3: source_date: '29-11-2026' is not an ISO date (YYYY-MM-DD)" in message
    assert f"{bad}:4: code: duplicate 'FRA'" in message
    assert f"{bad}:2:" not in message


# memberships.csv


def test_memberships_columns_are_exactly_the_documented_ones() -> None:
    """memberships.csv has the columns of docs/data-model.md, in that order."""
    assert read_csv(MEMBERSHIPS_PATH)[0] == MEMBERSHIP_COLUMNS


def test_every_membership_names_a_known_state_and_organisation(
    states: list[dict[str, str]], memberships: list[dict[str, str]]
) -> None:
    """No row refers to an entity missing from states.csv or to an unknown organisation."""
    codes = {row["code"] for row in states}
    for line, row in enumerate(memberships, start=2):
        assert row["state"] in codes, f"line {line}: {row['state']}"
        assert row["organisation"] in ORGANISATIONS, f"line {line}: {row['organisation']}"


def test_membership_dates_are_iso_and_ordered(memberships: list[dict[str, str]]) -> None:
    """joined and left are ISO dates or empty, and a State never leaves before it joins."""
    for line, row in enumerate(memberships, start=2):
        joined, left = parse_date(row["joined"]), parse_date(row["left"])
        if joined and left:
            assert joined <= left, f"line {line}"
        assert row["source_url"].startswith(("http://", "https://")), f"line {line}"
        assert datetime.date.fromisoformat(row["source_date"]), f"line {line}"


def test_an_empty_date_is_explained(memberships: list[dict[str, str]]) -> None:
    """Where joined is empty the note says why, so a gap is never silent."""
    for line, row in enumerate(memberships, start=2):
        if not row["joined"]:
            assert row["note"], f"line {line}: {row['state']} {row['organisation']}"


def test_membership_periods_of_a_state_do_not_overlap(memberships: list[dict[str, str]]) -> None:
    """A State with several periods in one organisation (Greece in the CoE) has disjoint ones."""
    periods = defaultdict(list)
    for row in memberships:
        periods[(row["state"], row["organisation"])].append(row)
    for key, rows in periods.items():
        if len(rows) == 1:
            continue
        ordered = sorted(rows, key=lambda row: row["joined"])
        for earlier, later in itertools.pairwise(ordered):
            assert earlier["left"] and earlier["left"] < later["joined"], key


def test_known_membership_counts(
    states: list[dict[str, str]], memberships: list[dict[str, str]]
) -> None:
    """UN 193, CoE 46 now (47 with Russia), EU 27 now (28 with the UK), OAS 35, AU 54 rows.

    The AU has 55 members; the Sahrawi Arab Democratic Republic is not in states.csv.
    """
    un_members = {row["code"] for row in states if row["un_status"] == "member"}
    assert current(memberships, "UN") == un_members
    assert len(current(memberships, "COE")) == 46
    assert "RUS" not in current(memberships, "COE")
    assert len({row["state"] for row in memberships if row["organisation"] == "COE"}) == 47
    assert len(current(memberships, "EU")) == 27
    assert "GBR" not in current(memberships, "EU")
    assert len([row for row in memberships if row["organisation"] == "OAS"]) == 35
    assert len([row for row in memberships if row["organisation"] == "AU"]) == 54
    african = {row["code"] for row in states if row["un_regional_group"] == "african"}
    assert {row["state"] for row in memberships if row["organisation"] == "AU"} == african


@pytest.mark.parametrize(
    ("state", "organisation", "joined", "left"),
    [
        ("RUS", "COE", "1996-02-28", "2022-03-16"),
        ("GBR", "EU", "1973-01-01", "2020-01-31"),
        ("HRV", "EU", "2013-07-01", ""),
        ("MAR", "AU", "2017-01-31", ""),
        ("NIC", "OAS", "", "2023-11-19"),
        ("VEN", "OAS", "", ""),
        ("SSD", "UN", "2011-07-14", ""),
        ("MNE", "COE", "2007-05-11", ""),
    ],
)
def test_landmark_rows(
    memberships: list[dict[str, str]], state: str, organisation: str, joined: str, left: str
) -> None:
    """Rows for the changes the data model leans on carry the dates the sources give."""
    rows = [
        row
        for row in memberships
        if row["state"] == state and row["organisation"] == organisation and row["joined"] == joined
    ]
    assert len(rows) == 1
    assert rows[0]["left"] == left
