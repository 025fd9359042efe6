"""Handmade pages in the structure of the Netherlands Treaty Database's treaty pages.

The layout follows the real parties tab of treaty 013717 as read on 2026-11-29
(https://verdragen.nl/en/Treaty/Details/013717_p.html): a parties table whose Ratification
header carries the type-code legend, then "Parties with reservations, declarations and
objections" with a Party | Reservations / Declarations | Objections table of Yes/No, then per
party its name, a date (01-01-0001 when none was entered) and the text. The party rows are
the facts the page showed; the declaration texts are our own short stand-ins, not the real
wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

LEGEND = (
    "S=Signature without reservation or requirement of ratification R=Ratification, "
    "Acceptance, Approval or Notification A=Accession Su=Succession NK=Not Known"
)

SIGNED_2024 = "14-02-2024"
PARTIES = [
    ("Albania", SIGNED_2024, "", ""),
    ("Andorra", "14-02-2025", "", ""),
    ("Argentina", SIGNED_2024, "", ""),
    ("Austria", SIGNED_2024, "", ""),
    ("Belgium", SIGNED_2024, "", ""),
    ("Bulgaria", SIGNED_2024, "", ""),
    ("Central African Republic", "27-02-2024", "", ""),
    ("Chile", SIGNED_2024, "", ""),
    ("Costa Rica", "25-06-2024", "", ""),
    ("Croatia", SIGNED_2024, "", ""),
    ("Cyprus", "11-12-2024", "", ""),
    ("Czech Republic", SIGNED_2024, "", ""),
    ("Democratic Republic of the Congo", SIGNED_2024, "", ""),
    ("Denmark", "15-02-2024", "", ""),
    ("Finland", SIGNED_2024, "", ""),
    ("France", SIGNED_2024, "", ""),
    ("Germany", SIGNED_2024, "", ""),
    ("Ghana", SIGNED_2024, "", ""),
    ("Ireland", SIGNED_2024, "", ""),
    ("Kosovo", "14-02-2025", "", ""),
    ("Latvia", "10-02-2025", "28-08-2025 (R)", "01-12-2025"),
    ("Liechtenstein", SIGNED_2024, "", ""),
    ("Lithuania", SIGNED_2024, "", ""),
    ("Luxembourg", SIGNED_2024, "", ""),
    ("Malta", SIGNED_2024, "", ""),
    ("Moldova", SIGNED_2024, "", ""),
    ("Mongolia", "24-06-2024", "", ""),
    ("Montenegro", SIGNED_2024, "", ""),
    ("Netherlands, the Kingdom of the", SIGNED_2024, "", ""),
    ("North Macedonia", SIGNED_2024, "", ""),
    ("Norway", SIGNED_2024, "", ""),
    ("Poland", SIGNED_2024, "", ""),
    ("Rwanda", SIGNED_2024, "", ""),
    ("Senegal", SIGNED_2024, "", ""),
    ("Slovakia", SIGNED_2024, "", ""),
    ("Slovenia", SIGNED_2024, "", ""),
    ("Sweden", SIGNED_2024, "", ""),
    ("Switzerland", SIGNED_2024, "", ""),
    ("Ukraine", SIGNED_2024, "", ""),
    ("Uruguay", SIGNED_2024, "", ""),
]
DECLARATIONS = [
    (
        "Democratic Republic of the Congo",
        "01-01-0001",
        "Stand-in text: this State applies the Convention also to the crimes in its annexes "
        "(article 2, paragraph 2).",
    ),
    (
        "France",
        "01-01-0001",
        "Reservation:\nStand-in text: a reservation on article 8, paragraph 3, made under "
        "article 92, paragraph 3, for three years.",
    ),
    ("Germany", "01-01-0001", "Stand-in text: a declaration."),
    ("Latvia", "01-01-0001", "Stand-in text: a declaration made with the instrument."),
    ("Netherlands, the Kingdom of the", "01-01-0001", "Stand-in text: a declaration."),
]


@dataclass
class Page:
    title: str = (
        "Ljubljana - The Hague Convention on International Cooperation in the Investigation "
        "and Prosecution of the Crime of Genocide, Crimes against Humanity, War Crimes and "
        "other International Crimes"
    )
    parties: list[tuple[str, ...]] = field(default_factory=lambda: list(PARTIES))
    # (party, date, text, [(objecting State, date, text)])
    declarations: list[tuple] = field(default_factory=lambda: list(DECLARATIONS))
    provisional_column: bool = False
    with_parties: bool = True

    def html(self) -> str:
        out = [
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
            f"<title>{escape(self.title)} - Treaty Database</title></head><body>",
            "<header><nav><a href='/en'>Treaty Database</a></nav></header>",
            "<main id='content'><p><a href='javascript:history.back()'>Back to previous "
            "page</a></p><h1>Treaty</h1>",
            f"<h2 class='title'>{escape(self.title)}</h2>",
        ]
        if self.with_parties:
            out.append(self._parties())
        out.append(self._declarations())
        out.append("</main><footer><p>Overheid.nl</p></footer></body></html>")
        return "\n".join(out)

    def _parties(self) -> str:
        heads = ["Party", "Signature"]
        if self.provisional_column:
            heads.append("Provisional application")
        head_cells = "".join(f"<th scope='col'>{h}</th>" for h in heads)
        head_cells += (
            "<th scope='col'>Ratification<span class='tooltip' role='tooltip'>"
            f"{LEGEND}</span></th>"
            "<th scope='col'>Entry into force</th><th scope='col'>Renunciation</th>"
            "<th scope='col'>Termination</th>"
        )
        flagged = {party for party, *_ in self.declarations}
        rows = []
        for party, *cells in self.parties:
            cells = list(cells) + [""] * (6 - len(cells))
            signature, consent, eif = cells[0], cells[1], cells[2]
            provisional, renunciation, termination = cells[3], cells[4], cells[5]
            name = escape(party)
            if party in flagged:
                name = f"<a href='#{escape(party)}'>{name}</a>"
            row = [name, signature]
            if self.provisional_column:
                row.append(provisional)
            row += [consent, eif, renunciation, termination]
            rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
        return (
            "<section class='parties'><h3>Parties</h3>"
            "<p class='note'>Parties with a link have a reservation.</p>"
            "<table class='table table-striped'><thead><tr>"
            f"{head_cells}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
        )

    def _declarations(self) -> str:
        flags = []
        blocks = []
        objected = {entry[0] for entry in self.declarations if len(entry) > 3 and entry[3]}
        for entry in self.declarations:
            party, day, text = entry[:3]
            objections = entry[3] if len(entry) > 3 else []
            has_objection = "Yes" if party in objected else "No"
            flags.append(f"<tr><td>{escape(party)}</td><td>Yes</td><td>{has_objection}</td></tr>")
            paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text.split("\n"))
            for objecting, when, objection_text in objections:
                paragraphs += (
                    f"<p><strong>Objection {escape(objecting)}, {when}</strong></p>"
                    f"<p>{escape(objection_text)}</p>"
                )
            blocks.append(
                f"<div class='reservation' id='{escape(party)}'><h4>{escape(party)}</h4>"
                f"<p class='date'>{day}</p><div class='text'>{paragraphs}</div></div>"
            )
        return (
            "<section class='reservations'><h3>Parties with reservations, declarations and "
            "objections</h3><table class='table'><thead><tr><th>Party</th>"
            "<th>Reservations / Declarations</th><th>Objections</th></tr></thead><tbody>"
            f"{''.join(flags)}</tbody></table>{''.join(blocks)}</section>"
        )
