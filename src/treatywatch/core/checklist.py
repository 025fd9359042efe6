"""The request checklist: what a request must contain and why it can be refused, with sources.

Read from `data/convention/checklist.yaml`. Items are either something the Convention was shown
to say (`convention`) or general treaty practice not verified for this Convention.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from treatywatch.core.convention import CONVENTION_DIR, Convention, CooperationKind, article_number
from treatywatch.core.dates import DateError, parse_date
from treatywatch.core.tabular import Problem, TableError

__all__ = ["BASES", "KINDS", "Checklist", "ChecklistItem", "ChecklistSource", "load_checklist"]

KINDS = ("content", "refusal")
BASES = ("convention", "general_practice")
_ITEM_FIELDS = {"id", "cooperation", "kind", "text", "article", "basis", "verified", "sources"}


@dataclass(frozen=True)
class ChecklistSource:
    key: str
    title: str
    url: str
    read_on: date


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    cooperation: tuple[CooperationKind, ...]
    kind: str
    text: str
    basis: str
    verified: bool
    sources: tuple[ChecklistSource, ...]
    article: str | None = None
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "article": self.article,
            "basis": self.basis,
            "verified": self.verified,
            "sources": [
                {"title": source.title, "url": source.url, "read_on": source.read_on.isoformat()}
                for source in self.sources
            ],
            "note": self.note,
        }


@dataclass(frozen=True)
class Checklist:
    items: tuple[ChecklistItem, ...]

    def for_kind(self, kind: CooperationKind) -> tuple[ChecklistItem, ...]:
        """Contents first, then grounds for refusal, in file order."""
        chosen = [item for item in self.items if kind in item.cooperation]
        return tuple(sorted(chosen, key=lambda item: KINDS.index(item.kind)))

    def to_json(self, kind: CooperationKind) -> dict[str, Any]:
        items = self.for_kind(kind)
        return {
            "cooperation": str(kind),
            "contents": [item.to_json() for item in items if item.kind == "content"],
            "refusal_grounds": [item.to_json() for item in items if item.kind == "refusal"],
        }


def load_checklist(
    path: Path = CONVENTION_DIR / "checklist.yaml", convention: Convention | None = None
) -> Checklist:
    """Read and check the checklist; TableError names file, line and field of every problem.

    With `convention`, an article number is accepted only if articles.csv records it.
    """
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        raise TableError(
            [Problem(name, mark.line + 1 if mark else 0, "file", str(error))]
        ) from None
    if not isinstance(data, dict) or root is None:
        raise TableError([Problem(name, 1, "file", "expected a mapping with sources and items")])
    nodes = {key.value: value for key, value in root.value}
    problems: list[Problem] = []
    sources = _sources(name, data.get("sources"), nodes.get("sources"), problems)
    items = _items(name, data.get("items"), nodes.get("items"), sources, convention, problems)
    if problems:
        raise TableError(problems)
    return Checklist(tuple(items))


def _line(node: Any) -> int:
    return node.start_mark.line + 1 if node is not None else 0


def _sources(
    name: str, entries: Any, node: Any, problems: list[Problem]
) -> dict[str, ChecklistSource]:
    if not isinstance(entries, dict):
        problems.append(Problem(name, _line(node), "sources", "expected a mapping of sources"))
        return {}
    lines = {key.value: _line(key) for key, _ in node.value}
    sources = {}
    for key, entry in entries.items():
        line = lines.get(key, 0)
        if not isinstance(entry, dict):
            problems.append(Problem(name, line, f"sources.{key}", "expected title, url, read_on"))
            continue
        url = str(entry.get("url", ""))
        if not url.startswith(("http://", "https://")) or " " in url:
            problems.append(Problem(name, line, f"sources.{key}.url", "expected one http(s) URL"))
        title = str(entry.get("title", "")).strip()
        if not title:
            problems.append(Problem(name, line, f"sources.{key}.title", "required"))
        read_on = _date(entry.get("read_on"))
        if read_on is None:
            problems.append(Problem(name, line, f"sources.{key}.read_on", "expected a date"))
        if title and read_on is not None:
            sources[key] = ChecklistSource(key, title, url, read_on)
    return sources


def _items(
    name: str,
    entries: Any,
    node: Any,
    sources: Mapping[str, ChecklistSource],
    convention: Convention | None,
    problems: list[Problem],
) -> list[ChecklistItem]:
    if not isinstance(entries, list):
        problems.append(Problem(name, _line(node), "items", "expected a list of items"))
        return []
    items: list[ChecklistItem] = []
    for entry, item_node in zip(entries, node.value, strict=True):
        line = _line(item_node)
        before = len(problems)

        def problem(field: str, message: str, line: int = line) -> None:
            problems.append(Problem(name, line, field, message))

        if not isinstance(entry, dict):
            problem("item", "expected a mapping")
            continue
        for field in sorted(set(entry) - _ITEM_FIELDS - {"note"}):
            problem(field, "unknown field")
        item_id = str(entry.get("id", "")).strip()
        if not item_id:
            problem("id", "required")
        elif any(item.id == item_id for item in items):
            problem("id", f"{item_id!r} appears twice")
        kinds = []
        for value in entry.get("cooperation") or []:
            try:
                kinds.append(CooperationKind(value))
            except ValueError:
                problem("cooperation", f"unknown kind {value!r}")
        if not kinds:
            problem("cooperation", "required: a list of kinds of cooperation")
        kind, basis = entry.get("kind"), entry.get("basis")
        if kind not in KINDS:
            problem("kind", f"expected one of: {', '.join(KINDS)}")
        if basis not in BASES:
            problem("basis", f"expected one of: {', '.join(BASES)}")
        text = str(entry.get("text", "")).strip()
        if not text:
            problem("text", "required")
        if not isinstance(entry.get("verified"), bool):
            problem("verified", "expected true or false")
        article = entry.get("article")
        if article is not None:
            article = str(article)
            number = article_number(article)
            if basis != "convention":
                problem("article", "only an item on the Convention's own text can cite an article")
            elif number is None:
                problem("article", f"{article!r} is not an article reference such as 8(3)")
            elif convention is not None and convention.article(number) is None:
                problem("article", f"Art. {number} is not recorded in articles.csv (unsourced)")
        cited = []
        for key in entry.get("sources") or []:
            if key in sources:
                cited.append(sources[key])
            else:
                problem("sources", f"unknown source {key!r}")
        if not cited:
            problem("sources", "required: at least one source")
        if len(problems) == before:
            items.append(
                ChecklistItem(
                    id=item_id,
                    cooperation=tuple(kinds),
                    kind=str(kind),
                    text=text,
                    basis=str(basis),
                    verified=bool(entry["verified"]),
                    sources=tuple(cited),
                    article=article,
                    note=str(entry.get("note", "")),
                )
            )
    return items


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return parse_date(str(value)) if value else None
    except DateError:
        return None
