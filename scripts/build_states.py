"""Regenerate ``src/treatywatch/data/states.csv``.

Codes come from pycountry (ISO 3166-1) and names from the CLDR data that ships
with Babel; the UN status and regional group of each entity, with their
sources, are hand-checked and kept in ``scripts/states_input.csv``.

    PYTHONPATH=src /work/venv/bin/python scripts/build_states.py          # write
    PYTHONPATH=src /work/venv/bin/python scripts/build_states.py --check  # compare only
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pycountry
from babel import Locale

REPO = Path(__file__).resolve().parent.parent
INPUT_PATH = REPO / "scripts" / "states_input.csv"
OUTPUT_PATH = REPO / "src" / "treatywatch" / "data" / "states.csv"

INPUT_COLUMNS = ("code", "un_status", "un_regional_group", "source_url", "source_date", "note")
OUTPUT_COLUMNS = (
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
)
UN_STATUSES = frozenset({"member", "observer", "other"})
UN_REGIONAL_GROUPS = frozenset(
    {
        "african",
        "asia_pacific",
        "eastern_european",
        "latin_american_caribbean",
        "western_european_others",
        "none",
    }
)
NAME_LOCALES = ("en", "fr", "es")

# Kosovo has no ISO 3166-1 entry; XK is the user-assigned code CLDR uses for it.
NON_ISO_CODES = {"XKX": ("XK", "")}

# Babel keeps only CLDR's default territory names and drops the alt="short" forms.
# These are the short forms from CLDR (cldr-json, cldr-localenames-full/main/<locale>/
# territories.json, keys "PS-alt-short" and "MM-alt-short"), used where the default
# names a territory rather than the State ("Palestinian Territories") or adds a gloss.
# Treaty practice names the State, not the territory, and spells names out: the UN lists the
# observer State as the Holy See (https://www.un.org/en/about-us/non-member-states) where CLDR has
# "Vatican City", and writes "and" where CLDR's English short names use "&" or "St."
# (https://www.un.org/en/about-us/member-states). CLDR's "Congo - Kinshasa" style is a UI
# disambiguator, not a name used in treaties.
TREATY_NAMES = {
    "VA": {"en": "Holy See", "fr": "Saint-Siège", "es": "Santa Sede"},
    "CD": {"en": "Democratic Republic of the Congo", "fr": "République démocratique du Congo"},
    "CG": {"en": "Congo", "fr": "Congo"},
    "AG": {"en": "Antigua and Barbuda"},
    "BA": {"en": "Bosnia and Herzegovina"},
    "KN": {"en": "Saint Kitts and Nevis"},
    "LC": {"en": "Saint Lucia"},
    "VC": {"en": "Saint Vincent and the Grenadines"},
    "ST": {"en": "Sao Tome and Principe"},
    "TT": {"en": "Trinidad and Tobago"},
    "MM": {"fr": "Myanmar", "es": "Myanmar"},
}
CLDR_SHORT_NAMES = {
    "PS": {"en": "Palestine", "fr": "Palestine", "es": "Palestina"},
    "MM": {"en": "Myanmar"},
}


class InputError(ValueError):
    """A row of the input file is invalid; the message names file, line and field."""


@dataclass(frozen=True)
class StateInput:
    code: str
    un_status: str
    un_regional_group: str
    source_url: str
    source_date: str
    note: str


def read_input(path: Path) -> list[StateInput]:
    """Read and check every row of the hand-checked input, reporting all problems at once."""
    problems: list[str] = []
    rows: list[StateInput] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != INPUT_COLUMNS:
            raise InputError(f"{path}:1: header: expected {','.join(INPUT_COLUMNS)}")
        for line, record in enumerate(reader, start=2):
            row = StateInput(**{column: (record[column] or "").strip() for column in INPUT_COLUMNS})
            problems.extend(f"{path}:{line}: {message}" for message in _row_problems(row, seen))
            seen.add(row.code)
            rows.append(row)
    if problems:
        raise InputError("\n".join(problems))
    return rows


def _row_problems(row: StateInput, seen: set[str]) -> list[str]:
    problems = []
    if row.code in seen:
        problems.append(f"code: duplicate {row.code!r}")
    if row.code not in NON_ISO_CODES and pycountry.countries.get(alpha_3=row.code) is None:
        problems.append(f"code: {row.code!r} is not an ISO 3166-1 alpha-3 code")
    if row.un_status not in UN_STATUSES:
        problems.append(f"un_status: {row.un_status!r} is not one of {sorted(UN_STATUSES)}")
    if row.un_regional_group not in UN_REGIONAL_GROUPS:
        problems.append(f"un_regional_group: {row.un_regional_group!r} is not a known group")
    if not row.source_url.startswith(("http://", "https://")):
        problems.append("source_url: missing or not an http(s) URL")
    try:
        datetime.date.fromisoformat(row.source_date)
    except ValueError:
        problems.append(f"source_date: {row.source_date!r} is not an ISO date (YYYY-MM-DD)")
    return problems


def codes_for(code: str) -> tuple[str, str]:
    """Return (alpha-2, numeric) for an alpha-3 code; numeric is empty where ISO has none."""
    if code in NON_ISO_CODES:
        return NON_ISO_CODES[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        raise KeyError(code)
    return country.alpha_2, country.numeric


def names_for(alpha2: str) -> dict[str, str]:
    """Return the CLDR name of a territory in each locale, preferring CLDR's short form."""
    names = {}
    for locale in NAME_LOCALES:
        chosen = TREATY_NAMES.get(alpha2, {}).get(locale) or CLDR_SHORT_NAMES.get(alpha2, {}).get(
            locale
        )
        names[locale] = chosen or Locale.parse(locale).territories[alpha2]
    return names


def build_rows(inputs: list[StateInput]) -> list[dict[str, str]]:
    rows = []
    for state in sorted(inputs, key=lambda item: item.code):
        alpha2, numeric = codes_for(state.code)
        names = names_for(alpha2)
        rows.append(
            {
                "code": state.code,
                "alpha2": alpha2,
                "numeric": numeric,
                "name_en": names["en"],
                "name_fr": names["fr"],
                "name_es": names["es"],
                "un_status": state.un_status,
                "un_regional_group": state.un_regional_group,
                "source_url": state.source_url,
                "source_date": state.source_date,
                "note": state.note,
            }
        )
    return rows


def render(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=OUTPUT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    try:
        text = render(build_rows(read_input(INPUT_PATH)))
    except InputError as error:
        print(error, file=sys.stderr)
        return 2
    if args.check:
        current = OUTPUT_PATH.read_text(encoding="utf-8") if OUTPUT_PATH.exists() else ""
        if current != text:
            print(f"{OUTPUT_PATH} is out of date: run scripts/build_states.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT_PATH.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {len(text.splitlines()) - 1} rows to {OUTPUT_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
