"""/api/indicators, /api/timeline and /api/changes: the pledge's figures and their history."""

import pytest

from tests.api.conftest import error_of
from treatywatch.core.indicators import INDICATORS

pytestmark = pytest.mark.usefixtures("bundle")


def test_five_indicators_with_their_evidence_on_the_baseline(client):
    """On 24 Sep 2024: 36 signatories listed by code, no consent, each indicator explained."""
    body = client.get("/api/indicators?as_of=2024-09-24").json()
    assert body["as_of"] == "2024-09-24"
    values = {item["code"]: item for item in body["indicators"]}
    assert list(values) == [indicator.code for indicator in INDICATORS]
    assert values["signatories"]["value"] == 36 and len(values["signatories"]["evidence"]) == 36
    assert "NLD" in values["signatories"]["evidence"]
    assert values["consenting"]["value"] == 0
    assert values["events"]["value"] == len(values["events"]["evidence"]) > 0
    for item in body["indicators"]:
        assert item["definition"] and item["method"] and item["limitations"]


def test_one_indicator_by_code(client):
    body = client.get("/api/indicators/consenting").json()
    assert body["value"] == 1 and body["evidence"] == ["LVA"]


def test_unknown_indicator_is_404(client):
    assert error_of(client.get("/api/indicators/tweets"), 404)["code"] == "unknown_indicator"


def test_timeline_runs_month_by_month_from_the_opening(client):
    """From February 2024 (opening for signature) to November 2026 (today in tests)."""
    points = client.get("/api/timeline").json()["points"]
    assert points[0]["month"] == "2024-02" and points[-1]["month"] == "2026-11"
    assert len(points) == 34
    assert points[-1]["signatories"] == 40 and points[-1]["consenting"] == 1
    assert sum(points[-1]["signatories_by_region"].values()) == 40


def test_timeline_takes_sdmx_periods(client):
    """A year covers its twelve months; a month covers itself; a start after the end, nothing."""
    year = client.get("/api/timeline?startPeriod=2024&endPeriod=2024").json()["points"]
    assert [point["month"] for point in year] == [f"2024-{month:02}" for month in range(1, 13)]
    september = client.get("/api/timeline?startPeriod=2024-09&endPeriod=2024-09").json()
    assert [point["signatories"] for point in september["points"]] == [36]
    backwards = client.get("/api/timeline?startPeriod=2025&endPeriod=2024").json()
    assert backwards["points"] == []


@pytest.mark.parametrize("period", ["2024-13", "24", "2024-1", "2024-02-30", "1800", "2024Q1"])
def test_bad_periods_get_400(client, period):
    error = error_of(client.get(f"/api/timeline?startPeriod={period}"), 400)
    assert error["field"] == "startPeriod" and repr(period) in error["message"]


def test_changes_newest_first_with_sources(client):
    body = client.get("/api/changes").json()
    dates = [item["date"] for item in body["items"]]
    assert dates == sorted(dates, reverse=True)
    assert body["items"][0]["state"] == "LVA" and body["items"][0]["kind"] == "ratification"
    assert all(item["source_url"].startswith("http") for item in body["items"])


@pytest.mark.parametrize(
    ("query", "total"),
    [
        ("state=LVA", 2),
        ("state=lva", 2),
        ("kind=ratification", 1),
        ("startPeriod=2025", 4),
        ("endPeriod=2024-02-14&kind=signature", 32),
        ("as_of=2024-09-24&kind=signature", 36),
        ("updatedAfter=2026-11", 0),
        ("updatedAfter=2026-10", 42),
    ],
)
def test_changes_filter(client, query, total):
    assert client.get(f"/api/changes?{query}").json()["total"] == total


def test_changes_paginate(client):
    page = client.get("/api/changes?limit=5&offset=40").json()
    assert page["total"] == 42 and len(page["items"]) == 2


@pytest.mark.parametrize(
    ("query", "field"),
    [("state=LV", "state"), ("kind=party", "kind"), ("updatedAfter=yesterday", "updatedAfter")],
)
def test_bad_change_filters_get_400(client, query, field):
    assert error_of(client.get(f"/api/changes?{query}"), 400)["field"] == field
