"""One State's standing for a kind of cooperation and a crime on a date.

`take_snapshot` computes every State's status once for a date (one `compute_status` call);
`assess_side` then reads one State's standing from it: bound or not for the kind of
cooperation, its annex opt-in, and the reservations and declarations that matter, each as a
reason with its effect. The policy is in `treatywatch.core.relations` and docs/relations.md.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from treatywatch.core.convention import Convention, CooperationKind, article_number, from_roman
from treatywatch.core.crimes import Crime
from treatywatch.core.denominators import denominator
from treatywatch.core.entry_into_force import compute_entry_into_force
from treatywatch.core.reasons import (
    LEVEL,
    Bound,
    CentralAuthority,
    Effect,
    OptIn,
    Reason,
    declaration_in_effect,
    iso,
    join_sources,
    made_text,
)
from treatywatch.core.records import (
    Action,
    ActionClass,
    Declaration,
    DeclarationKind,
    State,
    Treaty,
)
from treatywatch.core.status import StateStatus, Status, StatusReport, compute_status, known_facts

__all__ = ["Side", "Snapshot", "assess_side", "take_snapshot"]


_NOTE_CODES = {
    DeclarationKind.INTERPRETIVE_DECLARATION: "interpretive_declaration",
    DeclarationKind.TERRITORIAL_APPLICATION: "territorial_application",
    DeclarationKind.PROVISIONAL_APPLICATION: "provisional_application_declaration",
}
_PART = re.compile(r"\bPart\s+([IVXLC]+|\d+)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Side:
    """One State's standing for a kind of cooperation and a crime on a date."""

    code: str
    name: str
    status: StateStatus
    bound: Bound
    opt_in: OptIn
    reasons: tuple[Reason, ...]
    central_authorities: tuple[CentralAuthority, ...]

    @property
    def who(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def pair_class(self) -> tuple[Bound, OptIn, bool, bool]:
        """All that `pair_reasons` and the answer depend on, apart from objections."""
        effects = {reason.effect for reason in self.reasons}
        return (self.bound, self.opt_in, Effect.BLOCKS in effects, Effect.DOUBT in effects)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "status": str(self.status.status),
            "bound": str(self.bound),
            "in_force": iso(self.status.in_force),
            "in_force_basis": self.status.in_force_basis,
            "provisional_application": list(self.status.provisional_application),
            "annex_opt_in": str(self.opt_in),
        }


@dataclass(frozen=True)
class Snapshot:
    """Everything the engine needs for one date, computed once for all States."""

    treaty: Treaty
    convention: Convention
    on: date
    as_known_on: date
    report: StatusReport
    statuses: Mapping[str, StateStatus]
    computed_entry_into_force: Mapping[str, date]
    actions_by_state: Mapping[str, tuple[Action, ...]]
    declarations_by_state: Mapping[str, tuple[Declaration, ...]]


def take_snapshot(
    treaty: Treaty,
    states: Sequence[State],
    actions: Iterable[Action],
    declarations: Iterable[Declaration],
    convention: Convention,
    on: date,
    as_known_on: date,
) -> Snapshot:
    """Status of every State on `on` (one `compute_status` call) and the facts by State."""
    actions = [a for a in known_facts(actions, as_known_on) if a.treaty == treaty.slug]
    everyone = list(states)
    report = compute_status(
        treaty, everyone, actions, on, as_known_on, denominator("all", everyone)
    )
    # Only to tell whether a reported in-force date agrees with the rule.
    computed = compute_entry_into_force(treaty.entry_into_force, actions, on).for_state
    actions_by_state: dict[str, list[Action]] = defaultdict(list)
    for action in sorted(actions, key=lambda a: a.date):
        if action.date <= on:
            actions_by_state[action.state].append(action)
    declarations_by_state: dict[str, list[Declaration]] = defaultdict(list)
    for declaration in known_facts(declarations, as_known_on):
        if declaration.treaty == treaty.slug:
            declarations_by_state[declaration.state].append(declaration)
    return Snapshot(
        treaty=treaty,
        convention=convention,
        on=on,
        as_known_on=as_known_on,
        report=report,
        statuses={row.code: row for row in report.states},
        computed_entry_into_force=computed,
        actions_by_state={code: tuple(found) for code, found in actions_by_state.items()},
        declarations_by_state={code: tuple(found) for code, found in declarations_by_state.items()},
    )


def assess_side(snap: Snapshot, code: str, kind: CooperationKind, crime: Crime) -> Side:
    """One State's standing; cheap, so the network can call it once per State and date."""
    status = snap.statuses[code]
    who = f"{status.name} ({code})"
    bound, status_reason = _status_reason(snap, status, who)
    provisional_bound, provisional_reasons = _provisional(snap, status, who, kind)
    reasons = [status_reason]
    if LEVEL[provisional_bound] > LEVEL[bound]:
        # Provisional application is what binds it here: the status reason no longer decides.
        bound = provisional_bound
        reasons[0] = Reason(
            status_reason.code, status_reason.text, status_reason.source, Effect.NOTE
        )
    reasons += provisional_reasons
    reasons += _denunciation_reasons(snap, code, who, status)
    declarations = snap.declarations_by_state.get(code, ())
    opt_in, opt_in_reasons = _opt_in(snap, declarations, who, crime)
    reasons += opt_in_reasons
    reasons += _declaration_reasons(snap, declarations, who, kind, crime)
    authorities = tuple(
        CentralAuthority(code, item.summary, item.source_url, declaration_in_effect(item, snap.on))
        for item in declarations
        if item.kind is DeclarationKind.CENTRAL_AUTHORITY
        and declaration_in_effect(item, snap.on) is not False
    )
    if authorities:
        reasons += [
            Reason("central_authority", f"{who}: {item.summary}", item.source, Effect.NOTE)
            for item in authorities
        ]
    else:
        reasons.append(
            Reason(
                "central_authority_unknown",
                f"No central-authority designation by {who} is recorded in TreatyWatch; check "
                "with the depositary whether it has designated one.",
                None,
                Effect.NOTE,
            )
        )
    return Side(code, status.name, status, bound, opt_in, tuple(reasons), authorities)


def _status_reason(snap: Snapshot, status: StateStatus, who: str) -> tuple[Bound, Reason]:
    rule = snap.treaty.entry_into_force
    sources = " ".join(status.sources) or None
    with_rule = join_sources(sources, rule.source_url) or None
    on = snap.on
    if status.status is Status.WITHDRAWN:
        if status.withdrawal_type == "denunciation":
            text = (
                f"{who} denounced the Convention with effect from {status.withdrawn}: it is no "
                f"longer bound on {on}."
            )
            return Bound.NO, Reason("withdrawn", text, sources, Effect.BLOCKS)
        text = f"{who} withdrew its signature on {status.withdrawn} and is not bound."
        return Bound.NO, Reason("signature_withdrawn", text, sources, Effect.BLOCKS)
    if status.status is Status.IN_FORCE:
        computed = snap.computed_entry_into_force.get(status.code)
        agreed = status.in_force_basis == "computed" or computed == status.in_force
        if rule.verified and agreed:
            how = (
                "computed from the entry-into-force rule"
                if status.in_force_basis == "computed"
                else "as reported, and the rule gives the same date"
            )
            text = f"The Convention is in force for {who} since {status.in_force} ({how})."
            return Bound.YES, Reason("in_force", text, with_rule, Effect.SUPPORTS)
        if status.in_force_basis == "reported":
            check = (
                f"the entry-into-force rule gives {computed or 'no date yet'}"
                if rule.verified
                else "the entry-into-force rule that would confirm it is not verified against "
                "the treaty text"
            )
            text = (
                f"{who} is recorded as bound since {status.in_force}, a date the source "
                f"reports but we cannot confirm: {check}."
            )
        else:
            text = (
                f"{who} is in force since {status.in_force} only by our computation from the "
                f"entry-into-force rule ({rule.describe()}), which is not verified against the "
                "treaty text."
            )
        return Bound.UNCERTAIN, Reason("in_force_unverified", text, with_rule, Effect.DOUBT)
    if status.status is Status.CONSENTED:
        consent = f"{who} consented on {status.consented} ({status.consent_type})"
        if status.in_force is not None and status.in_force_basis == "reported":
            text = f"{consent}; the source reports entry into force for it on {status.in_force}."
            return Bound.NO, Reason("not_yet_in_force", text, sources, Effect.BLOCKS)
        pending = (
            f"the rule puts its entry into force on {status.in_force}"
            if status.in_force
            else f"the Convention is not in force yet: the rule needs {rule.threshold} instruments"
        )
        if rule.verified:
            text = f"{consent} but is not yet bound on {on}: {pending}."
            return Bound.NO, Reason("not_yet_in_force", text, with_rule, Effect.BLOCKS)
        text = (
            f"{consent}. By our entry-into-force rule it is not bound yet on {on} ({pending}), "
            "but that rule is not verified against the treaty text and may put it in force."
        )
        return Bound.UNCERTAIN, Reason(
            "not_yet_in_force_unverified_rule", text, with_rule, Effect.DOUBT
        )
    if status.status is Status.SIGNED:
        text = (
            f"{who} signed on {status.signed} but has not ratified, accepted, approved or "
            "acceded: a signature alone does not bind it to cooperate."
        )
        return Bound.NO, Reason("signed_only", text, sources, Effect.BLOCKS)
    text = f"{who} has neither signed nor joined the Convention by {on}, as far as we know."
    return Bound.NO, Reason("not_party", text, sources, Effect.BLOCKS)


def _provisional(
    snap: Snapshot, status: StateStatus, who: str, kind: CooperationKind
) -> tuple[Bound, list[Reason]]:
    if not status.provisional_application:
        return Bound.NO, []
    convention = snap.convention
    rule = convention.rule("provisional_application_binds_toward_parties")
    rule_firm = rule is not None and rule.verified and rule.value is True
    rule_source = rule.source_url if rule else None
    applied = [
        action
        for action in snap.actions_by_state.get(status.code, ())
        if action.action_class is ActionClass.PROVISIONAL_APPLICATION
    ]
    best, reasons = Bound.NO, []
    for scope in status.provisional_application:
        action = next((a for a in applied if (a.scope or "whole treaty") == scope), None)
        source = join_sources(action.source_url if action else None, rule_source)
        since = f" since {action.date}" if action else ""
        if rule is not None and rule.verified and rule.value is False:
            text = f"{who} applies the Convention provisionally{since} ({scope}), but it does "
            text += "not bind it toward other States."
            reasons.append(Reason("provisional_application_not_binding", text, source, Effect.NOTE))
            continue
        numbers = [_part_number(found) for found in _PART.findall(scope)]
        if scope == "whole treaty":
            level = Bound.YES if rule_firm else Bound.UNCERTAIN
            text = f"{who} applies the whole Convention provisionally{since}."
            reasons.append(_provisional_reason(level, text, rule_firm, source))
            best = max(best, level, key=LEVEL.__getitem__)
            continue
        if not numbers or None in numbers:
            text = (
                f"{who} applies part of the Convention provisionally{since} ({scope}); which "
                f"kinds of cooperation that covers is not recorded, so {kind.label} may or may "
                "not be covered."
            )
            reasons.append(
                Reason("provisional_application_scope_unknown", text, source, Effect.DOUBT)
            )
            best = max(best, Bound.UNCERTAIN, key=LEVEL.__getitem__)
            continue
        for number in numbers:
            part = convention.part(number) if number else None
            label = part.reference if part else f"Part {number}"
            if (
                part is None
                or not part.cooperation
                or (kind is CooperationKind.OTHER and kind not in part.cooperation)
            ):
                text = (
                    f"{who} applies {label} provisionally{since} ({scope}); whether that covers "
                    f"{kind.label} is not recorded."
                )
                reasons.append(
                    Reason("provisional_application_scope_unknown", text, source, Effect.DOUBT)
                )
                best = max(best, Bound.UNCERTAIN, key=LEVEL.__getitem__)
            elif kind in part.cooperation:
                level = Bound.YES if rule_firm and part.verified else Bound.UNCERTAIN
                text = (
                    f"{who} applies {label} ({part.title.lower() or kind.label}) provisionally"
                    f"{since}, within the scope recorded: {scope}. That binds {who} alone: the "
                    "other side must be bound too."
                )
                if not part.verified:
                    text += f" That {label} covers {kind.label} is not verified in the treaty text."
                reasons.append(
                    _provisional_reason(
                        level, text, rule_firm, join_sources(source, part.source_url)
                    )
                )
                best = max(best, level, key=LEVEL.__getitem__)
            else:
                covered = ", ".join(item.label for item in part.cooperation)
                text = (
                    f"{who} applies {label} provisionally{since} ({scope}), which covers "
                    f"{covered}, not {kind.label}."
                )
                reasons.append(
                    Reason("provisional_application_not_covering", text, source, Effect.NOTE)
                )
    return best, reasons


def _provisional_reason(level: Bound, text: str, rule_firm: bool, source: str) -> Reason:
    if level is Bound.YES:
        return Reason("provisional_application", text, source or None, Effect.SUPPORTS)
    if not rule_firm:
        text += (
            " That provisional application binds it toward States bound by the same part is "
            "general treaty law; the Convention's own clause was not read."
        )
    return Reason("provisional_application_unverified", text, source or None, Effect.DOUBT)


def _part_number(text: str) -> int | None:
    return int(text) if text.isdigit() else from_roman(text)


def _denunciation_reasons(snap: Snapshot, code: str, who: str, status: StateStatus) -> list[Reason]:
    if status.status is Status.WITHDRAWN:
        return []
    reasons = []
    for action in snap.actions_by_state.get(code, ()):
        if action.action_class is not ActionClass.DENUNCIATION:
            continue
        if action.effective_on is None:
            text = (
                f"{who} denounced the Convention on {action.date}, but the date the "
                "denunciation takes effect is not recorded: it may no longer be bound."
            )
            reasons.append(
                Reason("denunciation_date_unknown", text, action.source_url, Effect.DOUBT)
            )
        elif action.effective_on > snap.on:
            text = (
                f"{who} denounced the Convention on {action.date}, with effect from "
                f"{action.effective_on}: it is still bound on {snap.on}."
            )
            reasons.append(Reason("denunciation_pending", text, action.source_url, Effect.NOTE))
    return reasons


def _opt_in(
    snap: Snapshot, declarations: Sequence[Declaration], who: str, crime: Crime
) -> tuple[OptIn, list[Reason]]:
    if crime.core:
        return OptIn.NOT_NEEDED, []
    found: list[tuple[OptIn, Reason]] = []
    for item in declarations:
        if item.kind is not DeclarationKind.ANNEX_OPT_IN:
            continue
        matches = "*" in item.annexes or any(letter in item.annexes for letter in crime.letters)
        unsure_letter = not matches and not crime.letters
        effect = declaration_in_effect(item, snap.on)
        annexes = _annex_list(item.annexes)
        if not (matches or unsure_letter):
            continue
        if effect is False:
            text = f"{who}'s opt-in under Art. 2(2) to {annexes} {_ended(item, snap.on)}."
            found.append(
                (OptIn.NO, Reason("annex_opt_in_ended", text, item.source_url, Effect.NOTE))
            )
        elif unsure_letter:
            text = (
                f"{who} opted in under Art. 2(2) to {annexes}{made_text(item)}; whether "
                f"{crime.label} is among them is unknown, since the letter of its annex was "
                "not read."
            )
            found.append(
                (
                    OptIn.UNKNOWN,
                    Reason("annex_opt_in_letter_unknown", text, item.source_url, Effect.DOUBT),
                )
            )
        elif effect is None:
            text = (
                f"{who} opted in under Art. 2(2) to {annexes}, but the date it did so is not "
                f"recorded and we first recorded it on {item.learnt_on}: on {snap.on} it may "
                "not have been made yet."
            )
            found.append(
                (
                    OptIn.UNKNOWN,
                    Reason("annex_opt_in_date_unknown", text, item.source_url, Effect.DOUBT),
                )
            )
        else:
            text = (
                f"{who} declared under Art. 2(2) that it applies the Convention to {annexes}"
                f"{made_text(item)}, which covers {crime.label}."
            )
            found.append(
                (OptIn.YES, Reason("annex_opt_in", text, item.source_url, Effect.SUPPORTS))
            )
    for wanted in (OptIn.YES, OptIn.UNKNOWN):
        if any(level is wanted for level, _ in found):
            return wanted, [reason for _, reason in found]
    text = (
        f"{who} has no declaration under Art. 2(2) covering {crime.label} in effect on "
        f"{snap.on}, as far as we know."
    )
    return OptIn.NO, [
        *(reason for _, reason in found),
        Reason("annex_opt_in_missing", text, None, Effect.NOTE),
    ]


def _declaration_reasons(
    snap: Snapshot,
    declarations: Sequence[Declaration],
    who: str,
    kind: CooperationKind,
    crime: Crime,
) -> list[Reason]:
    reasons = []
    for item in declarations:
        effect = declaration_in_effect(item, snap.on)
        what = "reservation" if item.kind is DeclarationKind.RESERVATION else "declaration"
        target = f" to {_articles_text(item)}" if item.articles or item.annexes else ""
        if item.kind in (DeclarationKind.RESERVATION, DeclarationKind.OTHER):
            if effect is False:
                text = f"{who}'s {what}{target} {_ended(item, snap.on)}: it no longer applies."
                if item.valid_from and item.valid_from > snap.on:
                    text = f"{who}'s {what}{target} {_ended(item, snap.on)}."
                reasons.append(Reason(f"{what}_not_in_effect", text, item.source_url, Effect.NOTE))
                continue
            state = (
                "in effect"
                if effect
                else f"possibly in effect (its start is not recorded and we first recorded it "
                f"on {item.learnt_on})"
            )
            reach = _reach(snap.convention, item, kind, crime)
            if reach is True:
                text = (
                    f"{who}'s {what}{target}{made_text(item)} is {state} and concerns provisions "
                    f"that bear on {kind.label} or on the crimes covered; it may limit or "
                    f"condition this request: {item.summary}"
                )
                reasons.append(Reason(what, text, item.source_url, Effect.DOUBT))
            elif reach is None:
                text = (
                    f"{who}'s {what}{target}{made_text(item)} is {state}; our article data cannot "
                    f"tell whether it affects {kind.label}: {item.summary}"
                )
                reasons.append(Reason(f"{what}_reach_unknown", text, item.source_url, Effect.DOUBT))
            else:
                text = (
                    f"{who}'s {what}{target}{made_text(item)} is {state} but concerns provisions "
                    f"that do not govern {kind.label}: {item.summary}"
                )
                reasons.append(Reason(f"{what}_elsewhere", text, item.source_url, Effect.NOTE))
        elif (
            item.kind
            in (
                DeclarationKind.INTERPRETIVE_DECLARATION,
                DeclarationKind.TERRITORIAL_APPLICATION,
                DeclarationKind.PROVISIONAL_APPLICATION,
            )
            and effect is not False
        ):
            # Named apart from the action-based `provisional_application`, which binds.
            code = _NOTE_CODES[item.kind]
            reasons.append(
                Reason(
                    code, f"{who}{made_text(item)}: {item.summary}", item.source_url, Effect.NOTE
                )
            )
    return reasons


def _reach(
    convention: Convention, item: Declaration, kind: CooperationKind, crime: Crime
) -> bool | None:
    """Whether a reservation bears on this request; None when our data cannot tell."""
    if item.annexes and not crime.core:
        if "*" in item.annexes or any(letter in item.annexes for letter in crime.letters):
            return True
        if not crime.letters:
            return None
    numbers = [article_number(reference) for reference in item.articles]
    if not numbers:
        return None if not item.annexes else False
    verdicts = []
    for number in numbers:
        article = convention.article(number) if number else None
        verdicts.append(
            True
            if article is not None and article.defines_scope
            else convention.governs(number, kind)
            if number
            else None
        )
    if True in verdicts:
        return True
    return None if None in verdicts else False


def _ended(item: Declaration, on: date) -> str:
    if item.withdrawn_on is not None and item.withdrawn_on <= on:
        return f"was withdrawn on {item.withdrawn_on}"
    if item.valid_until is not None and item.valid_until < on:
        return f"expired on {item.valid_until}"
    start = item.valid_from or item.made_on
    return f"applies only from {start}"


def _annex_list(annexes: Sequence[str]) -> str:
    if "*" in annexes:
        return "all the annex crimes"
    return ", ".join(f"Annex {letter}" for letter in annexes) or "no annex named"


def _articles_text(item: Declaration) -> str:
    parts = [f"Art. {reference}" for reference in item.articles]
    if item.annexes:
        parts.append(_annex_list(item.annexes))
    return ", ".join(parts)
