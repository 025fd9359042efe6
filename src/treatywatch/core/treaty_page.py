"""The Netherlands Treaty Database's treaty pages, read as printed.

A treaty page (``…/Treaty/Details/013717_p.html``, the parties tab; ``…_b.html``, the
reservations tab) holds two parts:

- a parties table, ``Party | Signature | (Provisional application) | Ratification |
  Entry into force | Renunciation | Termination``; a ratification cell reads
  ``28-08-2025 (R)``, the letter being the database's type code (S, R, A, Su, NK; in Dutch
  O, R, T, VG, NB); dates are ``dd-mm-yyyy`` and ``01-01-0001`` means "not entered";
- under "Parties with reservations, declarations and objections", a ``Party |
  Reservations / Declarations | Objections`` table of Yes/No, then per party its name, a
  date and the text, with objections introduced by ``Objection <State>, <date>``.

Columns are found by their header, so a page with or without the provisional application
column reads the same; an unknown column or a broken date is reported, never guessed.
``treatywatch.core.depositary`` compares what is read here with the record.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import lxml.html

from treatywatch.core.dates import DateError, parse_date
from treatywatch.core.records import ActionClass

__all__ = [
    "TYPE_CODES",
    "DeclarationBlock",
    "Objection",
    "PartyRow",
    "TreatyPage",
    "parse_treaty_page",
    "text_digest",
]

# The database's type codes after a ratification date. R lumps ratification, acceptance,
# approval and notification together, and NK is "not known": both leave the class to a
# reviewer (None), because the page does not say which it is.
TYPE_CODES: dict[str, ActionClass | None] = {
    "S": ActionClass.DEFINITIVE_SIGNATURE,
    "R": None,
    "A": ActionClass.ACCESSION,
    "Su": ActionClass.SUCCESSION,
    "NK": None,
    # Dutch pages: O ondertekening zonder voorbehoud, T toetreding, VG voortgezette
    # gebondenheid, NB niet bekend.
    "O": ActionClass.DEFINITIVE_SIGNATURE,
    "T": ActionClass.ACCESSION,
    "VG": ActionClass.SUCCESSION,
    "NB": None,
}
# Header words → our column names, English and Dutch pages.
_COLUMNS = (
    ("party", ("party", "partij")),
    ("provisional_application", ("provisional application", "voorlopige toepassing")),
    ("signature", ("signature", "ondertekening")),
    ("consent", ("ratification", "ratificatie")),
    ("entry_into_force", ("entry into force", "in werking")),
    ("renunciation", ("renunciation", "opzegging")),
    ("termination", ("termination", "buiten werking")),
    ("reservations", ("reservations", "voorbehouden")),
    ("objections", ("objections", "bezwaren")),
)
_CELL = re.compile(r"(\d{1,2}-\d{1,2}-\d{1,4})\s*(?:\(\s*([A-Za-z]{1,2})\s*\))?")
_DATE_LINE = re.compile(r"^\d{1,2}-\d{1,2}-\d{1,4}$")
_NAME_AND_DATE = re.compile(r"^(.+?)\s+(\d{1,2}-\d{1,2}-\d{1,4})$")
_OBJECTION = re.compile(r"^(?:Objection|Bezwaar)\s+(.+?),\s*(\d{1,2}-\d{1,2}-\d{1,4})$")
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
        "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
        "ul",
    }
)  # fmt: skip
_DECLARATIONS_HEADING = re.compile(
    r"parties with reservations|partijen met voorbehouden", re.IGNORECASE
)


@dataclass(frozen=True)
class PartyRow:
    """One row of the parties table, as printed; ``None`` for an empty or unknown date."""

    party: str
    line: int  # the row's position in the table, 1-based, for messages
    signature: date | None = None
    provisional_application: date | None = None
    consent: date | None = None
    consent_code: str = ""
    entry_into_force: date | None = None
    renunciation: date | None = None
    termination: date | None = None


@dataclass(frozen=True)
class Objection:
    state_name: str
    made_on: date | None
    text: str


@dataclass(frozen=True)
class DeclarationBlock:
    """A party's reservations and declarations, and the objections others made to them."""

    party: str
    made_on: date | None
    text: str
    objections: tuple[Objection, ...] = ()


@dataclass(frozen=True)
class TreatyPage:
    title: str
    parties: tuple[PartyRow, ...]
    declarations: tuple[DeclarationBlock, ...]
    # Party → (has reservations or declarations, has objections), from the Yes/No table.
    flags: Mapping[str, tuple[bool, bool]]
    has_parties_table: bool
    has_declarations: bool
    warnings: tuple[str, ...] = ()


def text_digest(text: str) -> str:
    """A short digest of a text with its whitespace collapsed, to notice when it changes."""
    collapsed = " ".join(text.split())
    return hashlib.sha256(collapsed.encode("utf-8")).hexdigest()[:16]


# --- reading the page ---------------------------------------------------------------------


def _lines(element: lxml.html.HtmlElement) -> list[str]:
    """The element's text, one line per block element or <br>."""
    parts: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("script", "style", "template"):
            if node.tail:
                parts.append(node.tail)
            return
        block = tag in _BLOCK_TAGS
        if block or tag == "br":
            parts.append("\n")
        if node.text and tag != "br":
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(element)
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]


def _cell_text(cell: lxml.html.HtmlElement) -> str:
    return " ".join(" ".join(_lines(cell)).split())


def _header_name(text: str) -> str | None:
    """Our name for a header cell; the Ratification header carries a tooltip after it."""
    lowered = text.casefold()
    for name, words in _COLUMNS:
        if any(lowered.startswith(word) for word in words):
            return name
    return None


def _table_rows(table: lxml.html.HtmlElement) -> list[list[lxml.html.HtmlElement]]:
    return [row.xpath("./th|./td") for row in table.iter("tr")]


def _read_date(text: str, where: str, warnings: list[str]) -> date | None:
    try:
        return parse_date(text)
    except DateError as error:
        warnings.append(f"{where}: {error}")
        return None


def _parse_cell(text: str, where: str, warnings: list[str]) -> tuple[date | None, str]:
    if not text.strip():
        return None, ""
    found = _CELL.search(text)
    if found is None:
        warnings.append(f"{where}: {text!r} is not a date")
        return None, ""
    code = found.group(2) or ""
    if code and code not in TYPE_CODES:
        warnings.append(f"{where}: unknown type code {code!r} in {text!r}")
    return _read_date(found.group(1), where, warnings), code


def _parties_table(
    table: lxml.html.HtmlElement, warnings: list[str]
) -> tuple[PartyRow, ...] | None:
    rows = _table_rows(table)
    if not rows:
        return None
    header = [_cell_text(cell) for cell in rows[0]]
    names = [_header_name(text) for text in header]
    if not names or names[0] != "party" or "signature" not in names:
        return None
    for text, name in zip(header, names, strict=True):
        if name is None and text:
            warnings.append(f"parties table: unknown column {text!r} ignored")
    parties = []
    for index, cells in enumerate(rows[1:], start=1):
        texts = [_cell_text(cell) for cell in cells]
        if not texts or not texts[0]:
            continue
        values: dict[str, object] = {}
        for name, text in zip(names, texts, strict=False):
            if name in (None, "party"):
                continue
            where = f"parties table row {index} ({texts[0]}), {name}"
            day, code = _parse_cell(text, where, warnings)
            values[name] = day
            if name == "consent":
                values["consent_code"] = code
        parties.append(PartyRow(party=texts[0], line=index, **values))  # type: ignore[arg-type]
    return tuple(parties)


def _flags_table(table: lxml.html.HtmlElement) -> dict[str, tuple[bool, bool]] | None:
    rows = _table_rows(table)
    if not rows:
        return None
    names = [_header_name(_cell_text(cell)) for cell in rows[0]]
    if names[:1] != ["party"] or "reservations" not in names:
        return None
    flags = {}
    for cells in rows[1:]:
        texts = [_cell_text(cell) for cell in cells]
        if not texts or not texts[0]:
            continue
        row = dict(zip(names, texts, strict=False))
        yes = ("yes", "ja")
        flags[texts[0]] = (
            row.get("reservations", "").casefold() in yes,
            row.get("objections", "").casefold() in yes,
        )
    return flags


def _declaration_blocks(
    lines: list[str], parties: Iterable[str], warnings: list[str]
) -> tuple[DeclarationBlock, ...]:
    """Split the text after the Yes/No table into one block per party.

    A block starts where a party's name is followed by a line holding only a date (or where
    both share one line, should the markup put them in one element).
    """
    known = set(parties)
    split: list[str] = []
    for line in lines:
        found = _NAME_AND_DATE.match(line)
        if found and found.group(1) in known:
            split.extend(found.groups())
        else:
            split.append(line)
    lines = split
    starts = [
        index
        for index in range(len(lines) - 1)
        if lines[index] in known and _DATE_LINE.match(lines[index + 1])
    ]
    blocks = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(lines)
        party = lines[start]
        made_on = _read_date(lines[start + 1], f"declarations of {party}, date", warnings)
        own: list[str] = []
        objections: list[Objection] = []
        current: tuple[str, date | None, list[str]] | None = None
        for line in lines[start + 2 : end]:
            found = _OBJECTION.match(line)
            if found:
                if current:
                    objections.append(Objection(current[0], current[1], "\n".join(current[2])))
                objecting = found.group(1).strip()
                when = _read_date(found.group(2), f"objection by {objecting}, date", warnings)
                current = (objecting, when, [])
            elif current is not None:
                current[2].append(line)
            else:
                own.append(line)
        if current:
            objections.append(Objection(current[0], current[1], "\n".join(current[2])))
        blocks.append(DeclarationBlock(party, made_on, "\n".join(own), tuple(objections)))
    return tuple(blocks)


def parse_treaty_page(html: str | bytes) -> TreatyPage:
    """Read a treaty page of the Netherlands Treaty Database (parties or reservations tab)."""
    warnings: list[str] = []
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not html.strip():
        return TreatyPage("", (), (), {}, False, False, ("the page is empty",))
    root = lxml.html.document_fromstring(html)
    title = ""
    heading = root.xpath("//h1|//h2")
    for element in heading:
        text = _cell_text(element)
        if text and text.casefold() not in ("treaty", "verdrag"):
            title = text
            break
    parties: tuple[PartyRow, ...] = ()
    has_parties = False
    flags: dict[str, tuple[bool, bool]] = {}
    flags_table = None
    for table in root.iter("table"):
        found_parties = _parties_table(table, warnings)
        if found_parties is not None and not has_parties:
            parties, has_parties = found_parties, True
            continue
        found_flags = _flags_table(table)
        if found_flags is not None and flags_table is None:
            flags, flags_table = found_flags, table
    declarations: tuple[DeclarationBlock, ...] = ()
    has_declarations = flags_table is not None
    if flags_table is not None:
        all_lines = _lines(root)
        flag_lines = _lines(flags_table)
        # The blocks follow the Yes/No table: start after its last line.
        anchor = _index_after(all_lines, flag_lines)
        names = set(flags) | {row.party for row in parties}
        declarations = _declaration_blocks(all_lines[anchor:], names, warnings)
        described = {block.party for block in declarations}
        for party, (has_text, _) in flags.items():
            if has_text and party not in described:
                warnings.append(f"{party} is marked as having reservations, but no text follows")
    elif any(_DECLARATIONS_HEADING.search(line) for line in _lines(root)):
        warnings.append("declarations heading found without its Party | Yes/No table")
    if not has_parties and not has_declarations:
        warnings.append("neither a parties table nor a declarations table was found")
    return TreatyPage(
        title, parties, declarations, flags, has_parties, has_declarations, tuple(warnings)
    )


def _index_after(lines: list[str], inner: list[str]) -> int:
    if not inner:
        return 0
    size = len(inner)
    for index in range(len(lines) - size + 1):
        if lines[index : index + size] == inner:
            return index + size
    return 0
