"""The site in a real browser: Debian's chromium through Playwright, never a downloaded one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from treatywatch.core.status import Status

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
FURTHER = (Status.SIGNED, Status.CONSENTED, Status.IN_FORCE)
DRAWN_FURTHER = ", ".join(f'.worldmap [data-status="{status}"]' for status in FURTHER)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture
def loaded(transactional_db: None) -> None:
    """The bundle in the live server's database."""
    from treatywatch.treaties.loading import ensure_database

    ensure_database(date(2026, 11, 29))


def api_count(page, base_url: str) -> int:  # type: ignore[no-untyped-def]
    """States signed or further according to GET /api/status on the live server."""
    response = page.request.get(f"{base_url}/api/status")
    assert response.ok, response.status
    body = response.json()
    further = sum(1 for state in body["states"] if state["status"] in FURTHER)
    # Nobody withdrew on the bundled record, so every signatory is signed or further.
    assert further == body["signatories"]
    return further


@pytest.mark.usefixtures("loaded")
def test_map_matches_the_count_and_leads_to_a_state(live_server) -> None:  # type: ignore[no-untyped-def]
    """The map draws as many signed-or-further States as GET /api/status counts on the same
    server; a click on Germany opens Germany's page; the first Tab reaches the skip link."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            counted = api_count(page, live_server.url)
            page.goto(f"{live_server.url}/en/")
            assert page.locator(DRAWN_FURTHER).count() == counted == 40
            assert page.locator(".worldmap [data-code]").count() == 198
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
            page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)

            page.locator('.worldmap [data-code="DEU"]').click()
            page.wait_for_url("**/en/states/DEU/")
            assert page.locator("h1").inner_text() == "Germany"
            assert page.locator(".next-step__title").inner_text() == "Ratify the Convention"
            page.screenshot(path=str(ARTIFACTS / "state-DEU.png"), full_page=True)

            phone = browser.new_page(viewport={"width": 390, "height": 844})
            phone.goto(f"{live_server.url}/fr/")
            assert phone.locator(DRAWN_FURTHER).count() == counted
            # No horizontal scrolling on a phone: the page fits its width.
            assert phone.evaluate("document.documentElement.scrollWidth") <= 390
            phone.screenshot(path=str(ARTIFACTS / "home-phone-fr.png"), full_page=True)
        finally:
            browser.close()


@pytest.mark.usefixtures("loaded")
def test_asking_one_state_about_another_through_the_form(live_server) -> None:  # type: ignore[no-untyped-def]
    """Choosing Latvia and the Netherlands in the form and pressing Ask gives 'Uncertain' with
    its reasons, in a page that fits a phone; the answer and the network are saved as images."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{live_server.url}/en/relations/")
            page.select_option("#q-requesting", "LVA")
            page.select_option("#q-requested", "NLD")
            page.select_option("#q-cooperation", "mutual_legal_assistance")
            page.get_by_role("button", name="Ask").click()
            page.wait_for_url("**/en/relations/?requesting=LVA&requested=NLD*")
            assert page.locator(".answer__value").inner_text() == "Uncertain"
            assert page.locator(".reason").count() >= 5
            page.screenshot(path=str(ARTIFACTS / "relations-LVA-NLD.png"), full_page=True)
            page.goto(f"{live_server.url}/en/network/")
            page.screenshot(path=str(ARTIFACTS / "network.png"), full_page=True)
            phone = browser.new_page(viewport={"width": 390, "height": 844})
            phone.goto(page.url.replace("/network/", "/relations/?requesting=LVA&requested=NLD"))
            assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        finally:
            browser.close()
