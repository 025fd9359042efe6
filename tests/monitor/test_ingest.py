"""`treatywatch ingest`: documents handed in become pending references, once each."""

from __future__ import annotations

from datetime import date

import pytest
from typer.testing import CliRunner

from tests.monitor.conftest import NOW
from tests.monitor.site import STORY, UNRELATED
from treatywatch.cli import app
from treatywatch.core.evidence import Review
from treatywatch.monitor.ingest import FILES_SOURCE, IngestError, ingest_documents
from treatywatch.references.models import Reference

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(tmp_path):
    documents = tmp_path / "adopted"
    documents.mkdir()
    (documents / "resolution.txt").write_text(STORY, encoding="utf-8")
    (documents / "copy-of-resolution.txt").write_text("Press copy.\n" + STORY, encoding="utf-8")
    (documents / "budget.txt").write_text(UNRELATED, encoding="utf-8")
    return documents


def test_files_become_pending_references_with_kind_forum_and_date(folder, loaded, detector):
    """Two copies of one text are one cluster; the unrelated text stores nothing."""
    from treatywatch.monitor.config import FetchSettings, MonitorConfig
    from treatywatch.monitor.pipeline import Monitor

    runner = Monitor(
        MonitorConfig("t", FetchSettings("mailto:t@example.org"), ()),
        detector=detector,
        now=lambda: NOW,
    )
    summaries = ingest_documents(
        paths=[str(folder)],
        urls=[],
        kind="adopted-document",
        forum="Test Parliament",
        published=date(2026, 3, 12),
        monitor=runner,
    )
    assert [s.source for s in summaries] == [FILES_SOURCE]
    stored = Reference.objects.filter(source_name=FILES_SOURCE).order_by("url")
    assert [row.url.rsplit("/", 1)[1] for row in stored] == [
        "copy-of-resolution.txt",
        "resolution.txt",
    ]
    assert {row.review for row in stored} == {Review.PENDING.value}
    assert {row.kind for row in stored} == {"adopted-document"}
    assert {row.forum for row in stored} == {"Test Parliament"}
    assert {row.published_on for row in stored} == {date(2026, 3, 12)}
    assert len({row.cluster for row in stored}) == 1
    assert all(row.mentions.exists() for row in stored)
    again = ingest_documents(paths=[str(folder)], urls=[], kind="adopted-document", monitor=runner)
    assert again[0].items_new == 0 and again[0].items_known == 3
    assert Reference.objects.filter(source_name=FILES_SOURCE).count() == 2


def test_pending_references_count_only_once_confirmed(folder, loaded):
    """The indicator shows ingested references as pending until a reviewer confirms them."""
    from treatywatch.treaties.queries import indicator_values

    def adopted():
        return next(v for v in indicator_values() if v.indicator.code == "adopted_documents")

    before = adopted()
    result = CliRunner().invoke(
        app, ["ingest", str(folder), "--kind", "adopted-document", "--date", "2026-03-12"]
    )
    assert result.exit_code == 0, result.output
    assert "2 new reference(s) pending review" in result.stdout
    after = adopted()
    assert after.value == before.value and after.pending == before.pending + 2
    Reference.objects.filter(source_name=FILES_SOURCE).update(review=Review.CONFIRMED.value)
    from treatywatch.site import freshness

    freshness.bump()
    confirmed = adopted()
    assert confirmed.value == before.value + 1  # the two copies are one cluster
    assert confirmed.raw_value == before.raw_value + 2


def test_urls_need_a_contact():
    with pytest.raises(IngestError, match="--contact"):
        ingest_documents(paths=[], urls=["https://example.org/a"], kind="public-domain")


def test_usage_errors_exit_with_2(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt"), "--kind", "public-domain"])
    assert missing.exit_code == 2 and "no such file or folder" in missing.output
    assert runner.invoke(app, ["ingest", str(tmp_path), "--kind", "gossip"]).exit_code == 2
