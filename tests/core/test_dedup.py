"""Duplicate detection: syndicated copies cluster once, distinct stories stay apart."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from treatywatch.core.dedup import Counts, Deduplicator, normalise, text_hash

# A wire story written for these tests, about 200 words.
STORY = (
    "The Hague, 14 February 2024. Thirty-two States signed the Ljubljana-The Hague Convention "
    "on international cooperation in the investigation and prosecution of genocide, crimes "
    "against humanity, war crimes and other international crimes at a ceremony in the Peace "
    "Palace on Wednesday. The treaty, adopted in Ljubljana in May last year after two weeks of "
    "negotiations, gives prosecutors and judges a common legal basis for mutual legal "
    "assistance and extradition in cases involving the gravest crimes. Until now, States often "
    "had to rely on a patchwork of bilateral agreements or on ad hoc arrangements, which "
    "slowed investigations and sometimes allowed suspects to escape justice. Officials from "
    "Slovenia, Belgium, Argentina, Mongolia, Senegal and the Netherlands, which led the "
    "initiative for more than a decade, said the convention closes a gap in international "
    "law. The text also contains provisions on the rights of victims, witnesses and experts, "
    "and on the transfer of sentenced persons. Several delegations announced that they "
    "intend to start their domestic ratification procedures this year. A seminar on the "
    "practical use of the new instrument is planned for Thursday at the same venue, with "
    "practitioners from central authorities and prosecution services taking part."
)

SITE_BOILERPLATE = [
    ("Breaking: dozens of countries sign war crimes treaty", "By staff reporter", "Share this"),
    ("New treaty on atrocity crimes signed in The Hague", "Agency report", "Related stories"),
    ("Peace Palace hosts signing of cooperation convention", "Wire service", "Subscribe now"),
    ("States sign Ljubljana-The Hague Convention", "Newsdesk", "Comments are closed"),
    ("Genocide cooperation treaty opens for signature", "From our correspondent", "Advertise"),
]


def syndicated_copies(count: int) -> list[str]:
    """The story on `count` sites: own headline, byline, footer and typographic habits."""
    copies = []
    for index in range(count):
        headline, byline, footer = SITE_BOILERPLATE[index % len(SITE_BOILERPLATE)]
        body = STORY
        if index % 3 == 1:
            body = body.replace("'", "’").replace("-", "–").upper()
        if index % 4 == 2:
            body = body.replace(". ", ".\n\n")
        copies.append(
            f"{headline} (site {index})\n{byline}, updated {index % 12 + 1}:00\n\n{body}\n\n"
            f"{footer} · © Site {index} media group · Privacy · Cookies"
        )
    return copies


DISTINCT_STORIES = [
    "Latvia became the first State to ratify the Ljubljana-The Hague Convention, depositing "
    "its instrument with Belgium at the end of August. The parliament in Riga had approved the "
    "treaty earlier in the summer with a large majority, and the justice ministry said the "
    "country would designate a central authority for requests under the convention.",
    "Legal scholars meeting in Geneva debated whether the new mutual legal assistance treaty "
    "for international crimes will change daily practice. Several speakers argued that "
    "without ratifications by large States the instrument risks remaining symbolic, while "
    "others pointed to the provisional application of its assistance chapter by the "
    "Netherlands as a sign of early momentum.",
    "Kosovo signed the convention on cooperation in prosecuting genocide and war crimes in "
    "Brussels, where the Belgian foreign ministry acts as depositary. The deputy minister who "
    "signed said that victims of the war of the late nineties deserve effective cooperation "
    "between courts across borders, and thanked the founding States of the initiative.",
    "A pledge to raise awareness of the Ljubljana-The Hague Convention was registered at the "
    "international conference of the Red Cross and Red Crescent in Geneva. Its supporters "
    "committed to organising events and training for judges and prosecutors, and to report "
    "on progress before the next conference four years from now.",
    "Prosecutors from a dozen European services met in The Hague to compare how they handle "
    "requests for evidence in cases of crimes against humanity. They agreed that a shared "
    "treaty basis would shorten the months that requests now take, and called on their "
    "governments to ratify the convention adopted in Ljubljana in 2023 without delay.",
]


def test_normalisation_ignores_case_spacing_punctuation_and_soft_hyphens():
    """Texts differing only in case, spaces, quotes, dashes or soft hyphens normalise alike."""
    assert normalise("The  Ljub\u00adljana–The Hague «Convention»!\n") == (
        "the ljubljana the hague convention"
    )
    assert text_hash("MLA Convention, 2023.") == text_hash("mla   convention 2023")
    assert text_hash("MLA Convention 2023") != text_hash("MLA Convention 2024")


def test_a_story_syndicated_to_forty_sites_counts_once():
    """Forty copies with their own headlines, bylines, footers, case and quotes form one
    cluster named after the first copy; raw and deduplicated counts are both kept."""
    dedup = Deduplicator()
    ids = [f"site-{i:02d}" for i in range(40)]
    clusters = {
        dedup.add(doc_id, text) for doc_id, text in zip(ids, syndicated_copies(40), strict=True)
    }
    assert clusters == {"site-00"}
    counts = dedup.counts()
    assert (counts.raw, counts.deduplicated) == (40, 1)
    assert counts.exact_duplicates + counts.near_duplicates == 39
    assert dedup.clusters() == {"site-00": ids}


def test_different_stories_on_the_same_topic_stay_apart():
    """Five independently written stories about the Convention are five clusters, and the
    syndicated story added after them forms a sixth."""
    dedup = Deduplicator()
    for index, text in enumerate(DISTINCT_STORIES):
        assert dedup.add(f"story-{index}", text) == f"story-{index}"
    for index, text in enumerate(syndicated_copies(6)):
        dedup.add(f"wire-{index}", text)
    assert dedup.counts() == Counts(raw=11, deduplicated=6, exact_duplicates=0, near_duplicates=5)
    assert dedup.cluster_of("wire-5") == "wire-0"


def test_exact_copies_are_found_without_minhash():
    """A copy that differs only in case and punctuation is an exact duplicate."""
    dedup = Deduplicator()
    dedup.add("a", STORY)
    match = dedup.match("b", STORY.upper().replace(",", ""))
    assert (match.cluster_id, match.kind, match.similarity) == ("a", "exact", 1.0)


def test_adding_again_is_idempotent_and_conflicts_are_refused():
    """Re-adding an id with its text changes nothing; with another text it raises."""
    dedup = Deduplicator()
    dedup.add("a", STORY)
    dedup.add("b", DISTINCT_STORIES[0])
    assert dedup.add("a", STORY) == "a"
    assert dedup.counts().raw == 2
    with pytest.raises(ValueError, match="'a' was already added"):
        dedup.add("a", DISTINCT_STORIES[1])


def test_short_and_empty_texts_do_not_break_clustering():
    """Texts under five words and empty texts are handled; equal short texts cluster."""
    dedup = Deduplicator()
    assert dedup.add("x", "MLA Convention") == "x"
    assert dedup.add("y", "mla convention!") == "x"
    assert dedup.add("z", "") == "z"
    assert dedup.add("w", "Rome Statute") == "w"


SCRIPT = textwrap.dedent(
    """
    import json, sys
    sys.path.insert(0, {tests!r})
    from test_dedup import DISTINCT_STORIES, syndicated_copies
    from treatywatch.core.dedup import Deduplicator
    dedup = Deduplicator()
    texts = syndicated_copies(12) + DISTINCT_STORIES + syndicated_copies(12)[::-1]
    result = [dedup.match(f"d{{i}}", t) for i, t in enumerate(texts)]
    print(json.dumps([[m.cluster_id, m.kind, round(m.similarity, 6)] for m in result]))
    """
)


def test_clusters_are_identical_across_runs_with_different_hash_seeds():
    """Two interpreters with different PYTHONHASHSEED give the same clusters and scores."""
    script = SCRIPT.format(tests=str(Path(__file__).parent))
    outputs = []
    for seed in ("1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        run = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]
    assert '"exact"' in outputs[0] and '"near"' in outputs[0]
