"""The staff workspace in Debian's chromium, under the real Content-Security-Policy.

The static checks elsewhere look for inline code in the HTML; this one lets a browser
enforce the policy, and proves the admin's scripts still run (login, the date widgets,
the slug filled in from the title).
"""

import re
import shutil
from datetime import date

import pytest
from django.contrib.auth.models import Group, User

from tests.staff.conftest import PASSWORD
from treatywatch.treaties.loading import ensure_database

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed"),
]


def test_admin_signs_in_and_edits_without_a_policy_violation(live_server):
    from playwright.sync_api import expect, sync_playwright

    ensure_database(date(2026, 11, 29))
    user = User.objects.create_user("admin", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="admin"))
    refused: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        try:
            page = browser.new_page()
            page.on(
                "console",
                lambda message: (
                    refused.append(message.text)
                    if "Content Security Policy" in message.text
                    else None
                ),
            )
            page.goto(f"{live_server.url}/staff/login/")
            page.fill("#id_username", "admin")
            page.fill("#id_password", PASSWORD)
            page.click("input[type=submit]")
            page.wait_for_url(f"{live_server.url}/staff/")
            assert "TreatyWatch staff workspace" in page.content()

            page.goto(f"{live_server.url}/staff/events/event/add/")
            page.locator("#id_title").press_sequentially("Panel on mutual legal assistance")
            # prepopulate.js fills the slug from the title as it is typed.
            expect(page.locator("#id_slug")).to_have_value(re.compile("^panel-on-mutual-legal"))
            # DateTimeShortcuts.js adds its "Today" link next to each date field.
            assert page.locator(".datetimeshortcuts a").count() > 0

            page.goto(f"{live_server.url}/staff/treaties/treatyaction/")
            page.click("#result_list tbody tr:first-child th a")
            page.wait_for_selector(".audit-trail, .readonly")
        finally:
            browser.close()
    assert refused == []
