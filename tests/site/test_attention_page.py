"""The Attention page and the monitor's coverage on the indicator 4 and 5 pages."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from treatywatch.monitor.models import ScanCount
from treatywatch.references.models import Reference
from treatywatch.treaties.models import State

pytestmark = pytest.mark.usefixtures("bundle")


@pytest.fixture
def monitored(bundle: None) -> None:
    """The monitor read 400 French documents in September 2026 and found one reference, and
    100 Spanish ones in October; it read nothing in any other month."""
    ScanCount.objects.create(
        source="news", month=date(2026, 9, 1), language="fr", country="FRA", documents=400
    )
    ScanCount.objects.create(
        source="news", month=date(2026, 10, 1), language="es", country="ESP", documents=100
    )
    Reference.objects.create(
        url="https://example.org/found",
        title="Found by the monitor",
        published_on=date(2026, 9, 12),
        kind="public-domain",
        language="fr",
        country=State.objects.get(code="FRA"),
        source_date=date(2026, 11, 1),
        review="pending",
        source_name="news",
    )


def test_without_any_reading_every_month_is_a_gap_not_zero(client: Client) -> None:
    """Before the monitor runs: every month since February 2024 says 'no coverage'; no month
    shows a rate of 0."""
    html = client.get("/en/attention/").content.decode()
    assert html.count("no coverage: nothing was read</span>") == 34
    assert "34 / 34" in html
    assert 'class="chart__gap"' in html and 'class="chart__bar is-coverage"' not in html


@pytest.mark.usefixtures("monitored")
def test_covered_months_show_documents_read_beside_references(client: Client) -> None:
    """September: 400 read, 1 found, 25 per 10,000; October: 100 read, rate 0 (a real zero);
    the other months stay gaps; French and France lead their tables."""
    html = client.get("/en/attention/").content.decode()
    assert html.count("no coverage: nothing was read</span>") == 32
    september = html.split('datetime="2026-09"')[1].split("</tr>")[0]
    assert '<td class="num">400</td>' in september and '<td class="num">25</td>' in september
    october = html.split('datetime="2026-10"')[1].split("</tr>")[0]
    assert '<td class="num">100</td>' in october and '<td class="num">0</td>' in october
    languages = html.split('id="languages-title"')[1].split("</table>")[0]
    assert languages.index(">fr<") < languages.index(">es<")
    countries = html.split('id="countries-title"')[1].split("</table>")[0]
    assert "France" in countries and "Spain" in countries
    assert html.count('class="chart__bar is-coverage"') == 2


@pytest.mark.usefixtures("monitored")
def test_the_kind_filter_and_a_bad_kind(client: Client) -> None:
    """Documents read do not depend on the kind; the public-domain reference is left out."""
    documents = client.get("/en/attention/", {"kind": "adopted-document"}).content.decode()
    assert "<dt>References found</dt><dd>0</dd>" in documents
    assert "<dt>Documents read</dt><dd>500</dd>" in documents
    response = client.get("/en/attention/", {"kind": "tweets"})
    assert response.status_code == 400 and "kind" in response.content.decode()


def test_indicator_pages_say_when_there_is_no_coverage(client: Client) -> None:
    """Indicators 4 and 5 warn that few references is not little attention; 1 to 3 do not."""
    for code in ("adopted_documents", "public_domain"):
        html = client.get(f"/en/indicators/{code}/").content.decode()
        assert "No coverage yet" in html and 'href="#coverage"' in html
    assert "The monitor's coverage" not in client.get("/en/indicators/events/").content.decode()


@pytest.mark.usefixtures("monitored")
def test_indicator_page_counts_covered_months(client: Client) -> None:
    html = client.get("/en/indicators/public_domain/").content.decode()
    assert "2 of the last 12 months covered" in html
    assert "the monitor read 500 documents and found 1 references" in html
    assert "10 months have no coverage" in html
    assert "/en/attention/?kind=public-domain" in html
