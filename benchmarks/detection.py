"""Precision, recall and F1 of the reference detector on the labelled corpus.

Prints, per language and overall, per mention (a detection is right when it overlaps a gold
span, one to one) and per document, beside a naive keyword baseline: a case-insensitive search
for the lexicon's literal names plus 'MLA Convention' (what a news alert would do).

    PYTHONPATH=src python benchmarks/detection.py [--corpus DIR] [--lexicon DIR] [--errors]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from treatywatch.core.detect import Detector, load_lexicon
from treatywatch.core.detect.gold import (
    Counts,
    GoldDocument,
    GoldError,
    load_corpus,
    score_document,
    score_mentions,
)

DEFAULT_CORPUS = Path(__file__).parents[1] / "tests" / "fixtures" / "detection" / "corpus"
TARGET_PRECISION, TARGET_RECALL = 0.98, 0.95

Spans = list[tuple[int, int]]


def keyword_baseline(lexicon_dir: Path | None = None) -> Callable[[str], Spans]:
    """Case-insensitive literal search for every lexicon name and 'MLA Convention'."""
    names = {name.text for lexicon in load_lexicon(lexicon_dir) for name in lexicon.names}
    names.add("MLA Convention")
    pattern = re.compile(
        "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)), re.IGNORECASE
    )
    return lambda text: [(m.start(), m.end()) for m in pattern.finditer(text)]


def evaluate(
    documents: list[GoldDocument], find: Callable[[GoldDocument], Spans]
) -> tuple[dict[str, Counts], dict[str, Counts], list[str]]:
    """Counts per language (and 'all') per mention and per document, and the errors seen."""
    mentions: dict[str, Counts] = defaultdict(Counts)
    documents_counts: dict[str, Counts] = defaultdict(Counts)
    errors: list[str] = []
    for document in documents:
        found = find(document)
        counts = score_mentions(document.spans, found)
        for key in (document.lang, "all"):
            mentions[key] += counts
            documents_counts[key] += score_document(document.spans, found)
        if counts.false_positives or counts.false_negatives:
            gold = [document.text[a:b] for a, b in document.spans]
            seen = [document.text[a:b] for a, b in found]
            errors.append(f"{document.path} ({document.category}): gold={gold} found={seen}")
    return mentions, documents_counts, errors


def _row(label: str, counts: Counts) -> str:
    return (
        f"{label:<6}{counts.precision:>7.3f}{counts.recall:>7.3f}{counts.f1:>7.3f}"
        f"{counts.true_positives:>5}{counts.false_positives:>4}{counts.false_negatives:>4}"
    )


def print_table(title: str, ours: dict[str, Counts], baseline: dict[str, Counts]) -> None:
    """One block: per language, detector beside the keyword baseline."""
    print(f"\n{title}")
    header = f"{'':<6}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>4}{'FN':>4}"
    print(f"{'lang':<6}{'detector':<40}{'keyword baseline'}")
    print(f"{'':<6}{header[6:]:<40}{header[6:]}")
    for lang in [*sorted(k for k in ours if k != "all"), "all"]:
        print(f"{_row(lang, ours[lang]):<46}{_row('', baseline[lang])[6:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--errors", action="store_true", help="list every document with an error")
    parser.add_argument("--lexicon", type=Path, default=None, help="lexicon folder to use")
    parser.add_argument("--backend", choices=["hyperscan", "ahocorasick"], default=None)
    args = parser.parse_args(argv)
    try:
        documents, problems = load_corpus(args.corpus)
    except GoldError as error:
        print(f"corpus: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    detector = Detector(lexicon_dir=args.lexicon, backend=args.backend)
    started = time.perf_counter()
    ours = evaluate(
        documents,
        lambda d: [(m.start, m.end) for m in detector.detect(d.text, d.lang)],
    )
    elapsed = time.perf_counter() - started
    baseline_find = keyword_baseline(args.lexicon)
    baseline = evaluate(documents, lambda d: baseline_find(d.text))
    positives = sum(1 for d in documents if d.category == "positive")
    languages = len({d.lang for d in documents})
    print(
        f"corpus {args.corpus}: {len(documents)} texts, {languages} languages, "
        f"{positives} positive, {len(documents) - positives} hard negative, "
        f"{sum(len(d.spans) for d in documents)} gold mentions; "
        f"detector {elapsed:.2f} s ({detector.prefilter.backend})"
    )
    print_table("Per mention", ours[0], baseline[0])
    print_table("Per document", ours[1], baseline[1])
    overall = ours[0]["all"]
    met = overall.precision >= TARGET_PRECISION and overall.recall >= TARGET_RECALL
    print(
        f"\nTarget per mention: precision ≥ {TARGET_PRECISION}, recall ≥ {TARGET_RECALL}: "
        f"{'met' if met else 'NOT met'}"
    )
    if args.errors:
        print("\nDetector errors:")
        for error in ours[2]:
            print(f"  {error}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
