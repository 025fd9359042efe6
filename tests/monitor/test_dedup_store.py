"""The stored signatures cluster exactly as the core's in-memory Deduplicator, across restarts."""

import pytest
from django.db import transaction

from tests.core.test_dedup import SITE_BOILERPLATE, STORY
from treatywatch.core.dedup import Deduplicator
from treatywatch.monitor.dedup_store import SignatureStore

pytestmark = pytest.mark.django_db

OTHER = (
    "Geneva, 3 June 2026. The committee adopted its annual report after a long debate on the "
    "working methods of treaty bodies and the backlog of individual complaints, and asked the "
    "secretariat to prepare options for the next session, including remote hearings."
)


def documents():
    docs = [("https://a.example/1", STORY)]
    for index, (headline, byline, footer) in enumerate(SITE_BOILERPLATE):
        docs.append(
            (f"https://site{index}.example/story", f"{headline}\n{byline}\n{STORY}\n{footer}")
        )
    docs.append(("https://b.example/other", OTHER))
    docs.append(("https://c.example/copy", STORY.upper()))  # an exact copy after normalisation
    docs.append(("https://d.example/other-copy", OTHER + " "))
    return docs


def store_all(docs, restart_after=None):
    clusters = {}
    store = SignatureStore()
    for position, (key, text) in enumerate(docs):
        if position == restart_after:
            store = SignatureStore()  # a new run: everything comes back from the database
        found = store.match(key, text)
        with transaction.atomic():
            store.save(found)
        store.remember(found)
        clusters[key] = found.cluster
    return clusters


@pytest.mark.parametrize("restart_after", [None, 1, 4, 7])
def test_stored_clusters_equal_the_core_deduplicator(restart_after):
    """Same documents in the same order: the same clusters as the core's Deduplicator, also
    when the index is rebuilt from the database halfway."""
    docs = documents()
    core = Deduplicator()
    expected = {key: core.add(key, text) for key, text in docs}
    assert store_all(docs, restart_after) == expected
    assert len(set(expected.values())) == 2  # the story and the other report


def test_a_match_not_saved_leaves_no_trace():
    store = SignatureStore()
    store.match("https://a.example/1", STORY)  # looked at, never saved
    assert store.match("https://b.example/2", STORY).kind == "new"
