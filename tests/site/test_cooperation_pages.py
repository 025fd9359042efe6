"""“Can State A ask State B?” and the cooperation network, on the bundled record."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.usefixtures("bundle")


def relations(client: Client, **params: str):
    return client.get("/en/relations/", params)


def test_the_form_alone_offers_every_state_crime_and_kind(client: Client) -> None:
    """Without two States the page is the question: 198 States in each select, the crimes
    (annex crimes marked) and the four kinds of cooperation."""
    html = relations(client).content.decode()
    assert len(re.findall(r'<option value="[A-Z]{3}"', html)) == 2 * 198
    assert '<option value="aggression"' in html and "(annex crime)" in html
    for kind in ("mutual_legal_assistance", "extradition", "transfer_of_sentenced_persons"):
        assert f'<option value="{kind}"' in html
    assert "How the answer is reached" in html


def test_latvia_asks_the_netherlands(client: Client) -> None:
    """Uncertain, with each reason's effect and source, Part III, no central authority recorded,
    the checklist with refusal grounds, and the same answer's API address."""
    response = relations(
        client, requesting="LVA", requested="NLD", crime="war_crimes", as_of="2026-11-29"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="answer is-uncertain"' in html
    assert "Can Latvia ask Netherlands for mutual legal assistance (war crimes)" in html
    assert html.count('class="reason is-') >= 5
    assert 'class="reason is-doubt"' in html
    assert "https://verdragen.nl/en/Treaty/Details/013717_p.html" in html
    assert "Part III" in html
    assert "No central authority designation is recorded for either State" in html
    assert "It may be refused if" in html
    assert "/api/relations?requesting=LVA&amp;requested=NLD&amp;crime=war_crimes" in html
    assert "treatywatch relations LVA NLD --crime war_crimes" in html


def test_a_signatory_cannot_be_asked_and_alpha_2_codes_work(client: Client) -> None:
    html = relations(
        client, requesting="lv", requested="fr", cooperation="extradition"
    ).content.decode()
    assert 'class="answer is-no"' in html
    assert "signed_only" in html


def test_before_latvia_ratified_the_answer_is_no(client: Client) -> None:
    """On 2024-06-01 nobody had ratified: Latvia is not bound, the answer is no."""
    html = relations(client, requesting="LVA", requested="NLD", as_of="2024-06-01").content.decode()
    assert 'class="answer is-no"' in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"requesting": "LVA"}, "Choose both"),
        ({"requested": "LVA"}, "Choose both"),
        ({"requesting": "QQQ", "requested": "LVA"}, "is not a State"),
        ({"requesting": "LVA", "requested": "LV"}, "two different States"),
        ({"requesting": "LVA", "requested": "NLD", "crime": "piracy"}, "crime"),
        ({"requesting": "LVA", "requested": "NLD", "cooperation": "spying"}, "cooperation"),
        ({"requesting": "LVA", "requested": "NLD", "as_of": "2026-02-30"}, "not a day"),
    ],
)
def test_bad_questions_are_a_clear_400(client: Client, params: dict[str, str], message: str):
    response = relations(client, **params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_network_page_shows_size_pairs_and_impacts(client: Client) -> None:
    """One possible pair today (Latvia–Netherlands) in a matrix and a list, the chart with its
    description, and the States whose ratification would open pairs, signatories first."""
    html = client.get("/en/network/").content.decode()
    assert "0 pairs of States can cooperate under the Convention, and 1 more" in html
    assert '<svg class="chart"' in html and 'aria-labelledby="network-title network-desc"' in html
    assert "Latvia – Netherlands" in html and 'class="data-table matrix"' in html
    assert "/en/relations/?requesting=LVA&amp;requested=NLD" in html
    assert "196 States would each open 2 pairs" in html
    first_impact = re.search(
        r'<th scope="row"><a href="/en/states/([A-Z]{3})/',
        html.split("Whose ratification would open the most pairs")[1],
    )
    assert first_impact and first_impact.group(1) == "ALB"  # Albania signed: first by name


def test_the_network_before_any_ratification_has_no_pair(client: Client) -> None:
    html = client.get("/en/network/", {"as_of": "2024-03-01"}).content.decode()
    assert "No pair of States can cooperate under the Convention on this date." in html


def test_cooperation_pages_use_a_bounded_number_of_queries(
    client: Client, django_assert_max_num_queries
) -> None:
    """The record is read once (a handful of queries), whatever the number of States."""
    with django_assert_max_num_queries(20):
        assert relations(client, requesting="LVA", requested="NLD").status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get("/en/network/").status_code == 200
