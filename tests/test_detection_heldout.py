"""Integrity checks for the held-out corpus that measures reference detection honestly.

The held-out corpus lives in ``tests/fixtures/detection/heldout``. It was written apart from
the detector, its lexicon and the development corpus, so scores on it are not inflated by
tuning. Its format is the development corpus's (``<lang>/<name>.txt`` with mentions in ⟦ ⟧
and ``manifest.csv``), so the same scorer reads both; the labelling rules are in its README.
These tests keep the gold labels trustworthy: manifest and files agree, brackets are well
formed and tight, categories agree with labels, the floors hold, the README's counts are
current and a pinned digest catches silent edits to any byte.

Run ``python tests/test_detection_heldout.py --update-digest`` after a deliberate change, and
``python tests/test_detection_heldout.py --table`` to print the README's count table.
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

HELDOUT = Path(__file__).parent / "fixtures" / "detection" / "heldout"
MANIFEST = HELDOUT / "manifest.csv"
DIGEST = HELDOUT / "DIGEST"
README = HELDOUT / "README.md"
GITATTRIBUTES = HELDOUT / ".gitattributes"

OPEN, CLOSE = "\u27e6", "\u27e7"  # ⟦ and ⟧
MANIFEST_COLUMNS = ["file", "lang", "category", "negative_kind", "genre", "note"]
CATEGORIES = {"positive", "hard_negative"}
# The development corpus's values, plus five kinds the held-out brief names explicitly.
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
    "budapest_convention",
    "un_mla_articles",
    "enforced_disappearance",
    "kampala_amendments",
    "mla_initiative",
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
    "op_ed",
    "ocr_text",
}
LANGUAGES = {
    "en", "fr", "es", "de", "nl", "sl", "it", "pt", "ru", "uk", "pl", "hr", "cs", "sk", "sr",
    "bs", "ro", "el", "hu", "tr", "ar", "zh", "ja", "fi", "sv", "da", "nb", "lt", "lv", "et",
    "bg", "mk", "sq", "ca",
}  # fmt: skip
# Issue 4 names these; Croatian or Serbian may stand for each other.
REQUIRED_LANGUAGES = [
    {"en"}, {"fr"}, {"es"}, {"de"}, {"nl"}, {"sl"}, {"it"}, {"pt"}, {"ru"}, {"uk"}, {"pl"},
    {"hr", "sr"}, {"cs"}, {"sk"},
]  # fmt: skip
MIN_FILES = 180
MIN_LANGUAGES = 16
MIN_HARD_NEGATIVE_SHARE = 0.5
# Plain ASCII names keep the digest reproducible with sort and sha256sum in a shell.
FILE_NAME = re.compile(r"^[a-z]{2}/[a-z0-9_]+\.txt$")
# Hashtag signs, quotes, brackets and trailing punctuation are never part of a mention.
OUTSIDE_START = "#«\"'(《"
OUTSIDE_END = ",.:;)\"'»》"


class HeldoutError(ValueError):
    """A held-out text breaks the bracket rules; the message names file, line and column."""


def gold_mentions(text: str, name: str = "<text>") -> tuple[str, list[tuple[int, int]]]:
    """Strip the brackets and return the plain text with the gold mention spans in it.

    Spans are (start, end) offsets into the returned text, so ``plain[start:end]`` is the
    mention as written. Raises HeldoutError on nested, unbalanced or empty brackets.
    """
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    start: int | None = None
    line, column = 1, 0
    for char in text:
        column += 1
        if char == OPEN:
            if start is not None:
                raise HeldoutError(f"{name}:{line}:{column}: nested {OPEN}")
            start = len(plain)
        elif char == CLOSE:
            if start is None:
                raise HeldoutError(f"{name}:{line}:{column}: {CLOSE} without {OPEN}")
            if start == len(plain):
                raise HeldoutError(f"{name}:{line}:{column}: empty mention")
            spans.append((start, len(plain)))
            start = None
        else:
            plain.append(char)
            if char == "\n":
                line, column = line + 1, 0
    if start is not None:
        raise HeldoutError(f"{name}: {OPEN} opened but never closed")
    return "".join(plain), spans


def heldout_digest(root: Path = HELDOUT) -> str:
    """SHA-256 over `sha256sum`-style lines of every file but DIGEST, sorted by relative path.

    Same as: ``find . -type f ! -name DIGEST | sed 's|^\\./||' | LC_ALL=C sort |
    xargs sha256sum | sha256sum`` run inside the folder.
    """
    paths = sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and path.name != "DIGEST"
    )
    lines = "".join(
        f"{hashlib.sha256((root / rel).read_bytes()).hexdigest()}  {rel}\n" for rel in paths
    )
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def read_manifest() -> list[dict[str, str]]:
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == MANIFEST_COLUMNS, f"manifest.csv:1: columns {reader.fieldnames}"
        return list(reader)


def read_text(rel: str) -> str:
    return (HELDOUT / rel).read_bytes().decode("utf-8")


def count_table(rows: list[dict[str, str]]) -> list[str]:
    """The README's Markdown table: texts, positives, hard negatives and mentions per language."""
    totals: dict[str, Counter[str]] = {}
    for row in rows:
        counts = totals.setdefault(row["lang"], Counter())
        counts["texts"] += 1
        counts[row["category"]] += 1
        counts["mentions"] += len(gold_mentions(read_text(row["file"]), row["file"])[1])
    overall: Counter[str] = sum(totals.values(), Counter())
    lines = ["| lang | texts | positive | hard_negative | mentions |", "|---|---|---|---|---|"]
    for lang, counts in [*sorted(totals.items()), ("all", overall)]:
        cells = [counts[key] for key in ("texts", "positive", "hard_negative", "mentions")]
        lines.append(f"| {lang} | " + " | ".join(str(cell) for cell in cells) + " |")
    return lines


@pytest.fixture(scope="module")
def manifest() -> list[dict[str, str]]:
    return read_manifest()


def test_manifest_lists_every_file_and_nothing_else(manifest: list[dict[str, str]]) -> None:
    """Each text file has exactly one manifest row and each row names an existing file."""
    listed = [row["file"] for row in manifest]
    duplicates = [name for name, count in Counter(listed).items() if count > 1]
    assert not duplicates, f"listed twice in manifest.csv: {duplicates}"
    on_disk = {p.relative_to(HELDOUT).as_posix() for p in HELDOUT.rglob("*.txt")}
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
        raw = (HELDOUT / row["file"]).read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            problems.append(f"{row['file']}: starts with a BOM")
        try:
            gold_mentions(raw.decode("utf-8"), row["file"])
        except (UnicodeDecodeError, HeldoutError) as error:
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
    """At least 180 texts in at least 16 languages, every required one, half hard negatives."""
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


def test_readme_counts_match_the_manifest(manifest: list[dict[str, str]]) -> None:
    """The README's count table is the one computed from the manifest and the labels."""
    readme = README.read_text(encoding="utf-8").splitlines()
    missing = [line for line in count_table(manifest) if line not in readme]
    assert missing == [], "README.md is stale: run `python tests/test_detection_heldout.py --table`"


def test_gitattributes_keeps_the_bytes() -> None:
    """Git must never rewrite line ends in the folder, or the digest and CRLF texts break."""
    assert GITATTRIBUTES.read_text(encoding="ascii") == "* -text\n"
    assert any(b"\r\n" in path.read_bytes() for path in HELDOUT.rglob("*.txt"))


def test_gold_mentions_maps_offsets_into_the_plain_text() -> None:
    """Offsets index the text without brackets; malformed brackets are reported by position."""
    labelled = "Die ⟦Ljubljana-Den-Haag-Über-\neinkommens⟧ und das ⟦Übereinkommen⟧."
    plain, spans = gold_mentions(labelled)
    assert plain == "Die Ljubljana-Den-Haag-Über-\neinkommens und das Übereinkommen."
    assert [plain[s:e] for s, e in spans] == [
        "Ljubljana-Den-Haag-Über-\neinkommens",
        "Übereinkommen",
    ]
    with pytest.raises(HeldoutError, match=r"y\.txt:2:3: nested"):
        gold_mentions("a\n⟦b⟦c⟧⟧", "y.txt")
    with pytest.raises(HeldoutError, match="without"):
        gold_mentions("a⟧", "y.txt")
    with pytest.raises(HeldoutError, match="never closed"):
        gold_mentions("⟦a", "y.txt")
    with pytest.raises(HeldoutError, match="empty"):
        gold_mentions("⟦⟧", "y.txt")


def test_digest_changes_with_any_byte(tmp_path: Path) -> None:
    """The digest covers names and bytes of every file except DIGEST itself."""
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "a.txt").write_bytes(b"one\r\n")
    (tmp_path / "manifest.csv").write_bytes(b"file\n")
    before = heldout_digest(tmp_path)
    (tmp_path / "DIGEST").write_text(before + "\n", encoding="ascii")
    assert heldout_digest(tmp_path) == before
    (tmp_path / "xx" / "a.txt").write_bytes(b"one\n")
    assert heldout_digest(tmp_path) != before


def test_digest_is_pinned() -> None:
    """The held-out bytes match DIGEST, so no gold label or text changes unnoticed."""
    pinned = DIGEST.read_text(encoding="ascii").strip()
    assert heldout_digest() == pinned, (
        "held-out corpus changed: review the change, then run "
        "`python tests/test_detection_heldout.py --update-digest`"
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--table"]:
        print("\n".join(count_table(read_manifest())))
    else:
        if sys.argv[1:] == ["--update-digest"]:
            DIGEST.write_text(heldout_digest() + "\n", encoding="ascii")
        print(heldout_digest())
