"""The Convention's own structure as data: parts, articles, annexes and the rules we rely on.

Read from `data/convention/`. Almost nothing here was read in the treaty text, so every row
carries `verified` and a source; the relations engine turns unverified rows into doubts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from treatywatch.core.dataset import DATA_DIR
from treatywatch.core.dates import DateError, parse_date
from treatywatch.core.records import Cited
from treatywatch.core.tabular import Problem, Row, TableError, read_table
from treatywatch.core.validate import FieldReader

__all__ = [
    "ARTICLE_SCOPES",
    "CONVENTION_DIR",
    "RULES",
    "Annex",
    "Article",
    "Convention",
    "CooperationKind",
    "Part",
    "article_number",
    "load_convention",
    "parse_cooperation",
    "roman",
]

CONVENTION_DIR = DATA_DIR / "convention"


class CooperationKind(StrEnum):
    MUTUAL_LEGAL_ASSISTANCE = "mutual_legal_assistance"
    EXTRADITION = "extradition"
    TRANSFER_OF_SENTENCED_PERSONS = "transfer_of_sentenced_persons"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


_COOPERATION_ALIASES = {
    "mla": CooperationKind.MUTUAL_LEGAL_ASSISTANCE,
    "legal_assistance": CooperationKind.MUTUAL_LEGAL_ASSISTANCE,
    "transfer": CooperationKind.TRANSFER_OF_SENTENCED_PERSONS,
    "transfer_of_prisoners": CooperationKind.TRANSFER_OF_SENTENCED_PERSONS,
}

# What an article's `cooperation` column may hold besides the kinds: `scope` for the provisions
# that say which crimes are covered (they bear on every request), `general` for other general
# provisions such as jurisdiction (they govern no kind of cooperation), `final_clauses`.
ARTICLE_SCOPES = frozenset({*CooperationKind, "scope", "general", "final_clauses"})

# The rules in rules.yaml and the type of their value (None always allowed: "not known").
RULES = {
    "annex_opt_in_reciprocal": bool,
    "provisional_application_binds_toward_parties": bool,
}

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_CRIME_KEY = re.compile(r"^[a-z][a-z_]*[a-z]$")


def roman(number: int) -> str:
    """Part numbers as treaties print them: 3 → III."""
    digits = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        digits.append(letters * count)
    return "".join(digits)


def from_roman(text: str) -> int | None:
    values = {letters: value for value, letters in _ROMAN if len(letters) == 1}
    total, previous = 0, 0
    for letter in reversed(text.upper()):
        if letter not in values:
            return None
        value = values[letter]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total or None


def article_number(reference: str) -> int | None:
    """The article a reference such as `8(3)` or `92(3)(a)` points to."""
    found = re.match(r"^\s*(\d+)", reference)
    return int(found.group(1)) if found else None


def parse_cooperation(text: str) -> CooperationKind:
    """A kind of cooperation from user input (`mla`, `extradition`, `transfer-of-…`, any case)."""
    wanted = re.sub(r"[\s-]+", "_", text.strip().lower())
    if wanted in _COOPERATION_ALIASES:
        return _COOPERATION_ALIASES[wanted]
    try:
        return CooperationKind(wanted)
    except ValueError:
        choices = ", ".join(kind.value for kind in CooperationKind)
        raise ValueError(
            f"unknown cooperation {text!r}; choose one of: {choices} (or mla, transfer)"
        ) from None


@dataclass(frozen=True)
class Part:
    number: int
    title: str
    first_article: int | None
    last_article: int | None
    cooperation: tuple[CooperationKind, ...]
    verified: bool
    source_url: str
    source_date: date
    note: str = ""

    @property
    def reference(self) -> str:
        return f"Part {roman(self.number)}"

    def holds(self, article: int) -> bool | None:
        """Whether the article lies in this part; None when the range was not read."""
        if self.first_article is None or self.last_article is None:
            return None
        return self.first_article <= article <= self.last_article


@dataclass(frozen=True)
class Article:
    number: int
    part: int | None
    topic: str
    scopes: tuple[str, ...]
    verified: bool
    source_url: str
    source_date: date
    note: str = ""

    @property
    def reference(self) -> str:
        return f"Art. {self.number}"

    @property
    def defines_scope(self) -> bool:
        return "scope" in self.scopes


@dataclass(frozen=True)
class Annex:
    """An annex crime; `letter` is empty where a source names the crime but not its annex."""

    letter: str
    title: str
    crimes: tuple[str, ...]
    verified: bool
    source_url: str
    source_date: date
    note: str = ""

    @property
    def reference(self) -> str:
        return f"Annex {self.letter}" if self.letter else "an annex whose letter was not read"


@dataclass(frozen=True)
class Convention:
    parts: tuple[Part, ...]
    articles: tuple[Article, ...]
    annexes: tuple[Annex, ...]
    rules: Mapping[str, Cited] = field(default_factory=dict)

    def part(self, number: int) -> Part | None:
        return next((part for part in self.parts if part.number == number), None)

    def article(self, number: int) -> Article | None:
        return next((article for article in self.articles if article.number == number), None)

    def parts_for(self, kind: CooperationKind) -> tuple[Part, ...]:
        return tuple(part for part in self.parts if kind in part.cooperation)

    def articles_for(self, kind: CooperationKind) -> tuple[Article, ...]:
        """Articles recorded as governing `kind`, directly or by lying in a part about it."""
        parts = {part.number for part in self.parts_for(kind)}
        return tuple(
            article
            for article in self.articles
            if kind in article.scopes
            or article.part in parts
            or any(part.holds(article.number) for part in self.parts_for(kind))
        )

    def governs(self, number: int, kind: CooperationKind) -> bool | None:
        """Whether article `number` governs `kind`; None when our data cannot tell."""
        article = self.article(number)
        if article is not None and article in self.articles_for(kind):
            return True
        for part in self.parts:
            if part.holds(number):
                return kind in part.cooperation
        if article is None or not article.scopes:
            return None
        return False

    def annexes_for(self, crime: str) -> tuple[Annex, ...]:
        return tuple(annex for annex in self.annexes if crime in annex.crimes)

    def annex(self, letter: str) -> Annex | None:
        wanted = letter.upper()
        return next((annex for annex in self.annexes if annex.letter == wanted), None)

    @property
    def annex_crimes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(crime for annex in self.annexes for crime in annex.crimes))

    def rule(self, name: str) -> Cited | None:
        return self.rules.get(name)


def load_convention(folder: Path = CONVENTION_DIR, today: date | None = None) -> Convention:
    """Read and check the Convention's structure files; TableError lists every problem."""
    today = today or date.today()
    problems: list[Problem] = []
    parts = _load_parts(folder / "parts.csv", problems, today)
    articles = _load_articles(folder / "articles.csv", parts, problems, today)
    annexes = _load_annexes(folder / "annexes.csv", problems, today)
    rules = _load_rules(folder / "rules.yaml", problems)
    if problems:
        raise TableError(problems)
    return Convention(tuple(parts), tuple(articles), tuple(annexes), rules)


def _rows(path: Path, problems: list[Problem]) -> list[Row]:
    try:
        return read_table(path)[1]
    except TableError as error:
        problems.extend(error.problems)
        return []


def _common(reader: FieldReader) -> tuple[bool, str, date | None]:
    """The verified flag and provenance every structure row carries."""
    verified_text = reader.text("verified", required=True).lower()
    if verified_text and verified_text not in ("true", "false"):
        reader.problem("verified", f"expected true or false, not {verified_text!r}")
    source_url = reader.urls("source_url")
    source_date = reader.date("source_date", required=True)
    return verified_text == "true", source_url, source_date


def _number(reader: FieldReader, column: str, required: bool = False) -> int | None:
    value = reader.text(column, required)
    if not value:
        return None
    number = int(value) if value.isdigit() else from_roman(value)
    if number is None or number <= 0:
        reader.problem(column, f"{value!r} is not a positive number (arabic or roman)")
    return number


def _load_parts(path: Path, problems: list[Problem], today: date) -> list[Part]:
    parts: list[Part] = []
    for row in _rows(path, problems):
        reader = FieldReader(path.name, row, problems, today)
        number = _number(reader, "number", required=True)
        first, last = _number(reader, "first_article"), _number(reader, "last_article")
        if first and last and last < first:
            reader.problem("last_article", f"{last} is before first_article {first}")
        kinds = []
        for value in _split(reader.text("cooperation")):
            try:
                kinds.append(CooperationKind(value))
            except ValueError:
                allowed = ", ".join(CooperationKind)
                reader.problem("cooperation", f"unknown kind {value!r}; expected: {allowed}")
        if number and any(part.number == number for part in parts):
            reader.problem("number", f"Part {number} appears twice")
        verified, source_url, source_date = _common(reader)
        if number and source_date:
            title = reader.text("title")
            note = reader.text("note")
            parts.append(
                Part(
                    number,
                    title,
                    first,
                    last,
                    tuple(kinds),
                    verified,
                    source_url,
                    source_date,
                    note,
                )
            )
    return parts


def _load_articles(
    path: Path, parts: list[Part], problems: list[Problem], today: date
) -> list[Article]:
    known_parts = {part.number for part in parts}
    articles: list[Article] = []
    for row in _rows(path, problems):
        reader = FieldReader(path.name, row, problems, today)
        number = _number(reader, "number", required=True)
        part = _number(reader, "part")
        if part and part not in known_parts:
            reader.problem("part", f"Part {part} is not in parts.csv")
        scopes = _split(reader.text("cooperation"))
        for scope in scopes:
            if scope not in ARTICLE_SCOPES:
                allowed = ", ".join(sorted(ARTICLE_SCOPES))
                reader.problem("cooperation", f"unknown value {scope!r}; expected: {allowed}")
        topic = reader.text("topic", required=True)
        if number and any(article.number == number for article in articles):
            reader.problem("number", f"Art. {number} appears twice")
        verified, source_url, source_date = _common(reader)
        if number and topic and source_date:
            note = reader.text("note")
            articles.append(
                Article(number, part, topic, tuple(scopes), verified, source_url, source_date, note)
            )
    return articles


def _load_annexes(path: Path, problems: list[Problem], today: date) -> list[Annex]:
    annexes: list[Annex] = []
    for row in _rows(path, problems):
        reader = FieldReader(path.name, row, problems, today)
        letter = reader.text("letter").upper()
        if letter and not re.fullmatch(r"[A-Z]", letter):
            reader.problem("letter", f"{letter!r} is not an annex letter")
        elif letter and any(annex.letter == letter for annex in annexes):
            reader.problem("letter", f"Annex {letter} appears twice")
        crimes = _split(reader.text("crimes", required=True))
        for crime in crimes:
            if not _CRIME_KEY.match(crime):
                reader.problem(
                    "crimes", f"{crime!r} is not a crime key such as enforced_disappearance"
                )
            elif any(crime in annex.crimes for annex in annexes):
                reader.problem("crimes", f"{crime!r} is already listed in another row")
        verified, source_url, source_date = _common(reader)
        if crimes and source_date:
            title, note = reader.text("title"), reader.text("note")
            annexes.append(
                Annex(letter, title, tuple(crimes), verified, source_url, source_date, note)
            )
    return annexes


def _load_rules(path: Path, problems: list[Problem]) -> dict[str, Cited]:
    name = path.name
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        problems.append(Problem(name, mark.line + 1 if mark else 0, "file", str(error)))
        return {}
    if not isinstance(entries, dict):
        problems.append(Problem(name, 1, "file", "expected a mapping of rule names"))
        return {}
    lines = {key.value: key.start_mark.line + 1 for key, _ in node.value} if node else {}
    rules: dict[str, Cited] = {}
    for rule_name, fact in entries.items():
        line = lines.get(rule_name, 0)
        if rule_name not in RULES:
            problems.append(
                Problem(name, line, rule_name, f"unknown rule; known: {', '.join(RULES)}")
            )
            continue
        cited = _rule(name, line, rule_name, fact, problems)
        if cited is not None:
            rules[rule_name] = cited
    return rules


def _rule(name: str, line: int, rule_name: str, fact: Any, problems: list[Problem]) -> Cited | None:
    if not isinstance(fact, dict):
        problems.append(Problem(name, line, rule_name, "expected a mapping with value, source…"))
        return None
    missing = [key for key in ("value", "source_url", "source_date", "verified") if key not in fact]
    if missing:
        problems.append(Problem(name, line, rule_name, f"missing {', '.join(missing)}"))
        return None
    value = fact["value"]
    if value is not None and not isinstance(value, RULES[rule_name]):
        expected = RULES[rule_name].__name__
        problems.append(Problem(name, line, f"{rule_name}.value", f"expected {expected} or null"))
        return None
    source_date = fact["source_date"]
    if not isinstance(source_date, date):
        try:
            source_date = parse_date(str(source_date))
        except DateError as error:
            problems.append(Problem(name, line, f"{rule_name}.source_date", str(error)))
            return None
    if source_date is None:
        problems.append(Problem(name, line, f"{rule_name}.source_date", "a placeholder date"))
        return None
    urls = str(fact["source_url"]).split()
    if not urls or not all(url.startswith(("http://", "https://")) for url in urls):
        problems.append(Problem(name, line, f"{rule_name}.source_url", "expected http(s) URLs"))
        return None
    if not isinstance(fact["verified"], bool):
        problems.append(Problem(name, line, f"{rule_name}.verified", "expected true or false"))
        return None
    return Cited(value, " ".join(urls), source_date, fact["verified"], str(fact.get("note", "")))


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]
