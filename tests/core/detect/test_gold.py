"""The labelled-corpus loader and the scoring used by benchmarks/detection.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatywatch.core.detect.gold import (
    Counts,
    GoldError,
    load_corpus,
    score_document,
    score_mentions,
    strip_brackets,
)

SAMPLE = Path(__file__).parents[2] / "fixtures" / "detection" / "sample"


def test_brackets_are_stripped_and_spans_recorded() -> None:
    """Spans index the text without brackets and enclose exactly the marked words."""
    text, spans = strip_brackets("Signed the ⟦Ljubljana–The Hague Convention⟧ and ⟦it⟧.")
    assert text == "Signed the Ljubljana–The Hague Convention and it."
    assert [text[a:b] for a, b in spans] == ["Ljubljana–The Hague Convention", "it"]


@pytest.mark.parametrize(
    ("marked", "message"),
    [
        ("a ⟦b ⟦c⟧ d⟧", r"x.txt:1: brackets: '⟦' inside another"),
        ("a\nb⟧", r"x.txt:2: brackets: '⟧' without an opening"),
        ("a ⟦b", r"x.txt:1: brackets: '⟦' never closed"),
        ("a ⟦⟧ b", r"x.txt:1: brackets: empty"),
    ],
)
def test_bad_brackets_name_file_and_line(marked: str, message: str) -> None:
    """Unbalanced, nested or empty brackets are errors naming the file and line."""
    with pytest.raises(GoldError, match=message):
        strip_brackets(marked, "x.txt")


def test_sample_corpus_loads_with_manifest_fields() -> None:
    """The sample corpus loads every listed text with its language, category and spans."""
    documents, problems = load_corpus(SAMPLE)
    assert problems == []
    by_path = {document.path: document for document in documents}
    delo = by_path["sl/delo.txt"]
    assert (delo.lang, delo.category, delo.genre) == ("sl", "positive", "news")
    assert [delo.text[a:b] for a, b in delo.spans] == [
        "Ljubljansko-haaška konvencija",
        "ljubljansko-haaške konvencije",
    ]
    negative = by_path["en/coe-1959.txt"]
    assert (negative.category, negative.negative_kind, negative.spans) == (
        "hard_negative",
        "coe_1959",
        (),
    )
    assert "⟦" not in "".join(document.text for document in documents)


def test_inconsistent_manifest_rows_are_reported(tmp_path: Path) -> None:
    """A positive without a mark, or an unlisted text, is reported as a problem."""
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.txt").write_text("no marks here", encoding="utf-8")
    (tmp_path / "en" / "b.txt").write_text("unlisted", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,lang,category,negative_kind,genre,note\nen/a.txt,en,positive,,news,\n",
        encoding="utf-8",
    )
    _documents, problems = load_corpus(tmp_path)
    assert any("en/a.txt: positive but no" in problem for problem in problems)
    assert any("en/b.txt: text not listed" in problem for problem in problems)


def test_bad_category_is_an_error(tmp_path: Path) -> None:
    """An unknown category names the manifest line and the field."""
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,lang,category,negative_kind,genre,note\nen/a.txt,en,maybe,,news,\n",
        encoding="utf-8",
    )
    with pytest.raises(GoldError, match=r"manifest.csv:2: category: 'maybe'"):
        load_corpus(tmp_path)


def test_mention_scoring_is_one_to_one_by_overlap() -> None:
    """Overlap counts once per gold span; extra and missing detections are counted."""
    gold = [(0, 10), (20, 30)]
    assert score_mentions(gold, [(2, 8), (5, 9), (40, 45)]) == Counts(1, 2, 1)
    assert score_mentions(gold, [(9, 21)]) == Counts(1, 0, 1)
    counts = score_mentions(gold, [(0, 10), (25, 26)])
    assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)


def test_document_scoring() -> None:
    """A document is a true positive when both gold and detector find something in it."""
    assert score_document([(0, 1)], [(5, 6)]) == Counts(1, 0, 0)
    assert score_document([], [(5, 6)]) == Counts(0, 1, 0)
    assert score_document([(0, 1)], []) == Counts(0, 0, 1)
    assert score_document([], []) == Counts(0, 0, 0)
