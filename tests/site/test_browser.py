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
def loaded(transactional_db: None) -> int:
    """The bundle in the live server's database; returns how many States signed or went further."""
    from treatywatch.treaties.loading import ensure_database
    from treatywatch.treaties.queries import status_report

    ensure_database(date(2026, 11, 29))
    # Read the database now: Django refuses ORM calls once Playwright's event loop runs.
    return status_report().count(*FURTHER)


def test_map_matches_the_count_and_leads_to_a_state(live_server, loaded: int) -> None:  # type: ignore[no-untyped-def]
    """The map draws as many signed-or-further States as the status report counts; a click on
    Germany opens Germany's page; the first Tab reaches the skip link."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{live_server.url}/en/")
            assert page.locator(DRAWN_FURTHER).count() == loaded == 40
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
            assert phone.locator(DRAWN_FURTHER).count() == loaded
            # No horizontal scrolling on a phone: the page fits its width.
            assert phone.evaluate("document.documentElement.scrollWidth") <= 390
            phone.screenshot(path=str(ARTIFACTS / "home-phone-fr.png"), full_page=True)
        finally:
            browser.close()
