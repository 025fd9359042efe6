"""Every public page answers, says its date, has link-preview tags and no inline code."""

from __future__ import annotations

import re

import pytest
from django.test import Client

PAGES = [
    "/en/",
    "/en/map/",
    "/en/timeline/",
    "/en/states/",
    "/en/states/FRA/",
    "/en/convention/",
    "/en/relations/",
    "/en/network/",
    "/en/events/",
    "/en/events/calendar/",
    "/en/targets/",
    "/en/indicators/",
    "/en/indicators/signatories/",
    "/en/indicators/consenting/",
    "/en/indicators/events/",
    "/en/indicators/adopted_documents/",
    "/en/indicators/public_domain/",
    "/en/attention/",
    "/en/changes/",
    "/en/widget/",
    "/en/embed/",
]
DATED_PAGES = [page for page in PAGES if page not in ("/en/embed/",)]


def _og(html: str, name: str) -> str | None:
    found = re.search(rf'<meta property="og:{name}" content="([^"]*)"', html)
    return found.group(1) if found else None


@pytest.mark.usefixtures("bundle")
@pytest.mark.parametrize("path", PAGES)
def test_page_has_language_and_open_graph(client: Client, path: str) -> None:
    """200, <html lang>, og:title/description/url/image/locale, and no inline style or script."""
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    for name in ("title", "description", "url", "image", "locale"):
        assert _og(html, name), f"og:{name} missing on {path}"
    assert _og(html, "url").endswith(path)
    # The CSP forbids inline code: everything lives in static files.
    assert "<script" not in html
    assert "<style" not in html
    assert " style=" not in html


@pytest.mark.usefixtures("bundle")
@pytest.mark.parametrize("language", ["fr", "es"])
def test_pages_in_other_languages(client: Client, language: str) -> None:
    """French and Spanish pages carry their lang attribute and og:locale."""
    html = client.get(f"/{language}/states/").content.decode()
    assert f'<html lang="{language}"' in html
    assert _og(html, "locale") == {"fr": "fr_FR", "es": "es_ES"}[language]


@pytest.mark.usefixtures("bundle")
@pytest.mark.parametrize("path", DATED_PAGES)
@pytest.mark.parametrize(
    ("as_of", "shown"),
    [
        ("2023-01-01", "1 January 2023"),  # before the opening for signature
        ("2026-11-29", "29 November 2026"),  # today (pinned)
        ("2031-06-30", "30 June 2031"),  # the future
        ("2024-02-29", "29 February 2024"),  # a real leap day
    ],
)
def test_page_says_which_date_it_shows(client: Client, path: str, as_of: str, shown: str) -> None:
    """Any real date gives 200 and the page names it."""
    response = client.get(path, {"as_of": as_of})
    assert response.status_code == 200
    assert shown in response.content.decode()


@pytest.mark.usefixtures("bundle")
@pytest.mark.parametrize(
    "path",
    [
        *DATED_PAGES,
        "/en/states/download.csv",
        "/en/badge.svg",
        "/en/targets/download.csv",
        "/en/events/calendar.ics",
    ],
)
@pytest.mark.parametrize(
    ("as_of", "message"),
    [
        ("2024-02-30", "is not a day of the calendar"),
        ("2024-13-01", "is not a day of the calendar"),
        ("24-09-2024", "write it as YYYY-MM-DD"),
        ("yesterday", "write it as YYYY-MM-DD"),
        ("2024-9-24", "write it as YYYY-MM-DD"),
        ("1800-01-01", "out of range"),
    ],
)
def test_bad_date_is_a_clear_400(client: Client, path: str, as_of: str, message: str) -> None:
    """A malformed or impossible date gets 400 with a message naming the problem, never 500."""
    response = client.get(path, {"as_of": as_of})
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.usefixtures("bundle")
def test_today_is_labelled_and_future_is_explained(client: Client) -> None:
    """Today's page says '(today)'; a future date says what a future date means."""
    assert "(today)" in client.get("/en/").content.decode()
    future = client.get("/en/", {"as_of": "2030-01-01"}).content.decode()
    assert "A future date" in future
    assert "(today)" not in future


@pytest.mark.usefixtures("bundle")
@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        ("/en/states/", {"region": "mars"}, "region"),
        ("/en/states/", {"group": "NATO"}, "group"),
        ("/en/states/", {"status": "ratified"}, "status"),
        ("/en/states/", {"sort": "population"}, "sort"),
        ("/en/states/", {"dir": "up"}, "dir"),
        ("/en/states/download.json", {"region": "mars"}, "region"),
        ("/en/indicators/events/", {"page": "99"}, "There is no page"),
        ("/en/indicators/events/", {"page": "-1"}, "There is no page"),
        ("/en/changes/", {"kind": "coup"}, "kind"),
    ],
)
def test_bad_parameter_is_a_clear_400(
    client: Client, path: str, params: dict[str, str], message: str
) -> None:
    """Unknown filter values name the parameter and list the choices."""
    response = client.get(path, params)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.usefixtures("bundle")
def test_unknown_pages_are_404_in_the_site_look(client: Client) -> None:
    """Unknown State or indicator: 404 with the reason; lower-case codes redirect."""
    response = client.get("/en/states/ZZZ/")
    assert response.status_code == 404
    assert "No State has the code" in response.content.decode()
    assert client.get("/en/indicators/happiness/").status_code == 404
    redirect = client.get("/en/states/fr/", {"as_of": "2025-01-01"})
    assert redirect.status_code == 302
    assert redirect["Location"] == "/en/states/FRA/?as_of=2025-01-01"


@pytest.mark.usefixtures("bundle")
def test_accept_language_chooses_the_language(client: Client) -> None:
    """'/' follows Accept-Language; the French page uses French words and State names."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"
    html = client.get("/fr/states/").content.decode()
    assert "Vue d'ensemble" in html
    assert "Allemagne" in html
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es").headers["Location"] == "/es/"
    spanish = client.get("/es/states/").content.decode()
    assert "Alemania" in spanish and "Situación" in spanish


@pytest.mark.usefixtures("bundle")
def test_language_switcher_keeps_the_page_and_date(client: Client) -> None:
    """The switcher links to the same page and date in each language."""
    html = client.get("/en/states/LVA/", {"as_of": "2025-01-01"}).content.decode()
    assert 'href="/fr/states/LVA/?as_of=2025-01-01"' in html
    assert 'href="/es/states/LVA/?as_of=2025-01-01"' in html


def test_open_graph_image_is_shipped() -> None:
    """The og:image every page names exists among the static files (a PNG, as sites need)."""
    from pathlib import Path

    from django.contrib.staticfiles import finders

    found = finders.find("site/og-card.png")
    assert found
    assert Path(found).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
