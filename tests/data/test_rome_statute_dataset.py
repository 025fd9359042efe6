"""Checks on the bundled Rome Statute actions file, read with the csv module only.

The party counts below are the figures the sources state for a given day; the sources are
listed in docs/research/rome-statute.md. A State counts as a party on a day when its
instrument of consent is in force for it (article 126) and no denunciation of it has taken
effect (article 127).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

DATASET = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "treatywatch"
    / "data"
    / "actions"
    / "rome-statute.csv"
)
COLUMNS = [
    "treaty", "state", "action", "action_class", "date", "effective_on",
    "reported_entry_into_force", "place", "scope", "recorded_on", "retracted_on",
    "source_url", "source_date", "note",
]  # fmt: skip
DATE_COLUMNS = ("date", "effective_on", "reported_entry_into_force", "source_date")
ACTION_CLASSES = {
    "signature", "ratification", "acceptance", "approval", "accession", "succession",
    "withdrawal_of_signature", "denunciation",
}  # fmt: skip
CONSENT_CLASSES = {"ratification", "acceptance", "approval", "accession", "succession"}
NEEDS_SIGNATURE = {"ratification", "acceptance", "approval"}
# UNTC prints no suffix for a ratification; the words come from the non-UNTC sources.
RAW_TO_CLASS = {
    "Signature": "signature",
    "Ratification": "ratification",
    "ratification": "ratification",
    "a": "accession",
    "accession": "accession",
    "A": "acceptance",
    "AA": "approval",
    "d": "succession",
    "notification of withdrawal": "denunciation",
    "notification (intention not to become a party)": "withdrawal_of_signature",
}
# Article 126(1): the 60th instrument was deposited on 11 April 2002; the Statute entered
# into force on 1 July 2002 for every State that had deposited by then.
THRESHOLD_DEPOSIT = dt.date(2002, 4, 11)
STATUTE_IN_FORCE = dt.date(2002, 7, 1)
READ_ON = dt.date(2026, 11, 29)


@dataclass(frozen=True)
class ActionRow:
    line: int
    state: str
    action: str
    action_class: str
    date: dt.date | None
    effective_on: dt.date | None
    reported_entry_into_force: dt.date | None
    source_url: str
    source_date: dt.date
    values: dict[str, str]


def load_rows(path: Path) -> list[ActionRow]:
    """The rows of an actions file; bad input raises ValueError naming file, line and field."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != COLUMNS:
            raise ValueError(f"{path}:1: header: expected {COLUMNS}, found {reader.fieldnames}")
        rows = []
        for values in reader:
            # The header is line 1, so the first record is line 2 (no field holds a newline).
            line = reader.line_num
            dates = {
                column: _parse_date(path, line, column, values[column]) for column in DATE_COLUMNS
            }
            source_date = dates["source_date"]
            if source_date is None:
                raise ValueError(f"{path}:{line}: source_date: required")
            rows.append(
                ActionRow(
                    line=line,
                    state=values["state"],
                    action=values["action"],
                    action_class=values["action_class"],
                    date=dates["date"],
                    effective_on=dates["effective_on"],
                    reported_entry_into_force=dates["reported_entry_into_force"],
                    source_url=values["source_url"],
                    source_date=source_date,
                    values=values,
                )
            )
    return rows


def _parse_date(path: Path, line: int, column: str, text: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{path}:{line}: {column}: {text!r} is not an ISO date") from None


def entry_into_force_for(deposited_on: dt.date) -> dt.date:
    """Article 126: the first day of the month after the 60th day following the deposit."""
    if deposited_on <= THRESHOLD_DEPOSIT:
        return STATUTE_IN_FORCE
    sixtieth_day = deposited_on + dt.timedelta(days=60)
    first_of_next = dt.date(
        sixtieth_day.year + sixtieth_day.month // 12, sixtieth_day.month % 12 + 1, 1
    )
    return max(STATUTE_IN_FORCE, first_of_next)


def parties_on(rows: list[ActionRow], day: dt.date) -> set[str]:
    """States for which the Statute is in force on `day` and no withdrawal has taken effect."""
    in_force = {
        row.state
        for row in rows
        if row.action_class in CONSENT_CLASSES
        and row.date is not None
        and entry_into_force_for(row.date) <= day
    }
    withdrawn = {
        row.state
        for row in rows
        if row.action_class == "denunciation"
        and row.effective_on is not None
        and row.effective_on <= day
    }
    return in_force - withdrawn


@pytest.fixture(scope="module")
def rows() -> list[ActionRow]:
    return load_rows(DATASET)


def test_every_row_is_a_rome_statute_action_of_a_known_class(rows: list[ActionRow]) -> None:
    """Each row names the treaty, an alpha-3 State, an allowed class and a dated act."""
    assert len(rows) > 250
    for row in rows:
        where = f"line {row.line}"
        assert row.values["treaty"] == "rome-statute", where
        assert len(row.state) == 3 and row.state.isalpha() and row.state.isupper(), where
        assert row.action_class in ACTION_CLASSES, where
        assert row.date is not None, where
        assert row.values["recorded_on"] == "" and row.values["retracted_on"] == "", where


def test_raw_action_agrees_with_its_class(rows: list[ActionRow]) -> None:
    """The act type as printed (UNTC suffix or word) maps to the class given on the row."""
    for row in rows:
        assert RAW_TO_CLASS.get(row.action) == row.action_class, f"line {row.line}"


def test_every_row_is_sourced_and_read_on_or_before_today(rows: list[ActionRow]) -> None:
    """Each row has at least one http(s) source URL and a reading date not in the future."""
    for row in rows:
        urls = row.source_url.split()
        assert urls, f"line {row.line}: no source"
        assert all(url.startswith(("https://", "http://")) for url in urls), f"line {row.line}"
        assert row.source_date <= READ_ON, f"line {row.line}"


def test_state_class_and_date_are_unique(rows: list[ActionRow]) -> None:
    """No two rows share the stable key (state, action_class, date)."""
    keys = [(row.state, row.action_class, row.date) for row in rows]
    duplicates = {key for key in keys if keys.count(key) > 1}
    assert not duplicates


def test_consent_by_signatories_never_precedes_signature(rows: list[ActionRow]) -> None:
    """Ratification, acceptance and approval follow (or share the day of) a signature."""
    signed = {row.state: row.date for row in rows if row.action_class == "signature"}
    for row in rows:
        if row.action_class in NEEDS_SIGNATURE:
            assert row.state in signed, f"line {row.line}: {row.state} never signed"
            assert signed[row.state] <= row.date, f"line {row.line}"


def test_signatures_fall_in_the_signature_period(rows: list[ActionRow]) -> None:
    """Article 125 kept the Statute open for signature from 17 July 1998 to 31 December 2000."""
    for row in rows:
        if row.action_class == "signature":
            assert dt.date(1998, 7, 17) <= row.date <= dt.date(2000, 12, 31), f"line {row.line}"


def test_reported_entry_into_force_matches_article_126(rows: list[ActionRow]) -> None:
    """Where a source prints a State's entry into force, article 126 gives the same day."""
    reported = [row for row in rows if row.reported_entry_into_force is not None]
    assert len(reported) >= 15
    for row in reported:
        assert row.action_class in CONSENT_CLASSES, f"line {row.line}"
        assert entry_into_force_for(row.date) == row.reported_entry_into_force, f"line {row.line}"


def test_entry_into_force_rule_handles_month_and_year_ends() -> None:
    """The 60-day count rolls into the next month and, in December, into the next year."""
    assert entry_into_force_for(dt.date(2024, 10, 25)) == dt.date(2025, 1, 1)
    assert entry_into_force_for(dt.date(2019, 11, 26)) == dt.date(2020, 2, 1)
    assert entry_into_force_for(dt.date(2002, 4, 12)) == STATUTE_IN_FORCE
    assert entry_into_force_for(THRESHOLD_DEPOSIT) == STATUTE_IN_FORCE


def test_sixtieth_instrument_came_with_the_ten_deposits_of_11_april_2002(
    rows: list[ActionRow],
) -> None:
    """Fewer than 60 instruments before 11 April 2002; ten that day took the count past 60."""
    deposits = [row.date for row in rows if row.action_class in CONSENT_CLASSES]
    before = sum(1 for day in deposits if day < THRESHOLD_DEPOSIT)
    that_day = sum(1 for day in deposits if day == THRESHOLD_DEPOSIT)
    assert before < 60 <= before + that_day
    assert that_day == 10


def test_denunciations_take_effect_one_year_after_notification(rows: list[ActionRow]) -> None:
    """Article 127(1): a party's withdrawal takes effect one year after its notice."""
    consented = {row.state: row.date for row in rows if row.action_class in CONSENT_CLASSES}
    denunciations = [row for row in rows if row.action_class == "denunciation"]
    assert {row.state for row in denunciations} == {"BDI", "PHL"}
    for row in denunciations:
        assert row.effective_on == row.date.replace(year=row.date.year + 1), f"line {row.line}"
        assert consented[row.state] < row.date, f"line {row.line}"


def test_withdrawals_of_signature_come_from_signatories_that_never_consented(
    rows: list[ActionRow],
) -> None:
    """An 'unsigning' follows the State's signature, has no consent, and says what it means."""
    signed = {row.state: row.date for row in rows if row.action_class == "signature"}
    consented = {row.state for row in rows if row.action_class in CONSENT_CLASSES}
    unsigned = [row for row in rows if row.action_class == "withdrawal_of_signature"]
    assert {row.state for row in unsigned} == {"USA", "ISR", "SDN"}
    for row in unsigned:
        assert signed[row.state] < row.date, f"line {row.line}"
        assert row.state not in consented, f"line {row.line}"
        assert "not" in row.values["note"] and "party" in row.values["note"], f"line {row.line}"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2015, 4, 1), 123),  # Palestine in force as the 123rd State Party
        (dt.date(2016, 12, 3), 124),  # El Salvador the 124th; Wikipedia copy of Dec 2016
        (dt.date(2017, 3, 8), 124),  # report of South Africa's revocation: 124 members
        (dt.date(2019, 3, 17), 122),  # after the Philippines' withdrawal; "122 as of March 2019"
        (dt.date(2020, 2, 1), 123),  # Kiribati in force as the 123rd State Party
        (dt.date(2021, 8, 18), 123),  # NUS Centre for International Law status line
        (dt.date(2024, 1, 1), 123),  # before Armenia's entry into force
        (dt.date(2024, 2, 1), 124),  # Armenia brings the number to 124
        (dt.date(2025, 1, 1), 125),  # Ukraine the 125th State Party
        (dt.date(2025, 7, 17), 125),  # ICC ceremony for Ukraine
        (READ_ON, 125),  # 125 per UNTC in October 2026 (secondary report)
    ],
)
def test_party_counts_match_the_sources(rows: list[ActionRow], day: dt.date, expected: int) -> None:
    """The number of States Parties on a day is the number the sources state for that day."""
    assert len(parties_on(rows, day)) == expected


def test_signatory_counts_match_the_sources(rows: list[ActionRow]) -> None:
    """139 signatories; 31 of them without consent in 2015 and 29 today (Armenia, Ukraine)."""
    signed = {row.state for row in rows if row.action_class == "signature"}
    assert len(signed) == 139

    def without_consent(day: dt.date) -> int:
        consented = {
            row.state for row in rows if row.action_class in CONSENT_CLASSES and row.date <= day
        }
        return len(signed - consented)

    assert without_consent(dt.date(2015, 1, 31)) == 31
    assert without_consent(READ_ON) == 29


def test_burundi_and_philippines_leave_on_the_day_their_withdrawal_takes_effect(
    rows: list[ActionRow],
) -> None:
    """A withdrawing State is a party the day before its withdrawal takes effect, not on it."""
    for state, effective in (("BDI", dt.date(2017, 10, 27)), ("PHL", dt.date(2019, 3, 17))):
        assert state in parties_on(rows, effective - dt.timedelta(days=1))
        assert state not in parties_on(rows, effective)


def test_loader_names_file_line_and_field_of_a_bad_date(tmp_path: Path) -> None:
    """A malformed date is reported as file:line: field, not as a bare parsing error."""
    bad = tmp_path / "bad.csv"
    good_row = ["rome-statute", "ALB", "Signature", "signature", "1998-07-18", "", "", "Rome"]
    good_row += ["", "", "", "https://example.org", "2026-11-29", ""]
    bad_row = list(good_row)
    bad_row[4] = "18 Jul 1998"
    with bad.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows([COLUMNS, good_row, bad_row])
    expected = f"{bad}:3: date: '18 Jul 1998' is not an ISO date"
    with pytest.raises(ValueError, match="^" + re.escape(expected) + "$"):
        load_rows(bad)
