"""Integrity checks for the labelled corpus that measures reference detection.

The corpus lives in ``tests/fixtures/detection/corpus``; its format and labelling rules are
in the README there. These tests keep the gold labels trustworthy: every file is described
in the manifest, the mention brackets are well formed, the category agrees with the labels,
the size and language floors from issue 4 hold, and a pinned digest catches silent edits.

Run ``python tests/test_detection_corpus.py --update-digest`` after a deliberate change.
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "fixtures" / "detection" / "corpus"
MANIFEST = CORPUS / "manifest.csv"
DIGEST = CORPUS / "DIGEST"

OPEN, CLOSE = "\u27e6", "\u27e7"  # ⟦ and ⟧
MANIFEST_COLUMNS = ["file", "lang", "category", "negative_kind", "genre", "note"]
CATEGORIES = {"positive", "hard_negative"}
NEGATIVE_KINDS = {
    "apostille",
    "child_abduction",
    "hague_service",
    "hague_evidence",
    "hague_1899_1907",
    "hague_1954",
    "hague_private_other",
    "coe_1959",
    "eu_mla_2000",
    "generic_mlat",
    "rome_statute",
    "genocide_convention",
    "torture_convention",
    "cah_draft",
    "draft_convention",
    "ljubljana_other",
    "hague_city_other",
    "ljubljana_hague_other",
    "other_convention",
}
GENRES = {
    "news",
    "blog",
    "press_release",
    "parliamentary",
    "court_decision",
    "academic_abstract",
    "ngo_statement",
    "social_media",
    "forum_post",
    "email",
    "newsletter",
    "un_document",
    "eu_document",
    "official_guidance",
    "html_page",
    "pdf_extract",
    "wiki",
    "conference_programme",
    "job_posting",
    "travel",
    "sports",
}
LANGUAGES = {
    "en", "fr", "es", "de", "nl", "sl", "it", "pt", "ru", "uk", "pl", "hr", "sr", "cs", "sk",
    "ro", "el", "hu", "tr", "ar", "zh", "fi", "sv", "lv", "sq", "mk",
}  # fmt: skip
# Issue 4 and the corpus brief name these; Croatian or Serbian may stand for each other.
REQUIRED_LANGUAGES = [
    {"en"}, {"fr"}, {"es"}, {"de"}, {"nl"}, {"sl"}, {"it"}, {"pt"}, {"ru"}, {"uk"}, {"pl"},
    {"hr", "sr"}, {"cs"}, {"sk"},
]  # fmt: skip
MIN_FILES = 240
MIN_LANGUAGES = 14
MIN_HARD_NEGATIVE_SHARE = 0.5
# Plain ASCII names keep the digest reproducible with sort and sha256sum in a shell.
FILE_NAME = re.compile(r"^[a-z]{2}/[a-z0-9_]+\.txt$")
# Hashtag signs, quotes, brackets and trailing punctuation are never part of a mention.
OUTSIDE_START = "#«\"'(《"
OUTSIDE_END = ",.:;)\"'»》"


class CorpusError(ValueError):
    """A corpus file breaks the bracket rules; the message names file, line and column."""


def gold_mentions(text: str, name: str = "<text>") -> tuple[str, list[tuple[int, int]]]:
    """Strip the brackets and return the plain text with the gold mention spans in it.

    Spans are (start, end) offsets into the returned text, so ``plain[start:end]`` is the
    mention as written. Raises CorpusError on nested, unbalanced or empty brackets.
    """
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    start: int | None = None
    line, column = 1, 0
    for char in text:
        column += 1
        if char == OPEN:
            if start is not None:
                raise CorpusError(f"{name}:{line}:{column}: nested {OPEN}")
            start = len(plain)
        elif char == CLOSE:
            if start is None:
                raise CorpusError(f"{name}:{line}:{column}: {CLOSE} without {OPEN}")
            if start == len(plain):
                raise CorpusError(f"{name}:{line}:{column}: empty mention")
            spans.append((start, len(plain)))
            start = None
        else:
            plain.append(char)
            if char == "\n":
                line, column = line + 1, 0
    if start is not None:
        raise CorpusError(f"{name}: {OPEN} opened but never closed")
    return "".join(plain), spans


def corpus_digest(root: Path = CORPUS) -> str:
    """SHA-256 over `sha256sum`-style lines of manifest.csv and every text, sorted by path."""
    paths = ["manifest.csv", *sorted(p.relative_to(root).as_posix() for p in root.glob("*/*.txt"))]
    lines = "".join(
        f"{hashlib.sha256((root / rel).read_bytes()).hexdigest()}  {rel}\n" for rel in sorted(paths)
    )
    return hashlib.sha256(lines.encode("ascii")).hexdigest()


def read_manifest() -> list[dict[str, str]]:
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == MANIFEST_COLUMNS, f"manifest.csv:1: columns {reader.fieldnames}"
        return list(reader)


def read_text(rel: str) -> str:
    return (CORPUS / rel).read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def manifest() -> list[dict[str, str]]:
    return read_manifest()


def test_manifest_lists_every_file_and_nothing_else(manifest: list[dict[str, str]]) -> None:
    """Each text file has exactly one manifest row and each row names an existing file."""
    listed = [row["file"] for row in manifest]
    duplicates = [name for name, count in Counter(listed).items() if count > 1]
    assert not duplicates, f"listed twice in manifest.csv: {duplicates}"
    on_disk = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.txt")}
    assert sorted(on_disk - set(listed)) == [], "files missing from manifest.csv"
    assert sorted(set(listed) - on_disk) == [], "manifest.csv rows without a file"


def test_manifest_rows_use_the_documented_values(manifest: list[dict[str, str]]) -> None:
    """Language matches the folder; category, negative_kind and genre come from the README."""
    problems = []
    for number, row in enumerate(manifest, start=2):
        where = f"manifest.csv:{number}"
        if not FILE_NAME.match(row["file"]):
            problems.append(f"{where}: file: {row['file']!r} is not <lang>/<a-z0-9_>.txt")
        if row["lang"] not in LANGUAGES or not row["file"].startswith(row["lang"] + "/"):
            problems.append(f"{where}: lang: {row['lang']!r} does not match {row['file']}")
        if row["category"] not in CATEGORIES:
            problems.append(f"{where}: category: {row['category']!r}")
        if row["category"] == "hard_negative" and row["negative_kind"] not in NEGATIVE_KINDS:
            problems.append(f"{where}: negative_kind: {row['negative_kind']!r}")
        if row["category"] == "positive" and row["negative_kind"]:
            problems.append(f"{where}: negative_kind: must be empty for a positive")
        if row["genre"] not in GENRES:
            problems.append(f"{where}: genre: {row['genre']!r}")
        if not row["note"].strip():
            problems.append(f"{where}: note: empty")
    assert problems == []


def test_texts_are_utf8_and_brackets_are_well_formed(manifest: list[dict[str, str]]) -> None:
    """Every text decodes as UTF-8 without a BOM; brackets are balanced, flat and non-empty."""
    problems = []
    for row in manifest:
        raw = (CORPUS / row["file"]).read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            problems.append(f"{row['file']}: starts with a BOM")
        try:
            gold_mentions(raw.decode("utf-8"), row["file"])
        except (UnicodeDecodeError, CorpusError) as error:
            problems.append(str(error))
    assert problems == []


def test_category_agrees_with_the_labels(manifest: list[dict[str, str]]) -> None:
    """A positive has at least one bracketed mention; a hard negative has none."""
    wrong = []
    for row in manifest:
        _, spans = gold_mentions(read_text(row["file"]), row["file"])
        if (row["category"] == "positive") != bool(spans):
            wrong.append(f"{row['file']}: {row['category']} with {len(spans)} mentions")
    assert wrong == []


def test_mentions_are_tight(manifest: list[dict[str, str]]) -> None:
    """No mention starts or ends with white space or punctuation that belongs outside it."""
    loose = []
    for row in manifest:
        plain, spans = gold_mentions(read_text(row["file"]), row["file"])
        for start, end in spans:
            mention = plain[start:end]
            if (
                mention != mention.strip()
                or mention[0] in OUTSIDE_START
                or mention[-1] in OUTSIDE_END
            ):
                loose.append(f"{row['file']}: {mention!r}")
    assert loose == []


def test_size_language_and_negative_floors(manifest: list[dict[str, str]]) -> None:
    """At least 240 texts in at least 14 languages, every required one, half hard negatives."""
    languages = {row["lang"] for row in manifest}
    categories = Counter(row["category"] for row in manifest)
    assert len(manifest) >= MIN_FILES
    assert len(languages) >= MIN_LANGUAGES
    assert [sorted(need) for need in REQUIRED_LANGUAGES if not need & languages] == []
    assert categories["hard_negative"] / len(manifest) >= MIN_HARD_NEGATIVE_SHARE
    one_sided = sorted(
        lang
        for lang in languages
        if {row["category"] for row in manifest if row["lang"] == lang} != CATEGORIES
    )
    assert one_sided == [], "every language needs positives and hard negatives"


def test_gold_mentions_maps_offsets_into_the_plain_text() -> None:
    """Offsets index the text without brackets; malformed brackets are reported by position."""
    labelled = "See the ⟦Ljubljana – The\nHague Convention⟧ and the ⟦Convention⟧."
    plain, spans = gold_mentions(labelled)
    assert plain == "See the Ljubljana – The\nHague Convention and the Convention."
    assert [plain[s:e] for s, e in spans] == ["Ljubljana – The\nHague Convention", "Convention"]
    with pytest.raises(CorpusError, match=r"x\.txt:2:3: nested"):
        gold_mentions("a\n⟦b⟦c⟧⟧", "x.txt")
    with pytest.raises(CorpusError, match="without"):
        gold_mentions("a⟧", "x.txt")
    with pytest.raises(CorpusError, match="never closed"):
        gold_mentions("⟦a", "x.txt")
    with pytest.raises(CorpusError, match="empty"):
        gold_mentions("⟦⟧", "x.txt")


def test_digest_is_pinned() -> None:
    """The corpus bytes match DIGEST, so no gold label or text changes unnoticed."""
    pinned = DIGEST.read_text(encoding="ascii").strip()
    assert corpus_digest() == pinned, (
        "corpus changed: review the change, then run "
        "`python tests/test_detection_corpus.py --update-digest`"
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--update-digest"]:
        DIGEST.write_text(corpus_digest() + "\n", encoding="ascii")
    print(corpus_digest())
