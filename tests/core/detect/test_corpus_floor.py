"""Quality floor on the labelled detection corpus, when it is present.

The corpus (tests/fixtures/detection/corpus, at least 200 texts) is written independently of
the detector; this pins the targets of issue 4 so that a change cannot lower them unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from treatywatch.core.detect import default_detector
from treatywatch.core.detect.gold import Counts, load_corpus, score_mentions

CORPUS = Path(__file__).parents[2] / "fixtures" / "detection" / "corpus"
MIN_PRECISION, MIN_RECALL = 0.98, 0.95


@pytest.mark.skipif(not (CORPUS / "manifest.csv").is_file(), reason="corpus not present")
def test_detector_meets_the_targets_per_mention_on_the_corpus() -> None:
    """Per mention, precision is at least 0.98 and recall at least 0.95 over the corpus."""
    documents, _problems = load_corpus(CORPUS)
    detector = default_detector()
    total = Counts()
    for document in documents:
        found = [(m.start, m.end) for m in detector.detect(document.text, document.lang)]
        total += score_mentions(document.spans, found)
    assert total.precision >= MIN_PRECISION, total
    assert total.recall >= MIN_RECALL, total
