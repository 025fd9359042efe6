"""The labelled detection corpus, and how detections are scored against it.

Files `corpus/<lang>/<name>.txt` are UTF-8; every true mention is wrapped in '⟦' and '⟧'.
`corpus/manifest.csv` has the columns `file,lang,category,negative_kind,genre,note`, where
`category` is `positive` or `hard_negative`. Loading strips the brackets and records the gold
spans as offsets into the stripped text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

OPEN, CLOSE = "\u27e6", "\u27e7"
CATEGORIES = frozenset({"positive", "hard_negative"})
MANIFEST_COLUMNS = ("file", "lang", "category", "negative_kind", "genre", "note")


class GoldError(ValueError):
    """The corpus breaks its format; the message names the file, line and field."""


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One labelled text: brackets removed, gold spans index `text`."""

    path: str
    lang: str
    category: str
    negative_kind: str
    genre: str
    text: str
    spans: tuple[tuple[int, int], ...]


def strip_brackets(marked: str, where: str = "<text>") -> tuple[str, tuple[tuple[int, int], ...]]:
    """Remove ⟦ ⟧ and return the plain text with the span each pair enclosed."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    opened: int | None = None
    line = 1
    for char in marked:
        if char == OPEN:
            if opened is not None:
                raise GoldError(f"{where}:{line}: brackets: '⟦' inside another '⟦'")
            opened = length
        elif char == CLOSE:
            if opened is None:
                raise GoldError(f"{where}:{line}: brackets: '⟧' without an opening '⟦'")
            if opened == length:
                raise GoldError(f"{where}:{line}: brackets: empty '⟦⟧'")
            spans.append((opened, length))
            opened = None
        else:
            pieces.append(char)
            length += 1
            if char == "\n":
                line += 1
    if opened is not None:
        raise GoldError(f"{where}:{line}: brackets: '⟦' never closed")
    return "".join(pieces), tuple(spans)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise GoldError(f"{path}: not UTF-8 text") from None


def load_corpus(directory: Path) -> tuple[list[GoldDocument], list[str]]:
    """Every labelled text, and the inconsistencies found (a positive without a span, …)."""
    manifest = directory / "manifest.csv"
    if not manifest.is_file():
        raise GoldError(f"{manifest}: missing")
    documents: list[GoldDocument] = []
    problems: list[str] = []
    with manifest.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in MANIFEST_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise GoldError(f"{manifest}:1: {missing[0]}: column missing")
        listed = set()
        for row in reader:
            line = reader.line_num
            file_name = (row["file"] or "").strip()
            if not file_name:
                raise GoldError(f"{manifest}:{line}: file: empty")
            path = directory / file_name
            if not path.is_file():
                path = directory / row["lang"].strip() / file_name
            if not path.is_file():
                raise GoldError(f"{manifest}:{line}: file: {file_name!r} not found")
            category = (row["category"] or "").strip()
            if category not in CATEGORIES:
                raise GoldError(
                    f"{manifest}:{line}: category: {category!r} is not positive or hard_negative"
                )
            relative = path.relative_to(directory).as_posix()
            listed.add(relative)
            text, spans = strip_brackets(_read(path), relative)
            if category == "positive" and not spans:
                problems.append(f"{manifest}:{line}: {relative}: positive but no ⟦mention⟧")
            if category == "hard_negative" and spans:
                problems.append(f"{manifest}:{line}: {relative}: hard_negative with ⟦mentions⟧")
            documents.append(
                GoldDocument(
                    path=relative,
                    lang=(row["lang"] or "").strip(),
                    category=category,
                    negative_kind=(row["negative_kind"] or "").strip(),
                    genre=(row["genre"] or "").strip(),
                    text=text,
                    spans=spans,
                )
            )
    for path in sorted(directory.glob("*/*.txt")):
        relative = path.relative_to(directory).as_posix()
        if relative not in listed:
            problems.append(f"{manifest}: {relative}: text not listed in the manifest")
    return documents, problems


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives, false negatives, and the scores they give."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score_mentions(gold: Sequence[tuple[int, int]], found: Iterable[tuple[int, int]]) -> Counts:
    """One-to-one matching: a detection is right when it overlaps a gold span not yet taken."""
    taken = [False] * len(gold)
    true_positives = false_positives = 0
    for start, end in sorted(found):
        for index, (gold_start, gold_end) in enumerate(gold):
            if not taken[index] and start < gold_end and gold_start < end:
                taken[index] = True
                true_positives += 1
                break
        else:
            false_positives += 1
    return Counts(true_positives, false_positives, taken.count(False))


def score_document(gold: Sequence[tuple[int, int]], found: Sequence[tuple[int, int]]) -> Counts:
    """Per document: does it mention the Convention at all?"""
    expected, predicted = bool(gold), bool(found)
    return Counts(
        int(expected and predicted),
        int(predicted and not expected),
        int(expected and not predicted),
    )
