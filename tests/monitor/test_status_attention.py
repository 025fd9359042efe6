"""`monitor status` and coverage-normalised attention, from the API and the command line."""

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from typer.testing import CliRunner

from treatywatch.cli import app
from treatywatch.monitor import attention
from treatywatch.monitor.config import load_config
from treatywatch.monitor.models import Run, ScanCount, SeenItem
from treatywatch.monitor.status import source_statuses
from treatywatch.references.models import Reference

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 29)
runner = CliRunner()


def test_status_reports_each_source(make_monitor, config_path):
    make_monitor().run()
    statuses = {s.name: s for s in source_statuses(load_config(config_path), TODAY)}
    feed = statuses["news-feed"]
    assert feed.last_status == "ok" and feed.items_seen == 9
    assert feed.items_failed == 3 and feed.retrying == 1
    assert feed.references == 3 and feed.last_run_errors == 4
    assert not feed.coverage.flagged
    assert statuses["nl-treaty-database"].coverage.reason.startswith("not a stream")


def test_an_interrupted_run_and_a_silent_source_show_up(make_monitor, config_path):
    """A run left 'running' reads as interrupted; a source that used to bring items daily
    and has brought nothing for a month is flagged as a coverage gap."""
    moment = datetime(2026, 10, 1, 8, tzinfo=UTC)
    for offset in range(30):
        SeenItem.objects.create(
            source="crawl",
            key_hash=f"{offset:064d}",
            key=f"k{offset}",
            outcome="read",
            seen_at=moment - timedelta(days=offset),
        )
        Run.objects.create(source="crawl", started_at=moment - timedelta(days=offset), status="ok")
    Run.objects.create(source="crawl", started_at=datetime(2026, 11, 28, tzinfo=UTC))
    statuses = {s.name: s for s in source_statuses(load_config(config_path), TODAY)}
    crawl = statuses["crawl"]
    assert crawl.last_status == "interrupted"
    assert crawl.coverage.flagged and crawl.coverage.silent_days == 59
    result = runner.invoke(app, ["monitor", "status", "--config", str(config_path)])
    assert result.exit_code == 0, result.output
    assert "Coverage gap: crawl" in result.output
    as_json = json.loads(
        runner.invoke(
            app, ["monitor", "status", "--config", str(config_path), "--format", "json"]
        ).stdout
    )
    assert {row["source"]: row["coverage_gap"] for row in as_json}["crawl"] is True


def test_attention_sets_references_beside_documents_read(make_monitor):
    """Per month: pending and confirmed references, stories, documents read, and months
    without coverage shown as such."""
    make_monitor().run()
    Reference.objects.filter(url__endswith="/news/signing.html").update(review="confirmed")
    Reference.objects.filter(url__endswith="/news/library.html").update(review="rejected")
    rows = {row.month: row for row in attention(start=date(2026, 1, 1), end=date(2026, 12, 1))}
    assert len(rows) == 12
    march = rows[date(2026, 3, 1)]
    # signing (confirmed) and its syndicated copy, both published in March; one story
    assert (march.confirmed, march.pending) == (1, 1)
    assert (march.confirmed_stories, march.pending_stories) == (1, 1)
    assert (
        march.documents_read
        == ScanCount.objects.filter(month=date(2026, 3, 1)).aggregate(
            total=__import__("django.db.models", fromlist=["Sum"]).Sum("documents")
        )["total"]
    )
    assert march.per_10k == round(2 * 10_000 / march.documents_read, 3)
    january = rows[date(2026, 1, 1)]
    assert not january.covered and january.per_10k is None


def test_attention_by_language_and_country(make_monitor):
    make_monitor().run()
    rows = attention(by=("language", "country"))
    french = next(row for row in rows if row.language == "fr")
    assert (french.pending, french.documents_read) == (1, 1)
    belgian = [row for row in rows if row.country == "BEL"]
    # the feed's six pages (its country is BEL) and GDELT's Belgian article
    assert sum(row.documents_read for row in belgian) == 7
    with pytest.raises(ValueError, match="cannot group by colour"):
        attention(by=("colour",))


def test_the_attention_command(make_monitor):
    make_monitor().run()
    result = runner.invoke(
        app,
        [
            "monitor",
            "attention",
            "--by",
            "month",
            "--from",
            "2026-03-01",
            "--to",
            "2026-04-30",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert (
        lines[0]
        == "month,confirmed,pending,confirmed_stories,pending_stories,documents_read,per_10k"
    )
    assert [line.split(",")[0] for line in lines[1:]] == ["2026-03", "2026-04"]
    bad = runner.invoke(app, ["monitor", "attention", "--by", "weather"])
    assert bad.exit_code == 2
