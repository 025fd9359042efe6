"""`monitor run` end to end against the local test web: stored once, resumable, polite."""

import pytest

from tests.monitor.server import Route
from tests.monitor.snapshot import reset, snapshot
from treatywatch.monitor.models import ItemFailure, Run, ScanCount, SeenItem
from treatywatch.references.models import Mention, Reference

pytestmark = pytest.mark.django_db


class Interrupted(BaseException):
    """Stands for a kill: not an Exception, so nothing in the monitor catches it."""


def short(url: str) -> str:
    """The test server's URLs without scheme, host and port; others without the scheme."""
    bare = url.split("://", 1)[-1]
    return bare.split("/", 1)[-1] if bare.startswith("127.0.0.1:") else bare


def refs():
    return {short(ref.url): ref for ref in Reference.objects.exclude(source_name="")}


def test_one_run_reads_every_source_and_stores_each_reference_once(make_monitor, site):
    """Feed, sitemap, WET, GDELT and UN Digital Library items become pending references,
    once each; negatives, refused and failed items do not."""
    summaries = {s.source: s for s in make_monitor().run()}
    assert {name: s.status for name, s in summaries.items()} == dict.fromkeys(summaries, "ok")
    found = refs()
    assert set(found) == {
        "news/signing.html",
        "news/syndicated.html",
        "news/projet-de-loi.html",  # the redirect's target, read once
        "reports/annual.html",
        "mirror.example.org/2026/03/treaty",
        "annual.example.org/report-2026",
        "news/gdelt-story.html",
        "undl/files/A_81_999-EN.pdf",
    }
    for ref in found.values():
        assert ref.review == "pending" and ref.mentions.exists()
    signing, syndicated = found["news/signing.html"], found["news/syndicated.html"]
    # The original is read first (same day, listed first): its cluster takes in the
    # syndicated copy and the crawl's copy of the story.
    assert signing.cluster == syndicated.cluster == signing.url
    assert found["mirror.example.org/2026/03/treaty"].cluster == signing.url
    assert signing.country_id == "BEL" and signing.source_name == "news-feed"
    assert found["news/gdelt-story.html"].country_id == "UKR"
    assert found["news/projet-de-loi.html"].language == "fr"
    un_document = found["undl/files/A_81_999-EN.pdf"]
    assert (un_document.kind, un_document.forum) == ("adopted-document", "United Nations")
    assert un_document.title.startswith("A/81/999: International cooperation")

    # GDELT also listed the signing story: already a reference, not a second one.
    assert Reference.objects.filter(url=signing.url).count() == 1
    assert summaries["gdelt"].new_references == 1

    feed = summaries["news-feed"]
    assert feed.items_new == 6 and feed.errors == 4
    failures = {
        item.url.rsplit("/", 1)[-1]: item.error
        for item in SeenItem.objects.filter(outcome="failed")
    }
    assert "robots.txt" in failures["draft.html"]
    assert "private" in failures["leak.html"]
    assert "content type" in failures["logo.png"]
    assert site.hits("/private/draft.html") == 0
    assert [f.url.rsplit("/", 1)[-1] for f in ItemFailure.objects.all()] == ["slow.html"]
    assert site.hits("/news/flaky.html") == 2  # a 503, then the page

    read = sum(ScanCount.objects.values_list("documents", flat=True))
    # feed 6, sitemap 2, crawl 3, GDELT 2, UN library 2
    assert read == SeenItem.objects.filter(outcome="read").count() == 15


def test_a_second_run_adds_nothing(make_monitor, site):
    """Everything already read is recognised; the feed answers 304 to its stored ETag."""
    make_monitor().run()
    before = snapshot(cursors=False)
    summaries = {s.source: s for s in make_monitor().run()}
    assert snapshot(cursors=False)["references"] == before["references"]
    assert snapshot(cursors=False)["seen"] == before["seen"]
    assert sum(s.new_references for s in summaries.values()) == 0
    feed_requests = [r for r in site.requests if r.path == "/feed.xml"]
    assert feed_requests[-1].headers.get("If-None-Match") == '"feed-1"'
    assert summaries["ministry-sitemap"].items_known == 2


def test_a_transient_failure_is_retried_on_the_next_run(make_monitor, site):
    """The slow page times out, is kept for retry, and is read once it answers in time."""
    make_monitor().run(["news-feed"])
    assert ItemFailure.objects.get().attempts == 1
    site.routes["/news/slow.html"].delay = 0.0
    summary = make_monitor().run(["news-feed"])[0]
    assert not ItemFailure.objects.exists()
    assert Reference.objects.filter(url__endswith="/news/slow.html").exists()
    assert summary.new_references == 1


def test_a_transient_failure_is_given_up_after_the_configured_attempts(make_monitor, site):
    for _ in range(3):
        make_monitor().run(["news-feed"])
    assert not ItemFailure.objects.exists()
    slow = SeenItem.objects.get(url__endswith="/news/slow.html")
    assert slow.outcome == "failed" and "timed out" in slow.error


@pytest.mark.parametrize("stop_after", [1, 5, 9, 14])
@pytest.mark.parametrize("where", ["between items", "inside an item's transaction"])
def test_a_run_killed_at_any_point_resumes_to_the_same_database(
    make_monitor, monkeypatch, stop_after, where
):
    """Stopped after N items — between two items, or halfway through writing one — and run
    again, the monitor ends exactly where one uninterrupted run ends: same seen items,
    references, mentions, clusters, scan counts, proposals and cursors."""
    from treatywatch.monitor.pipeline import Monitor

    make_monitor().run()
    uninterrupted = snapshot()
    reset()
    calls = []

    def stop() -> None:
        calls.append(1)
        if len(calls) == stop_after:
            raise Interrupted

    if where == "between items":
        monitor = make_monitor(after_item=stop)
    else:
        counting = Monitor._count

        def count_then_stop(self, *args, **kwargs):
            counting(self, *args, **kwargs)
            stop()  # the scan count is written, the references not yet: all must roll back

        monkeypatch.setattr(Monitor, "_count", count_then_stop)
        monitor = make_monitor()
    with pytest.raises(Interrupted):
        monitor.run()
    monkeypatch.undo()
    assert Run.objects.filter(status="running").count() == 1  # shown as interrupted
    partial = snapshot()
    assert len(partial["seen"]) < len(uninterrupted["seen"])
    make_monitor().run()
    assert snapshot() == uninterrupted


def test_mentions_keep_their_offsets_into_the_text_read(make_monitor):
    """Each stored mention indexes the text that was read; the full title is among them."""
    from tests.monitor.site import FULL_TITLE, STORY

    make_monitor().run(["crawl"])
    mentions = Mention.objects.filter(reference__url="https://mirror.example.org/2026/03/treaty")
    assert mentions.exists()
    for mention in mentions:
        assert STORY[mention.start : mention.end] == mention.text and mention.snippet
    assert mentions.filter(text=FULL_TITLE, form="full").exists()


def test_a_watched_url_is_read_again_only_when_it_changes(make_monitor, site, tmp_path):
    """ETag 304 → nothing; new content → read again under a new key."""
    base = f"http://127.0.0.1:{site.port}"
    site.routes["/page.html"] = Route.html("<p>Nothing yet.</p>", etag='"a"')
    from tests.monitor.site import write_config

    extra = f'\n[[source]]\nname = "page"\nkind = "url"\nurl = "{base}/page.html"\n'
    path = write_config(tmp_path / "with-page.toml", base, extra=extra)
    make_monitor(path).run(["page"])
    make_monitor(path).run(["page"])
    assert site.requests[-1].headers.get("If-None-Match") == '"a"'
    assert SeenItem.objects.filter(source="page").count() == 1
    from tests.monitor.site import REPORT, html

    site.routes["/page.html"] = Route.html(html("Report", REPORT), etag='"b"')
    summary = make_monitor(path).run(["page"])[0]
    assert summary.items_new == 1 and summary.new_references == 1
    assert SeenItem.objects.filter(source="page").count() == 2


def test_a_source_that_fails_is_reported_and_the_others_still_run(make_monitor, site):
    site.routes["/feed.xml"] = Route(body=b"this is not a feed <<<", content_type="text/xml")
    summaries = {s.source: s for s in make_monitor().run(["news-feed", "crawl"])}
    assert summaries["news-feed"].status == "failed"
    assert "not a readable feed" in summaries["news-feed"].messages[0]
    assert summaries["crawl"].status == "ok" and summaries["crawl"].new_references == 2
