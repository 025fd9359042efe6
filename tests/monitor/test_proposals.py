"""The review queue: treaty-database readings become proposals; decisions stick."""

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from tests.monitor.conftest import NOW
from tests.monitor.pages import DECLARATIONS, PARTIES, Page
from tests.monitor.server import Route
from treatywatch.cli import app
from treatywatch.monitor.models import Proposal
from treatywatch.monitor.proposals import ProposalError, accept, reject
from treatywatch.treaties.models import Declaration, TreatyAction

pytestmark = pytest.mark.django_db
TREATY_DB = ["nl-treaty-database"]


def changed_page(spain_declared: str = "20-05-2026") -> str:
    parties = [row for row in PARTIES if row[0] not in ("Latvia", "Slovenia")]
    parties += [
        ("Latvia", "10-02-2025", "28-08-2025 (R)", "01-01-2026"),
        ("Slovenia", "14-02-2024", "02-03-2026 (R)", "01-07-2026"),
        ("Spain", "20-05-2026", "", ""),
    ]
    declarations = [*DECLARATIONS, ("Spain", spain_declared, "Stand-in: Spain declares.")]
    return Page(parties=parties, declarations=declarations).html()


def pending():
    return {(p.kind, p.state): p for p in Proposal.objects.filter(status="pending")}


def test_the_current_pages_raise_nothing(make_monitor):
    summary = make_monitor().run(TREATY_DB)[0]
    assert summary.status == "ok" and summary.proposals == 0
    assert summary.items_new == 0 and not summary.messages


def test_readings_become_proposals_with_source_and_capture_time(make_monitor, site):
    site.routes["/treaty/013717_p.html"] = Route.html(changed_page())
    summary = make_monitor().run(TREATY_DB)[0]
    assert summary.proposals == 4
    assert set(pending()) == {
        ("signature", "ESP"),
        ("consent", "SVN"),
        ("entry_into_force", "LVA"),
        ("declaration", "ESP"),
    }
    spain = pending()["signature", "ESP"]
    assert spain.source_url == site.url("/treaty/013717_p.html")
    assert spain.captured_at == NOW
    assert spain.payload["row"]["source_date"] == "2026-11-29"


def test_accepting_writes_through_the_import_checks_and_rejecting_sticks(make_monitor, site):
    """Accepted changes land in the record; afterwards the same pages propose nothing, and
    the rejected declaration is not raised again."""
    site.routes["/treaty/013717_p.html"] = Route.html(changed_page())
    make_monitor().run(TREATY_DB)
    found = pending()

    accept(found["signature", "ESP"].pk, reviewer="ana")
    signature = TreatyAction.objects.get(treaty="ljubljana-the-hague", state="ESP")
    assert (signature.action_class, signature.date) == ("signature", date(2026, 5, 20))
    assert signature.source_url == site.url("/treaty/013717_p.html")
    assert signature.origin == "import"

    with pytest.raises(ProposalError, match="--action-class"):
        accept(found["consent", "SVN"].pk, reviewer="ana")
    assert not TreatyAction.objects.filter(
        treaty="ljubljana-the-hague", state="SVN", action_class="ratification"
    ).exists()
    accept(found["consent", "SVN"].pk, reviewer="ana", overrides={"action_class": "ratification"})
    ratification = TreatyAction.objects.get(
        treaty="ljubljana-the-hague", state="SVN", action_class="ratification"
    )
    assert ratification.reported_entry_into_force == date(2026, 7, 1)
    assert ratification.raw_action == "R"

    accept(found["entry_into_force", "LVA"].pk, reviewer="ana")
    latvia = TreatyAction.objects.get(
        treaty="ljubljana-the-hague", state="LVA", action_class="ratification"
    )
    assert latvia.reported_entry_into_force == date(2026, 1, 1)

    reject(found["declaration", "ESP"].pk, reviewer="ana", note="not confirmed yet")
    assert not Declaration.objects.filter(state="ESP").exists()

    summary = make_monitor().run(TREATY_DB)[0]
    assert summary.proposals == 0 and not pending()
    decided = Proposal.objects.get(kind="declaration", state="ESP")
    assert (decided.status, decided.reviewer, decided.decision_note) == (
        "rejected",
        "ana",
        "not confirmed yet",
    )
    with pytest.raises(ProposalError, match="already accepted"):
        accept(found["signature", "ESP"].pk, reviewer="bo")


def test_a_changed_source_reopens_review_and_supersedes_what_is_pending(make_monitor, site):
    site.routes["/treaty/013717_p.html"] = Route.html(changed_page())
    make_monitor().run(TREATY_DB)
    reject(pending()["declaration", "ESP"].pk, reviewer="ana")
    first_signature = pending()["signature", "ESP"]

    # The database now dates Spain's declaration, and corrects Spain's signature date.
    page = changed_page(spain_declared="22-05-2026").replace("20-05-2026", "21-05-2026")
    site.routes["/treaty/013717_p.html"] = Route.html(page)
    make_monitor().run(TREATY_DB)
    reopened = pending()["declaration", "ESP"]
    assert reopened.payload["row"]["made_on"] == "2026-05-22"
    first_signature.refresh_from_db()
    assert first_signature.status == "superseded"
    assert pending()["signature", "ESP"].payload["row"]["date"] == "2026-05-21"


def test_a_correction_retracts_the_row_it_replaces(make_monitor, site):
    parties = [row for row in PARTIES if row[0] != "Denmark"] + [("Denmark", "16-02-2024")]
    site.routes["/treaty/013717_p.html"] = Route.html(Page(parties=parties).html())
    make_monitor().run(TREATY_DB)
    (proposal,) = Proposal.objects.filter(status="pending")
    accept(proposal.pk, reviewer="ana")
    denmark = TreatyAction.objects.filter(treaty="ljubljana-the-hague", state="DNK").order_by(
        "date"
    )
    assert [(a.date, a.retracted_on) for a in denmark] == [
        (date(2024, 2, 15), date(2026, 11, 29)),
        (date(2024, 2, 16), None),
    ]


def test_a_watched_page_raises_a_proposal_when_its_text_changes(make_monitor, site):
    make_monitor().run(["depositary"])
    assert not Proposal.objects.exists()
    from tests.monitor.site import html

    site.routes["/depositary.html"] = Route.html(html("Status", "Status: 41 signatories."))
    make_monitor().run(["depositary"])
    (proposal,) = Proposal.objects.all()
    assert (
        proposal.kind == "page_changed" and "41 signatories" in proposal.payload["evidence"]["text"]
    )
    assert accept(proposal.pk, reviewer="ana") is None  # acknowledged; nothing to write


def test_the_proposals_commands(make_monitor, site):
    """list shows what waits, with what it needs; accept and reject say what they did."""
    site.routes["/treaty/013717_p.html"] = Route.html(changed_page())
    make_monitor().run(TREATY_DB)
    runner = CliRunner()
    listed = runner.invoke(app, ["proposals", "list", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    rows = {(row["kind"], row["state"]): row for row in json.loads(listed.stdout)}
    assert rows["consent", "SVN"]["needs"] == "action_class"
    svn = str(rows["consent", "SVN"]["id"])
    refused = runner.invoke(app, ["proposals", "accept", svn, "--reviewer", "ana"])
    assert refused.exit_code == 1 and "--action-class" in refused.output
    done = runner.invoke(
        app, ["proposals", "accept", svn, "--reviewer", "ana", "--action-class", "acceptance"]
    )
    assert done.exit_code == 0 and "1 added" in done.output
    esp = str(rows["declaration", "ESP"]["id"])
    rejected = runner.invoke(app, ["proposals", "reject", esp, "--reviewer", "ana"])
    assert rejected.exit_code == 0 and f"#{esp} rejected" in rejected.output
    again = runner.invoke(app, ["proposals", "reject", esp, "--reviewer", "ana"])
    assert again.exit_code == 1 and "already rejected" in again.output
    remaining = json.loads(runner.invoke(app, ["proposals", "list", "--format", "json"]).stdout)
    assert {(row["kind"], row["state"]) for row in remaining} == {
        ("signature", "ESP"),
        ("entry_into_force", "LVA"),
    }
