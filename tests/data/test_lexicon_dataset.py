"""Checks on the bundled lexicon of Convention names (src/treatywatch/data/lexicon/*.yaml).

The lexicon is data read by the detector, so every file is validated here the way a loader
would: structure, allowed values and provenance. Problems are reported as
``file:line: field: message`` so a broken entry can be found at once.
"""

from __future__ import annotations

import datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

LEXICON_DIR = Path(str(files("treatywatch") / "data" / "lexicon"))

# The languages the lexicon promises to cover (ISO 639-1; Norwegian as Bokmål "nb").
REQUIRED_LANGUAGES = frozenset(
    {
        "en",
        "fr",
        "es",
        "de",
        "nl",
        "sl",
        "it",
        "pt",
        "ru",
        "uk",
        "pl",
        "hr",
        "sr",
        "bs",
        "cs",
        "sk",
        "ro",
        "el",
        "hu",
        "tr",
        "ar",
        "zh",
        "ja",
        "fi",
        "sv",
        "nb",
        "da",
        "lv",
        "lt",
        "et",
        "sq",
        "mk",
        "bg",
        "ca",
        "mn",
        "ko",
    }
)
TOP_LEVEL_KEYS = frozenset({"language", "ljubljana", "the_hague", "names"})
REQUIRED_NAME_KEYS = frozenset({"text", "form", "attested", "source_url", "source_date"})
OPTIONAL_NAME_KEYS = frozenset({"note"})
ALLOWED_FORMS = frozenset({"full", "short", "acronym", "contextual"})


def _node_lines(root: yaml.Node | None) -> tuple[int, list[int]]:
    """Return the 1-based line of the ``names`` key and of each entry under it."""
    if not isinstance(root, yaml.MappingNode):
        return 1, []
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "names":
            entries = value.value if isinstance(value, yaml.SequenceNode) else []
            return key.start_mark.line + 1, [node.start_mark.line + 1 for node in entries]
    return 1, []


def _is_iso_date(value: Any) -> bool:
    # PyYAML turns an unquoted 2026-11-29 into a date; a quoted one stays a string.
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return True
    if isinstance(value, str):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return False
        return len(value) == 10
    return False


def _check_city_list(data: dict[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        return [f"{where}: {key}: must be a non-empty list of spellings"]
    if not all(isinstance(item, str) and item.strip() for item in value):
        return [f"{where}: {key}: every spelling must be a non-empty string"]
    if len(set(value)) != len(value):
        return [f"{where}: {key}: duplicate spellings"]
    return []


def _check_entry(entry: Any, index: int, where: str) -> list[str]:
    field = f"names[{index}]"
    if not isinstance(entry, dict):
        return [f"{where}: {field}: must be a mapping"]
    problems = [
        f"{where}: {field}.{key}: missing" for key in sorted(REQUIRED_NAME_KEYS - entry.keys())
    ]
    problems += [
        f"{where}: {field}.{key}: unknown field"
        for key in sorted(entry.keys() - REQUIRED_NAME_KEYS - OPTIONAL_NAME_KEYS)
    ]
    text = entry.get("text")
    if "text" in entry and (not isinstance(text, str) or not text.strip()):
        problems.append(f"{where}: {field}.text: must be a non-empty string")
    if "form" in entry and entry["form"] not in ALLOWED_FORMS:
        problems.append(
            f"{where}: {field}.form: {entry['form']!r} is not one of {sorted(ALLOWED_FORMS)}"
        )
    if "attested" in entry and not isinstance(entry["attested"], bool):
        problems.append(f"{where}: {field}.attested: must be true or false")
    url = entry.get("source_url")
    if "source_url" in entry and not (
        isinstance(url, str) and url.startswith(("http://", "https://")) and " " not in url
    ):
        problems.append(f"{where}: {field}.source_url: must be one http(s) URL")
    if "source_date" in entry and not _is_iso_date(entry["source_date"]):
        problems.append(f"{where}: {field}.source_date: must be an ISO date YYYY-MM-DD")
    note = entry.get("note")
    if "note" in entry and (not isinstance(note, str) or not note.strip()):
        problems.append(f"{where}: {field}.note: must be a non-empty string when present")
    # A constructed name must say how it was built, so nobody mistakes it for usage.
    if entry.get("attested") is False and not (isinstance(note, str) and note.strip()):
        problems.append(f"{where}: {field}.note: required when attested is false")
    return problems


def validate_lexicon_text(text: str, filename: str) -> list[str]:
    """Return every problem in one lexicon file, each as ``file:line: field: message``."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return [f"{filename}:{line}: (file): not valid YAML: {error}"]
    if not isinstance(data, dict):
        return [f"{filename}:1: (file): top level must be a mapping"]
    names_line, entry_lines = _node_lines(root)
    top = f"{filename}:1"
    problems = [f"{top}: {key}: missing" for key in sorted(TOP_LEVEL_KEYS - data.keys())]
    problems += [f"{top}: {key}: unknown field" for key in sorted(data.keys() - TOP_LEVEL_KEYS)]
    stem = Path(filename).stem
    if data.get("language") != stem:
        problems.append(f"{top}: language: {data.get('language')!r} does not match file {stem!r}")
    if pycountry.languages.get(alpha_2=stem) is None:
        problems.append(f"{top}: language: {stem!r} is not an ISO 639-1 code")
    problems += _check_city_list(data, "ljubljana", top)
    problems += _check_city_list(data, "the_hague", top)
    names = data.get("names")
    if not isinstance(names, list) or not names:
        problems.append(f"{filename}:{names_line}: names: must be a non-empty list")
        return problems
    seen: dict[str, int] = {}
    for index, entry in enumerate(names):
        line = entry_lines[index] if index < len(entry_lines) else names_line
        where = f"{filename}:{line}"
        problems += _check_entry(entry, index, where)
        if isinstance(entry, dict) and isinstance(entry.get("text"), str):
            if entry["text"] in seen:
                problems.append(
                    f"{where}: names[{index}].text: duplicates names[{seen[entry['text']]}]"
                )
            seen.setdefault(entry["text"], index)
    return problems


LEXICON_FILES = sorted(LEXICON_DIR.glob("*.yaml"))


def test_every_required_language_has_a_file() -> None:
    """Each language the lexicon promises has a file named by its ISO 639-1 code."""
    present = {path.stem for path in LEXICON_FILES}
    assert sorted(REQUIRED_LANGUAGES - present) == []


@pytest.mark.parametrize("path", LEXICON_FILES, ids=lambda path: path.stem)
def test_lexicon_file_is_valid(path: Path) -> None:
    """A lexicon file parses, names its own language and gives every name a form and a source."""
    assert validate_lexicon_text(path.read_text(encoding="utf-8"), path.name) == []


@pytest.mark.parametrize("path", LEXICON_FILES, ids=lambda path: path.stem)
def test_lexicon_file_has_a_name_built_on_ljubljana(path: Path) -> None:
    """Each language offers a full or short name built on its spelling of Ljubljana.

    Only the Ljubljana stem is required: Slavic names derive an adjective from The Hague
    (haška, хашка) whose stem differs from the city noun listed under ``the_hague``.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    stems = {spelling.casefold()[:4] for spelling in data["ljubljana"]}
    named = [
        name["text"]
        for name in data["names"]
        if name["form"] in {"full", "short"}
        and any(stem in name["text"].casefold() for stem in stems)
    ]
    assert named, f"{path.name}: no full/short name contains a spelling of Ljubljana"


GOOD_FILE = """\
language: pl
ljubljana: [Lublana]
the_hague: [Haga]
names:
  - text: "Konwencja lublańsko-haska"
    form: short
    attested: false
    source_url: https://example.org/base
    source_date: 2026-11-29
    note: constructed
"""


def test_validator_accepts_a_well_formed_file() -> None:
    """A minimal correct file yields no problems, so the rules are not over-strict."""
    assert validate_lexicon_text(GOOD_FILE, "pl.yaml") == []


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (GOOD_FILE.replace("form: short", "form: nickname"), "pl.yaml:5: names[0].form:"),
        (
            GOOD_FILE.replace("    source_date: 2026-11-29\n", ""),
            "pl.yaml:5: names[0].source_date: missing",
        ),
        (GOOD_FILE.replace("2026-11-29", "29.11.2026"), "pl.yaml:5: names[0].source_date: must be"),
        (
            GOOD_FILE.replace("https://example.org/base", "example.org"),
            "pl.yaml:5: names[0].source_url:",
        ),
        (GOOD_FILE.replace("    note: constructed\n", ""), "pl.yaml:5: names[0].note: required"),
        (GOOD_FILE.replace("language: pl", "language: cs"), "pl.yaml:1: language:"),
        (GOOD_FILE.replace("the_hague: [Haga]", "the_hague: []"), "pl.yaml:1: the_hague:"),
        (GOOD_FILE.split("names:")[0] + "names: []\n", "pl.yaml:4: names: must be a non-empty"),
        (GOOD_FILE.replace("attested: false", "attested: maybe"), "pl.yaml:5: names[0].attested:"),
        (GOOD_FILE + "extra: 1\n", "pl.yaml:1: extra: unknown field"),
    ],
)
def test_validator_reports_file_line_and_field(broken: str, expected: str) -> None:
    """Each kind of defect is reported with the file name, line and field that caused it."""
    problems = validate_lexicon_text(broken, "pl.yaml")
    assert any(problem.startswith(expected) for problem in problems), problems


def test_validator_reports_duplicate_names() -> None:
    """The same text twice in one file is reported at the second occurrence."""
    entry = GOOD_FILE.split("names:\n")[1]
    problems = validate_lexicon_text(GOOD_FILE + entry, "pl.yaml")
    assert any(p.startswith("pl.yaml:11: names[1].text: duplicates names[0]") for p in problems)
