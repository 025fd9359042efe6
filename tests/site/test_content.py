"""What the pages say: map, downloads, feed, State and Convention pages, badge and widget."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from xml.etree import ElementTree

import feedparser
import pytest
from django.test import Client
from openpyxl import load_workbook

from treatywatch.events.models import Event
from treatywatch.references.models import Reference
from treatywatch.site.worldmap import geometry
from treatywatch.treaties.models import State, TreatyAction
from treatywatch.treaties.queries import status_report

pytestmark = pytest.mark.usefixtures("bundle")
TODAY = date(2026, 11, 29)
FURTHER = ("signed", "consented", "in_force")


def _map_elements(html: str) -> list[tuple[str, str]]:
    return re.findall(r'data-code="([A-Z]{3})" data-status="([a-z_]+)"', html)


def test_map_draws_every_state_once_with_its_status(client: Client) -> None:
    """Each State of the record is one map link; statuses match the status engine."""
    html = client.get("/en/").content.decode()
    drawn = dict(_map_elements(html))
    assert len(_map_elements(html)) == len(drawn) == State.objects.count() == 198
    report = status_report(TODAY, TODAY)
    assert drawn == {state.code: str(state.status) for state in report.states}
    assert sum(status in FURTHER for status in drawn.values()) == 40
    assert 'href="/en/states/AND/"' in html  # a small State, drawn as a circle
    assert "AND" in geometry()["markers"]


def test_map_on_the_pledge_baseline(client: Client) -> None:
    """On 24 September 2024 the map shows the 36 signatories of the baseline."""
    html = client.get("/en/map/", {"as_of": "2024-09-24"}).content.decode()
    statuses = [status for _, status in _map_elements(html)]
    assert sum(status in FURTHER for status in statuses) == 36
    assert 'href="/en/states/FRA/?as_of=2024-09-24"' in html


def test_home_shows_indicators_with_changes(client: Client) -> None:
    """Five indicator cards with value, baseline change and 12-month change, each linked."""
    html = client.get("/en/").content.decode()
    assert html.count('class="card"') == 5
    for code in ("signatories", "consenting", "events", "adopted_documents", "public_domain"):
        assert f'href="/en/indicators/{code}/"' in html
    signatures = html[html.index("Signatures</h3>") : html.index("Ratifications</h3>")]
    assert '<p class="card__value">40</p>' in signatures
    assert "+4" in signatures  # 36 at the baseline
    assert html.count('class="sparkline"') == 5


def _html_codes(html: str) -> list[str]:
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return re.findall(r'<th scope="row"><a href="/en/states/([A-Z]{3})/', body)


@pytest.mark.parametrize(
    "params",
    [
        {"region": "western_european_others", "status": "signed", "sort": "signed", "dir": "desc"},
        {"group": "EU", "sort": "name"},
        {"group": "ROME", "region": "african", "as_of": "2024-09-24"},
        {"status": "in_force"},
    ],
)
def test_downloads_hold_exactly_the_rows_shown(client: Client, params: dict[str, str]) -> None:
    """CSV, XLSX and JSON list the same States, in the same order, as the HTML table."""
    shown = _html_codes(client.get("/en/states/", params).content.decode())
    assert shown, "the filter should match some States"
    as_csv = list(
        csv.DictReader(io.StringIO(client.get("/en/states/download.csv", params).content.decode()))
    )
    assert [row["code"] for row in as_csv] == shown
    as_json = json.loads(client.get("/en/states/download.json", params).content)
    assert [row["code"] for row in as_json["states"]] == shown
    assert as_json["count"] == len(shown)
    workbook = load_workbook(io.BytesIO(client.get("/en/states/download.xlsx", params).content))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == shown
    assert rows[0][0] == "code"


def test_download_filters_are_real(client: Client) -> None:
    """A status filter keeps only that status, and the sort order is honoured."""
    rows = json.loads(
        client.get("/en/states/download.json", {"status": "signed", "sort": "signed"}).content
    )["states"]
    assert {row["status"] for row in rows} == {"signed"}
    days = [row["signed"] for row in rows]
    assert days == sorted(days)
    response = client.get("/en/states/download.csv")
    assert response["Content-Disposition"] == (
        'attachment; filename="treatywatch-states-2026-11-29.csv"'
    )


def test_states_table_sorts_by_header_links(client: Client) -> None:
    """Column headers link to the sorted table and say which one is sorted (aria-sort)."""
    html = client.get("/en/states/", {"sort": "consented", "dir": "desc"}).content.decode()
    assert 'aria-sort="descending"' in html
    assert _html_codes(html)[0] == "LVA"


def test_atom_feed_parses(client: Client) -> None:
    """The changes feed is valid Atom: newest first, each entry linking to its State."""
    response = client.get("/en/changes/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert feed.version == "atom10"
    assert len(feed.entries) >= 40
    first = feed.entries[0]
    assert first.title == "Latvia deposited its instrument of ratification."
    assert first.link.endswith("/en/states/LVA/")
    assert first.id.startswith("treatywatch:ljubljana-the-hague/LVA/ratification/")
    published = [entry.published_parsed for entry in feed.entries]
    assert published == sorted(published, reverse=True)


def test_changes_page_filters_by_kind(client: Client) -> None:
    """The change log lists dated changes and filters them by kind."""
    html = client.get("/en/changes/", {"kind": "ratification"}).content.decode()
    assert "Latvia deposited its instrument of ratification." in html
    assert "signed the Convention." not in html
    assert "1 change" in html


@pytest.mark.parametrize(
    ("code", "as_of", "step"),
    [
        ("USA", "2026-11-29", "Sign the Convention"),
        ("FRA", "2026-11-29", "Ratify the Convention"),
        ("LVA", "2025-10-01", "Encourage others"),  # ratified, not yet in force
        ("LVA", "2026-11-29", "Use the Convention"),  # in force as the depositary reports
    ],
)
def test_state_page_recommends_the_next_step(
    client: Client, code: str, as_of: str, step: str
) -> None:
    """The recommended step is the targets engine's, which follows the State's status."""
    html = client.get(f"/en/states/{code}/", {"as_of": as_of}).content.decode()
    assert "Recommended next step" in html
    assert f'<p class="next-step__title">{step}</p>' in html


def test_state_page_shows_history_declarations_and_rome(client: Client) -> None:
    """France: signature with source, its reservation to 8(3), Rome Statute, no authority."""
    html = client.get("/en/states/FRA/").content.decode()
    assert "14 February 2024" in html
    assert "verdragen.nl" in html
    assert "Reservation" in html and "8(3)" in html
    assert "Rome Statute" in html
    assert "No central authority designation is recorded for this State yet." in html
    congo = client.get("/en/states/COD/").content.decode()
    assert "All annexes" in congo
    before = client.get("/en/states/FRA/", {"as_of": "2024-01-01"}).content.decode()
    assert "No signature, ratification or other act recorded up to this date." in before
    assert "Sign the Convention" in before


def test_convention_page_marks_verification_and_conflicts(client: Client) -> None:
    """Facts carry verified/unverified tags and sources; parts, annexes, conflicts are shown."""
    html = client.get("/en/convention/").content.decode()
    assert "26 May 2023" in html
    assert "unverified" in html and "verified" in html
    assert "Mutual legal assistance" in html
    assert "Annex H" in html
    assert "34 countries signed on the opening day" in html
    assert "Instruments needed for entry into force" in html


def test_indicator_page_keeps_pending_items_apart(client: Client) -> None:
    """A pending reference appears under 'Awaiting review', not among the counted items."""
    Reference.objects.create(
        url="https://example.org/pending-mention",
        title="A mention waiting for a reviewer",
        published_on=date(2026, 1, 5),
        kind="public-domain",
        language="en",
        summary="Test.",
        source_date=date(2026, 1, 6),
        review="pending",
    )
    html = client.get("/en/indicators/public_domain/").content.decode()
    counted, _, pending = html.partition("Awaiting review (not counted)")
    assert "A mention waiting for a reviewer" in pending
    assert "A mention waiting for a reviewer" not in counted
    assert "Definition" in html and "Limitations" in html


def test_new_data_shows_without_restart(client: Client) -> None:
    """A saved action bumps the data stamp, so cached pages are rebuilt on the next request."""
    assert '<p class="card__value">1</p>' in client.get("/en/").content.decode()
    TreatyAction.objects.create(
        key="ljubljana-the-hague/FRA/ratification/2026-10-01",
        treaty_id="ljubljana-the-hague",
        state_id="FRA",
        action_class="ratification",
        date=date(2026, 10, 1),
        source_url="https://example.org/fra",
        source_date=date(2026, 10, 2),
    )
    html = client.get("/en/").content.decode()
    ratifications = html[html.index("Ratifications</h3>") : html.index("Events in fora</h3>")]
    assert '<p class="card__value">2</p>' in ratifications


def test_state_events_list_the_state(client: Client) -> None:
    """Events involving a State appear on its page."""
    event = Event.objects.create(
        slug="test-seminar",
        title="Seminar on the Convention for judges",
        starts_on=date(2026, 3, 3),
        level="national",
        source_url="https://example.org/seminar",
        source_date=date(2026, 3, 4),
        review="confirmed",
    )
    event.states.add("GHA")
    html = client.get("/en/states/GHA/").content.decode()
    assert "Seminar on the Convention for judges" in html


def test_badge_is_svg_with_counts(client: Client) -> None:
    """The badge is well-formed SVG with the current counts."""
    response = client.get("/en/badge.svg")
    assert response["Content-Type"].startswith("image/svg+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag.endswith("svg")
    assert "40 signed · 1 ratified" in response.content.decode()
    assert "36 signed" in client.get("/en/badge.svg", {"as_of": "2024-09-24"}).content.decode()


def test_widget_can_be_framed_and_links_back(client: Client) -> None:
    """The widget drops X-Frame-Options (other sites frame it) and links to the home page."""
    response = client.get("/en/widget/")
    assert "X-Frame-Options" not in response.headers
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in client.get("/en/").headers["Content-Security-Policy"]
    html = response.content.decode()
    assert 'href="/en/" target="_blank"' in html
    assert "<dd>40</dd>" in html
    assert client.get("/en/").headers["X-Frame-Options"] == "DENY"
    embed = client.get("/en/embed/").content.decode()
    assert "http://testserver/en/badge.svg" in embed and "&lt;iframe" in embed
