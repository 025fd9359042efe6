"""Proposed changes to the record, from a reading of the Netherlands Treaty Database.

``propose_changes`` compares a page read by ``treatywatch.core.treaty_page`` with the record
and returns only what differs — a signature, an instrument of consent, an entry into force,
a denunciation, a declaration or an objection — each with its source URL and capture time,
for a reviewer to accept or reject. A party name we cannot place is reported, never guessed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from treatywatch.core.records import (
    CONSENT_CLASSES,
    Action,
    ActionClass,
    Declaration,
    DeclarationKind,
    State,
)
from treatywatch.core.state_names import StateNames
from treatywatch.core.treaty_page import (
    TYPE_CODES,
    DeclarationBlock,
    Objection,
    PartyRow,
    TreatyPage,
    parse_treaty_page,
    text_digest,
)

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


class ChangeKind:
    SIGNATURE = "signature"
    PROVISIONAL_APPLICATION = "provisional_application"
    CONSENT = "consent"
    ENTRY_INTO_FORCE = "entry_into_force"
    DENUNCIATION = "denunciation"
    DECLARATION = "declaration"
    OBJECTION = "objection"


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
