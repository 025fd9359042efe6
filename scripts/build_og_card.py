"""Render the link-preview card (static/site/og-card.svg) to the PNG that Open Graph needs.

Social sites do not accept SVG previews. Uses Debian's chromium through Playwright:

    PYTHONPATH=src /work/venv/bin/python scripts/build_og_card.py
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

STATIC = Path(__file__).resolve().parent.parent / "src" / "treatywatch" / "site" / "static" / "site"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.goto((STATIC / "og-card.svg").as_uri())
        page.screenshot(path=str(STATIC / "og-card.png"))
        browser.close()
    print(f"wrote {STATIC / 'og-card.png'}")


if __name__ == "__main__":
    main()
