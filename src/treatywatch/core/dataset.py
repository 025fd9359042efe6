"""The bundled dataset: plain files in the package, read into validated records."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from treatywatch.core.dates import DateError, parse_date
from treatywatch.core.evidence import EventRecord, ReferenceRecord, load_events, load_references
from treatywatch.core.records import (
    Action,
    Cited,
    Declaration,
    Delay,
    EntryIntoForceRule,
    Membership,
    SourceConflict,
    State,
    Treaty,
    UnStatus,
)
from treatywatch.core.tabular import Problem, TableError, read_table
from treatywatch.core.validate import Context, FieldReader, validate_actions, validate_declarations

__all__ = [
    "DATA_DIR",
    "ORGANISATIONS",
    "REGIONAL_GROUPS",
    "Dataset",
    "dataset_digest",
    "load_dataset",
    "treaty_from_entry",
    "treaty_to_entry",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ORGANISATIONS = ("UN", "COE", "EU", "AU", "OAS")
REGIONAL_GROUPS = (
    "african",
    "asia_pacific",
    "eastern_european",
    "latin_american_caribbean",
    "western_european_others",
    "none",
)
# The files of the record, for the digest; other folders under data/ have their own readers.
RECORD_FILES = (
    "states.csv",
    "memberships.csv",
    "treaties.yaml",
    "source_conflicts.csv",
    "events.csv",
    "references.csv",
)
RECORD_FOLDERS = ("actions", "declarations")


@dataclass(frozen=True)
class Dataset:
    states: tuple[State, ...]
    memberships: tuple[Membership, ...]
    treaties: Mapping[str, Treaty]
    actions: tuple[Action, ...]
    declarations: tuple[Declaration, ...]
    conflicts: tuple[SourceConflict, ...]
    events: tuple[EventRecord, ...]
    references: tuple[ReferenceRecord, ...]
    digest: str

    @property
    def states_by_code(self) -> dict[str, State]:
        return {state.code: state for state in self.states}


def record_paths(data_dir: Path = DATA_DIR) -> list[Path]:
    paths = [data_dir / name for name in RECORD_FILES if (data_dir / name).exists()]
    for folder in RECORD_FOLDERS:
        paths.extend(sorted((data_dir / folder).glob("*.csv")))
    return paths


def dataset_digest(data_dir: Path = DATA_DIR) -> str:
    """A digest of the record files, to tell when the bundled data changed."""
    digest = hashlib.sha256()
    for path in record_paths(data_dir):
        digest.update(path.relative_to(data_dir).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def load_dataset(data_dir: Path = DATA_DIR, today: date | None = None) -> Dataset:
    """Read and check every bundled file; TableError lists every problem in all of them."""
    today = today or date.today()
    problems: list[Problem] = []
    states = _load_states(data_dir / "states.csv", problems, today)
    states_by_code = {state.code: state for state in states}
    memberships = _load_memberships(data_dir / "memberships.csv", states_by_code, problems, today)
    treaties = _load_treaties(data_dir / "treaties.yaml", problems)
    context = Context(states_by_code, treaties, today)
    actions: list[Action] = []
    for path in sorted((data_dir / "actions").glob("*.csv")):
        rows = _rows(path, problems)
        found, found_problems = validate_actions(_name(path), rows, context)
        actions.extend(found)
        problems.extend(found_problems)
        if any(action.treaty != path.stem for action in found):
            problems.append(
                Problem(_name(path), 0, "treaty", f"every row must be for {path.stem!r}")
            )
    declarations: list[Declaration] = []
    for path in sorted((data_dir / "declarations").glob("*.csv")):
        found_declarations, found_problems = validate_declarations(
            _name(path), _rows(path, problems), context
        )
        declarations.extend(found_declarations)
        problems.extend(found_problems)
    conflicts = _load_conflicts(data_dir / "source_conflicts.csv", problems, today)
    codes = set(states_by_code)
    events = _evidence(load_events, data_dir / "events.csv", codes, today, problems)
    references = _evidence(load_references, data_dir / "references.csv", codes, today, problems)
    if problems:
        raise TableError(problems)
    return Dataset(
        states=tuple(states),
        memberships=tuple(memberships),
        treaties=treaties,
        actions=tuple(actions),
        declarations=tuple(declarations),
        conflicts=tuple(conflicts),
        events=tuple(events),
        references=tuple(references),
        digest=dataset_digest(data_dir),
    )


def _evidence(
    loader: Any, path: Path, codes: set[str], today: date, problems: list[Problem]
) -> list[Any]:
    if not path.exists():
        return []
    try:
        return list(loader(path, codes, today))
    except TableError as error:
        problems.extend(error.problems)
        return []


def _name(path: Path) -> str:
    try:
        return path.relative_to(DATA_DIR.parent.parent).as_posix()
    except ValueError:
        return str(path)


def _rows(path: Path, problems: list[Problem]) -> list[Any]:
    if not path.exists():
        return []
    try:
        return read_table(path)[1]
    except TableError as error:
        problems.extend(error.problems)
        return []


def _load_states(path: Path, problems: list[Problem], today: date) -> list[State]:
    states = []
    seen: set[str] = set()
    for row in _rows(path, problems):
        reader = FieldReader(_name(path), row, problems, today)
        code = reader.text("code", required=True).upper()
        if code in seen:
            reader.problem("code", f"{code} appears twice")
        seen.add(code)
        un_status = reader.choice("un_status", UnStatus)
        group = reader.text("un_regional_group", required=True)
        if group and group not in REGIONAL_GROUPS:
            reader.problem("un_regional_group", f"unknown group {group!r}")
        names = {lang: reader.text(f"name_{lang}", required=True) for lang in ("en", "fr", "es")}
        source_url = reader.urls("source_url")
        source_date = reader.date("source_date", required=True)
        if code and un_status and source_date:
            states.append(
                State(
                    code=code,
                    alpha2=reader.text("alpha2", required=True).upper(),
                    numeric=reader.text("numeric"),
                    names=names,
                    un_status=un_status,
                    un_regional_group=group,
                    source_url=source_url,
                    source_date=source_date,
                    note=reader.text("note"),
                )
            )
    return states


def _load_memberships(
    path: Path, states: Mapping[str, State], problems: list[Problem], today: date
) -> list[Membership]:
    memberships = []
    for row in _rows(path, problems):
        reader = FieldReader(_name(path), row, problems, today)
        state = reader.state("state", states)
        organisation = reader.text("organisation", required=True)
        if organisation and organisation not in ORGANISATIONS:
            reader.problem("organisation", f"unknown organisation {organisation!r}")
        joined = reader.date("joined")
        left = reader.date("left", past=False)
        if joined and left and left < joined:
            reader.problem("left", "is before joined")
        source_url = reader.urls("source_url")
        source_date = reader.date("source_date", required=True)
        if state and organisation in ORGANISATIONS and source_date:
            memberships.append(
                Membership(
                    state, organisation, joined, left, source_url, source_date, reader.text("note")
                )
            )
    return memberships


def _load_conflicts(path: Path, problems: list[Problem], today: date) -> list[SourceConflict]:
    conflicts = []
    for row in _rows(path, problems):
        reader = FieldReader(_name(path), row, problems, today)
        subject = reader.text("subject", required=True)
        claim = reader.text("claim", required=True)
        source_url = reader.urls("source_url")
        source_date = reader.date("source_date", required=True)
        reading = reader.text("our_reading", required=True)
        if subject and claim and source_date and reading:
            conflicts.append(SourceConflict(subject, claim, source_url, source_date, reading))
    return conflicts


def _load_treaties(path: Path, problems: list[Problem]) -> dict[str, Treaty]:
    name = _name(path)
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as error:
        problems.append(
            Problem(
                name,
                getattr(getattr(error, "problem_mark", None), "line", 0) + 1,
                "file",
                str(error),
            )
        )
        return {}
    treaties = {}
    for index, entry in enumerate(entries, start=1):
        where = f"treaty {index}"
        try:
            treaty = treaty_from_entry(entry)
        except (KeyError, TypeError, ValueError, DateError) as error:
            problems.append(Problem(name, 0, where, f"{type(error).__name__}: {error}"))
            continue
        treaties[treaty.slug] = treaty
    return treaties


def _cited(entry: Mapping[str, Any], field: str) -> Cited:
    fact = entry[field]
    if not isinstance(fact, Mapping):
        raise ValueError(
            f"{field}: expected a mapping with value, source_url, source_date, verified"
        )
    missing = [key for key in ("value", "source_url", "source_date", "verified") if key not in fact]
    if missing:
        raise ValueError(f"{field}: missing {', '.join(missing)}")
    source_date = fact["source_date"]
    if not isinstance(source_date, date):
        source_date = parse_date(str(source_date))
    if not str(fact["source_url"]).startswith(("http://", "https://")):
        raise ValueError(f"{field}: source_url must be an http(s) URL")
    return Cited(
        fact["value"],
        str(fact["source_url"]),
        source_date,
        bool(fact["verified"]),
        str(fact.get("note", "")),
    )


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return parse_date(str(value))


def treaty_from_entry(entry: Mapping[str, Any]) -> Treaty:
    """A treaty from its entry in treaties.yaml (or the same mapping stored as JSON)."""
    slug = str(entry["slug"])
    facts = {
        field: _cited(entry, field) for field in entry if field not in ("slug", "entry_into_force")
    }
    rule_entry = entry["entry_into_force"]
    rule_facts = {
        field: _cited(rule_entry, field) for field in ("threshold", "delay", "later_states")
    }
    for field, fact in rule_facts.items():
        facts[f"entry_into_force.{field}"] = fact
    rule = EntryIntoForceRule(
        threshold=int(rule_facts["threshold"].value),
        delay=Delay(**rule_facts["delay"].value),
        later_states=Delay(**rule_facts["later_states"].value),
        verified=all(fact.verified for fact in rule_facts.values()),
        source_url=rule_facts["threshold"].source_url,
        note=" ".join(fact.note for fact in rule_facts.values() if fact.note),
    )
    return Treaty(
        slug=slug,
        title=str(facts["title"].value),
        short_title=str(facts["short_title"].value),
        entry_into_force=rule,
        consent_requires_signature=bool(facts["consent_requires_signature"].value),
        opened_for_signature=_as_date(facts["opened_for_signature"].value),
        facts=facts,
    )


def treaty_to_entry(treaty: Treaty) -> dict[str, Any]:
    """The treaty as a JSON-ready mapping in the shape of its treaties.yaml entry."""
    entry: dict[str, Any] = {"slug": treaty.slug, "entry_into_force": {}}
    for name, fact in treaty.facts.items():
        value = fact.value.isoformat() if isinstance(fact.value, date) else fact.value
        cited = {
            "value": value,
            "source_url": fact.source_url,
            "source_date": fact.source_date.isoformat(),
            "verified": fact.verified,
            "note": fact.note,
        }
        if name.startswith("entry_into_force."):
            entry["entry_into_force"][name.split(".", 1)[1]] = cited
        else:
            entry[name] = cited
    return entry
