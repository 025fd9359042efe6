"""The Netherlands Treaty Database parser: pages in the real structure, compared with the record."""

from dataclasses import replace
from datetime import UTC, date, datetime
from functools import cache

from tests.monitor.pages import PARTIES, Page
from treatywatch.core.dataset import load_dataset
from treatywatch.core.depositary import (
    ChangeKind,
    TreatyPage,
    parse_treaty_page,
    propose_changes,
    text_digest,
)
from treatywatch.core.records import ActionClass, DeclarationKind

URL = "https://verdragen.nl/en/Treaty/Details/013717_p.html"
CAPTURED = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
TREATY = "ljubljana-the-hague"


@cache
def dataset():
    return load_dataset(today=date(2026, 11, 29))


def propose(page: Page | TreatyPage, actions=None, declarations=None, previous=None):
    parsed = page if isinstance(page, TreatyPage) else parse_treaty_page(page.html())
    data = dataset()
    return propose_changes(
        parsed,
        treaty=TREATY,
        states={state.code: state for state in data.states},
        actions=data.actions if actions is None else actions,
        declarations=data.declarations if declarations is None else declarations,
        source_url=URL,
        captured_at=CAPTURED,
        previous_digests=previous,
    )


def test_the_page_reads_as_printed():
    """40 parties; Latvia's R instrument with its entry into force; the placeholder date is
    unknown; five parties with declarations, each with its text."""
    page = parse_treaty_page(Page().html())
    assert page.title.startswith("Ljubljana - The Hague Convention")
    assert len(page.parties) == 40
    latvia = next(row for row in page.parties if row.party == "Latvia")
    assert latvia.signature == date(2025, 2, 10)
    assert (latvia.consent, latvia.consent_code) == (date(2025, 8, 28), "R")
    assert latvia.entry_into_force == date(2025, 12, 1)
    assert [block.party for block in page.declarations] == [
        "Democratic Republic of the Congo",
        "France",
        "Germany",
        "Latvia",
        "Netherlands, the Kingdom of the",
    ]
    france = page.declarations[1]
    assert france.made_on is None  # 01-01-0001: not entered
    assert france.text.startswith("Reservation:\nStand-in text")
    assert page.flags["France"] == (True, False)
    assert page.warnings == ()


def test_the_current_page_proposes_nothing_against_the_bundled_record():
    """Every party name resolves, and the record already holds all the page shows."""
    result = propose(Page())
    assert result.changes == ()
    assert result.warnings == ()


def test_exactly_the_differences_are_proposed():
    """A new signature, an R instrument, an accession with entry into force, a corrected
    signature date, a later entry-into-force date, a new declaration and an objection; nothing
    for the 38 unchanged rows."""
    parties = [row for row in PARTIES if row[0] not in ("Latvia", "Denmark", "Slovenia")]
    parties += [
        ("Latvia", "10-02-2025", "28-08-2025 (R)", "01-01-2026"),  # changed entry into force
        ("Denmark", "16-02-2024", "", ""),  # corrected signature date
        ("Slovenia", "14-02-2024", "02-03-2026 (R)", "01-07-2026"),
        ("Spain", "20-05-2026", "", ""),
        ("Estonia", "", "03-04-2026 (A)", "01-08-2026"),
    ]
    declarations = [
        *Page().declarations,
        ("Spain", "20-05-2026", "Stand-in text: a declaration made at signature."),
        (
            "Slovenia",
            "01-01-0001",
            "Stand-in text: a declaration.",
            [("Spain", "15-06-2026", "Stand-in text: Spain objects.")],
        ),
    ]
    result = propose(Page(parties=parties, declarations=declarations))
    summary = sorted((change.kind, change.state) for change in result.changes)
    assert summary == [
        (ChangeKind.CONSENT, "EST"),
        (ChangeKind.CONSENT, "SVN"),
        (ChangeKind.DECLARATION, "ESP"),
        (ChangeKind.DECLARATION, "SVN"),
        (ChangeKind.ENTRY_INTO_FORCE, "LVA"),
        (ChangeKind.OBJECTION, "ESP"),
        (ChangeKind.SIGNATURE, "DNK"),
        (ChangeKind.SIGNATURE, "ESP"),
    ]
    by_key = {(change.kind, change.state): change for change in result.changes}
    slovenia = by_key[ChangeKind.CONSENT, "SVN"]
    assert slovenia.row["action"] == "R" and "action_class" not in slovenia.row
    assert slovenia.needs == ("action_class",)  # R does not say which kind of consent
    assert slovenia.row["reported_entry_into_force"] == "2026-07-01"
    estonia = by_key[ChangeKind.CONSENT, "EST"]
    assert estonia.row["action_class"] == "accession" and estonia.needs == ()
    denmark = by_key[ChangeKind.SIGNATURE, "DNK"]
    assert denmark.row["date"] == "2024-02-16"
    assert denmark.replaces == ("ljubljana-the-hague/DNK/signature/2024-02-15",)
    latvia = by_key[ChangeKind.ENTRY_INTO_FORCE, "LVA"]
    assert latvia.row["reported_entry_into_force"] == "2026-01-01"
    assert latvia.row["date"] == "2025-08-28" and latvia.row["action_class"] == "ratification"
    spain_declaration = by_key[ChangeKind.DECLARATION, "ESP"]
    assert spain_declaration.row["made_on"] == "2026-05-20"
    assert spain_declaration.row["kind"] == "other"
    objection = by_key[ChangeKind.OBJECTION, "ESP"]
    assert objection.row["target_state"] == "SVN" and objection.row["made_on"] == "2026-06-15"
    for change in result.changes:
        assert change.source_url == URL and change.captured_at == CAPTURED
        assert change.row["source_date"] == "2026-11-29"


def test_nothing_is_proposed_once_the_changes_are_in_the_record():
    """Applying every proposed row to the record leaves nothing to propose."""
    parties = [*PARTIES, ("Spain", "20-05-2026", "03-06-2026 (A)", "01-10-2026")]
    page = Page(parties=parties)
    first = propose(page)
    assert {change.kind for change in first.changes} == {ChangeKind.SIGNATURE, ChangeKind.CONSENT}
    data = dataset()
    template = data.actions[0]
    applied = list(data.actions)
    for change in first.changes:
        row = change.row
        applied.append(
            replace(
                template,
                state=row["state"],
                action_class=ActionClass(row["action_class"]),
                date=date.fromisoformat(row["date"]),
                raw_action=row["action"],
                reported_entry_into_force=(
                    date.fromisoformat(row["reported_entry_into_force"])
                    if row.get("reported_entry_into_force")
                    else None
                ),
            )
        )
    assert propose(page, actions=applied).changes == ()


def test_a_changed_declaration_text_is_noticed_only_against_an_earlier_reading():
    """The record keeps summaries, not texts: a text change shows against the digest of the
    last reading; the first reading of a State already on record proposes nothing."""
    first = propose(Page())
    assert first.changes == ()
    changed = [
        (party, day, "Stand-in text: withdrawn and replaced." if party == "Germany" else text)
        for party, day, text in Page().declarations
    ]
    again = propose(Page(declarations=changed), previous=first.declaration_digests)
    assert [(c.kind, c.state) for c in again.changes] == [(ChangeKind.DECLARATION, "DEU")]
    assert again.declaration_digests["DEU"] == text_digest("Stand-in text: withdrawn and replaced.")


def test_a_reservation_label_sets_the_kind():
    """A text the database labels "Reservation:" becomes a reservation; others stay 'other'."""
    data = dataset()
    without_france = [d for d in data.declarations if d.state != "FRA"]
    result = propose(Page(), declarations=without_france)
    assert [(c.state, c.row["kind"]) for c in result.changes] == [
        ("FRA", str(DeclarationKind.RESERVATION))
    ]


def test_the_provisional_application_column_is_read_when_present():
    """Pages of other treaties carry a Provisional application column; it is found by header."""
    parties = [
        (name, sig, consent, eif, "") for name, sig, consent, eif in PARTIES if name != "Slovenia"
    ]
    parties.append(("Slovenia", "14-02-2024", "", "", "01-03-2024"))
    result = propose(Page(parties=parties, provisional_column=True))
    assert [(c.kind, c.state, c.row["date"]) for c in result.changes] == [
        (ChangeKind.PROVISIONAL_APPLICATION, "SVN", "2024-03-01")
    ]


def test_unknown_names_columns_and_dates_are_reported_not_guessed():
    """An unplaceable party, an unknown column and a broken date each give a warning."""
    html = Page(parties=[*PARTIES, ("Atlantis", "31-02-2024", "", "")]).html()
    html = html.replace("<th scope='col'>Termination</th>", "<th scope='col'>Remarks</th>")
    result = propose(parse_treaty_page(html))
    assert result.changes == ()
    text = "\n".join(result.warnings)
    assert "unknown column 'Remarks'" in text
    assert "31-02-2024" in text and "Atlantis" in text


def test_the_reservations_tab_alone_proposes_only_declarations():
    """The _b tab has no parties table: no missing-signature warnings, declarations still read."""
    page = parse_treaty_page(Page(with_parties=False).html())
    assert not page.has_parties_table and page.has_declarations
    assert len(page.declarations) == 5
    assert propose(page).warnings == ()


def test_empty_and_unrelated_pages_are_reported():
    """An empty page or a page without the tables says so."""
    assert parse_treaty_page(b"").warnings == ("the page is empty",)
    other = parse_treaty_page("<html><body><p>Maintenance</p></body></html>")
    assert "neither a parties table" in other.warnings[0]


def test_a_party_and_its_date_on_one_line_still_start_a_block():
    """Markup that puts the name and the date in one element reads the same."""
    html = (
        Page()
        .html()
        .replace("</h4><p class='date'>", " ")
        .replace("01-01-0001</p><div", "01-01-0001<div")
    )
    page = parse_treaty_page(html)
    assert [block.party for block in page.declarations][:2] == [
        "Democratic Republic of the Congo",
        "France",
    ]
    assert page.declarations[1].made_on is None
    assert page.warnings == ()
