"""The Netherlands Treaty Database's treaty pages, read into proposed changes to the record.

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
column reads the same; an unknown column or a party name we cannot place is reported,
never guessed. The parser returns what the page says; ``propose_changes`` compares it with
the record and returns only what differs, each change carrying its source URL and capture
time, for a reviewer to accept or reject.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

import lxml.html

from treatywatch.core.dates import DateError, parse_date
from treatywatch.core.records import (
    CONSENT_CLASSES,
    Action,
    ActionClass,
    Declaration,
    DeclarationKind,
    State,
)
from treatywatch.core.state_names import StateNames

__all__ = [
    "TYPE_CODES",
    "ChangeKind",
    "DeclarationBlock",
    "Objection",
    "PartyRow",
    "Proposals",
    "ProposedChange",
    "TreatyPage",
    "parse_treaty_page",
    "propose_changes",
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


class ChangeKind:
    SIGNATURE = "signature"
    PROVISIONAL_APPLICATION = "provisional_application"
    CONSENT = "consent"
    ENTRY_INTO_FORCE = "entry_into_force"
    DENUNCIATION = "denunciation"
    DECLARATION = "declaration"
    OBJECTION = "objection"


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


# --- comparing with the record -------------------------------------------------------------


@dataclass(frozen=True)
class ProposedChange:
    """A change the page shows and the record lacks, for review.

    ``row`` is written in the columns of ``treatywatch import`` (an action or a declaration
    row), so accepting it goes through the same checks. ``subject`` names what the change is
    about (a later, different change about the same subject supersedes it); ``fingerprint``
    names the change itself (a rejected one is not raised again).
    """

    kind: str
    state: str
    table: str  # "actions" or "declarations"
    row: Mapping[str, str]
    summary: str
    source_url: str
    captured_at: datetime
    evidence: Mapping[str, str] = field(default_factory=dict)
    replaces: tuple[str, ...] = ()  # keys of record rows this change would correct
    needs: tuple[str, ...] = ()  # fields a reviewer must give before accepting
    topic: str = ""  # names the subject when kind, State and target do not (a watched page)

    @property
    def subject(self) -> str:
        if self.topic:
            return f"{self.kind}/{self.topic}"
        target = self.row.get("target_state", "")
        return "/".join(part for part in (self.kind, self.state, target) if part)

    @property
    def fingerprint(self) -> str:
        # What the source asserts, not when or where it was read.
        ignored = {"source_url", "source_date", "note", "summary"}
        essential = {key: value for key, value in self.row.items() if key not in ignored}
        payload = {
            "kind": self.kind,
            "topic": self.topic,
            "row": essential,
            "text": self.evidence.get("text_digest", ""),
        }
        text = json.dumps(payload, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Proposals:
    changes: tuple[ProposedChange, ...]
    warnings: tuple[str, ...]
    # State → digest of its declaration text as last read, to notice a changed text later.
    declaration_digests: Mapping[str, str]


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _row(**values: str) -> dict[str, str]:
    return {key: value for key, value in values.items() if value}


@dataclass
class _Comparer:
    treaty: str
    names: StateNames
    actions: list[Action]
    declarations: list[Declaration]
    source_url: str
    captured_at: datetime
    previous_digests: Mapping[str, str]
    changes: list[ProposedChange] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def read_on(self) -> str:
        return self.captured_at.date().isoformat()

    def state_of(self, name: str, where: str) -> str | None:
        code = self.names.code(name)
        if code is None:
            self.warnings.append(
                f"{where}: unknown party {name!r}; add it to core.state_names.SOURCE_NAMES "
                "if it is a State"
            )
        return code

    def add(self, kind: str, state: str, table: str, row: dict[str, str], summary: str,
            **extra: object) -> None:  # fmt: skip
        base = {"treaty": self.treaty, "state": state}
        provenance = {"source_url": self.source_url, "source_date": self.read_on}
        self.changes.append(
            ProposedChange(
                kind=kind,
                state=state,
                table=table,
                row={**base, **row, **provenance},
                summary=summary,
                source_url=self.source_url,
                captured_at=self.captured_at,
                **extra,  # type: ignore[arg-type]
            )
        )

    def actions_of(self, state: str, classes: Iterable[ActionClass]) -> list[Action]:
        wanted = set(classes)
        return [
            action
            for action in self.actions
            if action.treaty == self.treaty
            and action.state == state
            and action.retracted_on is None
            and action.action_class in wanted
        ]

    def dated_act(self, state: str, row: PartyRow, kind: str, action_class: ActionClass,
                  day: date | None, label: str, **fields: str) -> None:  # fmt: skip
        """Propose a signature, provisional application or denunciation missing or dated
        differently in the record."""
        if day is None:
            return
        existing = self.actions_of(state, [action_class])
        if any(action.date == day for action in existing):
            return
        replaces = tuple(action.key for action in existing)
        verb = "corrects the date of" if replaces else "adds"
        self.add(
            kind,
            state,
            "actions",
            _row(action=label, action_class=str(action_class), date=_iso(day), **fields),
            f"{row.party}: {verb} {label} on {_iso(day)}",
            replaces=replaces,
            evidence={"party": row.party},
        )

    def consent(self, state: str, row: PartyRow) -> None:
        if row.consent is None:
            return
        action_class = TYPE_CODES.get(row.consent_code)
        existing = self.actions_of(state, CONSENT_CLASSES)
        same_day = [action for action in existing if action.date == row.consent]
        if action_class is not None:
            same_day = [action for action in same_day if action.action_class == action_class]
        elif row.consent_code == "R":
            lumped = {ActionClass.RATIFICATION, ActionClass.ACCEPTANCE, ActionClass.APPROVAL}
            same_day = [action for action in same_day if action.action_class in lumped]
        eif = _iso(row.entry_into_force)
        if not same_day:
            code = f" ({row.consent_code})" if row.consent_code else ""
            replaces = tuple(action.key for action in existing)
            self.add(
                ChangeKind.CONSENT,
                state,
                "actions",
                _row(
                    action=row.consent_code or "consent",
                    action_class=str(action_class) if action_class else "",
                    date=_iso(row.consent),
                    reported_entry_into_force=eif,
                ),
                f"{row.party}: instrument of consent{code} deposited {_iso(row.consent)}"
                + (f", in force for it {eif}" if eif else ""),
                replaces=replaces,
                evidence={"party": row.party, "code": row.consent_code},
                needs=() if action_class else ("action_class",),
            )
            return
        action = same_day[0]
        if row.entry_into_force and action.reported_entry_into_force != row.entry_into_force:
            self.add(
                ChangeKind.ENTRY_INTO_FORCE,
                state,
                "actions",
                _row(
                    action=action.raw_action,
                    action_class=str(action.action_class),
                    date=_iso(action.date),
                    reported_entry_into_force=eif,
                    place=action.place,
                    scope=action.scope,
                    note=action.note,
                ),
                f"{row.party}: in force for it on {eif}"
                + (
                    f" (record: {_iso(action.reported_entry_into_force)})"
                    if action.reported_entry_into_force
                    else ""
                ),
                evidence={"party": row.party},
            )

    def party_row(self, row: PartyRow) -> None:
        state = self.state_of(row.party, f"parties table row {row.line}")
        if state is None:
            return
        self.dated_act(
            state, row, ChangeKind.SIGNATURE, ActionClass.SIGNATURE, row.signature, "signature"
        )
        self.dated_act(
            state,
            row,
            ChangeKind.PROVISIONAL_APPLICATION,
            ActionClass.PROVISIONAL_APPLICATION,
            row.provisional_application,
            "provisional application",
        )
        self.consent(state, row)
        self.dated_act(
            state,
            row,
            ChangeKind.DENUNCIATION,
            ActionClass.DENUNCIATION,
            row.renunciation,
            "denunciation",
            effective_on=_iso(row.termination),
        )

    def declarations_of(self, state: str) -> list[Declaration]:
        return [
            declaration
            for declaration in self.declarations
            if declaration.treaty == self.treaty
            and declaration.state == state
            and declaration.retracted_on is None
            and declaration.kind is not DeclarationKind.OBJECTION
        ]

    def block(self, block: DeclarationBlock, digests: dict[str, str]) -> None:
        state = self.state_of(block.party, "declarations")
        if state is None:
            return
        if block.text.strip():
            digest = text_digest(block.text)
            digests[state] = digest
            existing = self.declarations_of(state)
            reason = ""
            if not existing:
                reason = "new declaration or reservation"
            elif block.made_on and all(d.made_on != block.made_on for d in existing):
                reason = f"declaration dated {_iso(block.made_on)}, a date the record lacks"
            elif state in self.previous_digests and self.previous_digests[state] != digest:
                reason = "the text of its declarations changed since last read"
            if reason:
                # The label the database prints decides the kind; anything else is for the
                # reviewer to classify, never guessed from the wording.
                kind = (
                    DeclarationKind.RESERVATION
                    if block.text.lstrip().casefold().startswith(("reservation", "voorbehoud"))
                    else DeclarationKind.OTHER
                )
                self.add(
                    ChangeKind.DECLARATION,
                    state,
                    "declarations",
                    _row(
                        kind=str(kind),
                        made_on=_iso(block.made_on),
                        made_at="unknown",
                        summary=(
                            f"{block.party} made a reservation or declaration listed by the "
                            "Netherlands Treaty Database; not yet summarised by a reviewer."
                        ),
                    ),
                    f"{block.party}: {reason}",
                    evidence={"party": block.party, "text": block.text, "text_digest": digest},
                )
        for objection in block.objections:
            objecting = self.state_of(objection.state_name, f"objection in {block.party}")
            if objecting is None:
                continue
            known = [
                d
                for d in self.declarations
                if d.treaty == self.treaty
                and d.state == objecting
                and d.kind is DeclarationKind.OBJECTION
                and d.target_state == state
                and d.retracted_on is None
            ]
            if any(d.made_on == objection.made_on or d.made_on is None for d in known):
                continue
            self.add(
                ChangeKind.OBJECTION,
                objecting,
                "declarations",
                _row(
                    kind=str(DeclarationKind.OBJECTION),
                    made_on=_iso(objection.made_on),
                    made_at="later",
                    target_state=state,
                    summary=(
                        f"{objection.state_name} objected to a reservation or declaration of "
                        f"{block.party}; not yet summarised by a reviewer."
                    ),
                ),
                f"{objection.state_name}: objection to {block.party}"
                + (f" dated {_iso(objection.made_on)}" if objection.made_on else ""),
                evidence={
                    "party": block.party,
                    "text": objection.text,
                    "text_digest": text_digest(objection.text),
                },
            )


def propose_changes(
    page: TreatyPage,
    *,
    treaty: str,
    states: Mapping[str, State],
    actions: Iterable[Action],
    declarations: Iterable[Declaration],
    source_url: str,
    captured_at: datetime,
    previous_digests: Mapping[str, str] | None = None,
) -> Proposals:
    """The changes ``page`` shows that the record does not hold yet.

    Record rows retracted from the record are ignored. A party on the record but missing
    from the page is reported as a warning (the page may be a partial snapshot), not as a
    proposed withdrawal.
    """
    comparer = _Comparer(
        treaty=treaty,
        names=StateNames(states.values()),
        actions=list(actions),
        declarations=list(declarations),
        source_url=source_url,
        captured_at=captured_at,
        previous_digests=previous_digests or {},
    )
    comparer.warnings.extend(page.warnings)
    for row in page.parties:
        comparer.party_row(row)
    digests: dict[str, str] = dict(previous_digests or {})
    for block in page.declarations:
        comparer.block(block, digests)
    if page.has_parties_table:
        listed = {comparer.names.code(row.party) for row in page.parties}
        on_record = {
            action.state
            for action in comparer.actions
            if action.treaty == treaty
            and action.retracted_on is None
            and action.action_class is ActionClass.SIGNATURE
        }
        for state in sorted(on_record - listed):
            comparer.warnings.append(
                f"{state} has a signature on record but is not listed on {source_url}"
            )
    return Proposals(tuple(comparer.changes), tuple(comparer.warnings), digests)
