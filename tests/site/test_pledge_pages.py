"""The pledge's pages: events (list, calendar, .ics), targets (and CSV), State next steps and
factsheets, and the entry-into-force outlook on the Convention page."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from django.test import Client
from typer.testing import CliRunner

from treatywatch.cli import app

pytestmark = pytest.mark.usefixtures("bundle")


def test_events_list_shows_every_confirmed_event_with_details(client: Client) -> None:
    """18 bundled events; the signing ceremony with its audiences, States and sources."""
    html = client.get("/en/events/").content.decode()
    assert "18 confirmed events" in html
    assert 'id="event-signing-ceremony-the-hague-2024-02-14"' in html
    assert "Peace Palace" in html and "Diplomats" in html
    assert 'href="/en/states/DEU/"' in html
    assert "https://www.government.nl/latest/news/2024/02/14/convention-signed-to" in html
    assert 'href="/en/events/calendar.ics"' in html


@pytest.mark.parametrize(
    ("params", "included", "excluded"),
    [
        ({"kind": "ceremony"}, "signing-ceremony-the-hague-2024-02-14", "asser-seminar-2024-02-15"),
        ({"level": "national"}, "second-anniversary-adoption-2025-05-26", "asser-seminar"),
        ({"state": "NLD"}, "asser-seminar-2024-02-15", "genocide-network-31st-meeting-2022"),
        ({"measure": "sign"}, "signing-ceremony-the-hague-2024-02-14", "asser-seminar"),
    ],
)
def test_events_filters(client: Client, params, included, excluded) -> None:
    """Each filter keeps matching events only, and the .ics link carries the same filter."""
    html = client.get("/en/events/", params).content.decode()
    assert f'id="event-{included}' in html
    assert f'id="event-{excluded}' not in html
    key, value = next(iter(params.items()))
    assert f'/en/events/calendar.ics?{key}={value}"' in html


def test_events_before_a_date_and_upcoming(client: Client) -> None:
    """On 2024-02-14 the seminar of the next day is 'coming up'; later events too."""
    html = client.get("/en/events/", {"as_of": "2024-02-14"}).content.decode()
    upcoming, past = html.split('id="past-title"')
    assert "event-asser-seminar-2024-02-15" in upcoming
    assert "event-signing-ceremony-the-hague-2024-02-14" in past


def test_calendar_month_grid(client: Client) -> None:
    """February 2024: the ceremony on the 14th and the seminar on the 15th, in a Monday-first
    grid of five weeks, with links to the months around it and to every month with events."""
    html = client.get("/en/events/calendar/", {"month": "2024-02"}).content.decode()
    assert "February 2024" in html and "2 events this month" in html
    assert html.count('<td class="calendar__day') == 35
    day_14 = re.search(r'<span class="calendar__number">14</span>(.*?)</td>', html).group(1)
    assert "#event-signing-ceremony-the-hague-2024-02-14" in day_14
    assert "month=2024-01" in html and "month=2024-03" in html
    assert "month=2023-05" in html  # the Diplomatic Conference's month, in the index


def test_calendar_spans_multi_day_events(client: Client) -> None:
    """The Diplomatic Conference (15–26 May 2023) appears on each of its days."""
    html = client.get("/en/events/calendar/", {"month": "2023-05"}).content.decode()
    assert html.count("#event-diplomatic-conference-ljubljana-2023") == 12


def test_ics_download_holds_the_filtered_dated_events(client: Client) -> None:
    response = client.get("/en/events/calendar.ics", {"kind": "ceremony"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode()
    assert body.count("BEGIN:VEVENT") == 1
    assert "UID:signing-ceremony-the-hague-2024-02-14@treatywatch" in body


@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        ("/en/events/", {"kind": "party"}, "kind"),
        ("/en/events/", {"level": "galactic"}, "level"),
        ("/en/events/", {"state": "QQQ"}, "is not a State"),
        ("/en/events/", {"measure": "lobby"}, "measure"),
        ("/en/events/calendar/", {"month": "2024-13"}, "is not a month"),
        ("/en/events/calendar/", {"month": "May 2024"}, "is not a month"),
        ("/en/events/calendar.ics", {"kind": "party"}, "kind"),
        ("/en/targets/", {"step": "join"}, "step"),
        ("/en/targets/", {"region": "mars"}, "region"),
        ("/en/targets/", {"group": "NATO"}, "group"),
        ("/en/targets/download.csv", {"step": "join"}, "step"),
        ("/en/states/DEU/factsheet.pdf", {"as_of": "2024-02-30"}, "not a day"),
    ],
)
def test_bad_parameters_are_a_clear_400(client: Client, path, params, message) -> None:
    response = client.get(path, params)
    assert response.status_code == 400
    assert message in response.content.decode()


def targets_csv(client: Client, **params: str) -> list[dict[str, str]]:
    response = client.get("/en/targets/download.csv", params)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_targets_page_shows_scores_with_their_factors(client: Client) -> None:
    """Slovenia first at 120, its regional-peers factor as value × weight; all 198 States."""
    html = client.get("/en/targets/").content.decode()
    assert "198 States" in html
    first = html.index('href="/en/states/SVN/"')
    assert first < html.index('href="/en/states/BEL/"')
    assert '<td class="num targets__score">120</td>' in html
    assert "0.545 × 30" in html
    assert 'id="factor-regional_peers_signed"' in html


def test_targets_csv_is_exactly_the_rows_shown(client: Client) -> None:
    """Filtered to signatories of the African Group: the CSV has the same States in the same
    order as the page, and its numbers are the CLI's."""
    params = {"step": "ratify", "region": "african"}
    html = client.get("/en/targets/", params).content.decode()
    shown = re.findall(r'<th scope="row"><a href="/en/states/([A-Z]{3})/"', html)
    rows = targets_csv(client, **params)
    assert [row["code"] for row in rows] == shown and shown
    cli = CliRunner().invoke(app, ["targets", "--format", "json", "--step", "ratify"])
    by_code = {item["code"]: item for item in json.loads(cli.stdout)}
    for row in rows:
        assert int(row["score"]) == by_code[row["code"]]["score"]
        assert int(row["stage"]) + int(row["regional_peers_signed"]) <= int(row["score"])


def test_targets_group_filter(client: Client) -> None:
    """EU members only: 27 rows."""
    assert len(targets_csv(client, group="EU")) == 27


def test_state_page_next_step_comes_from_the_targets_engine(client: Client) -> None:
    """Germany: ratify, with its score and non-zero factors; Latvia: use the Convention."""
    html = client.get("/en/states/DEU/").content.decode()
    assert '<p class="next-step__title">Ratify the Convention</p>' in html
    assert "Priority score: <strong>" in html and "Rome Statute party" in html
    latvia = client.get("/en/states/LVA/").content.decode()
    assert '<p class="next-step__title">Use the Convention</p>' in latvia


def test_state_page_links_factsheets_in_three_languages(client: Client) -> None:
    html = client.get("/en/states/DEU/", {"as_of": "2025-01-01"}).content.decode()
    for lang in ("en", "fr", "es"):
        assert f'href="/{lang}/states/DEU/factsheet.pdf?as_of=2025-01-01"' in html


def test_factsheet_is_a_pdf_in_the_pages_language(client: Client) -> None:
    """Made on request, cached: the second request is served from memory, byte for byte."""
    response = client.get("/fr/states/DEU/factsheet.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "treatywatch-DEU-fr-2026-11-29.pdf" in response["Content-Disposition"]
    assert client.get("/fr/states/DEU/factsheet.pdf").content == response.content
    assert client.get("/en/states/ZZZ/factsheet.pdf").status_code == 404


def test_convention_page_shows_the_outlook_as_unverified(client: Client) -> None:
    """Both thresholds, the pace projections of the outlook engine, and the warning."""
    html = client.get("/en/convention/").content.decode()
    section = html.split('id="outlook-title"')[1].split("</section>")[0]
    assert "Based on an unverified rule." in section
    assert "1 March 2031" in section and "1 March 2055" in section
    assert "If the 39 signatories without an instrument all deposited one" in section


def test_pledge_pages_use_a_bounded_number_of_queries(
    client: Client, django_assert_max_num_queries
) -> None:
    for path in ("/en/events/", "/en/events/calendar/", "/en/targets/", "/en/states/DEU/"):
        with django_assert_max_num_queries(30):
            assert client.get(path).status_code == 200, path
