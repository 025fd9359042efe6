"""Can State A ask State B, under the Convention, for this crime and kind of cooperation, on a date?

The answer is `yes`, `no` or `uncertain`, with every reason as `{code, text, source}`. Each
reason has an effect: `blocks` makes the answer `no`; otherwise `doubt` makes it `uncertain`;
otherwise it is `yes`. Status comes from `compute_status`, never recomputed here.

The policy (see docs/relations.md):

- Both sides must be bound *for this kind of cooperation* on the date; one side's provisional
  application never binds the other.
- In force counts as firmly bound only when the entry-into-force rule is verified and the
  State's date is computed from it, or reported and equal to the computed date. Any other
  in-force status (a reported date the rule cannot confirm, or a date computed from an
  unverified rule) is `uncertain`. A State that consented but is not yet in force by an
  unverified rule is also `uncertain` (the real rule may already put it in force), unless the
  source itself reports a later date. Signature alone, no action, or a withdrawal that took
  effect on or before the date: `no`.
- Provisional application binds a State for the kinds of cooperation its scope covers
  (Part III covers mutual legal assistance, per parts.csv); it is firm only when the part
  mapping and the rule `provisional_application_binds_toward_parties` are both verified.
- Annex crimes need an opt-in under Art. 2(2). Both opted in: covered. Neither: `no`. One
  side only: `no` if reciprocity is verified, else `uncertain`.
- A declaration whose start is unknown is taken to be in effect from the day TreatyWatch first
  recorded it at the latest (it cannot postdate our reading); before that its effect is
  uncertain. An expired or withdrawn reservation no longer applies.
- A reservation in effect (or possibly in effect) that concerns provisions governing the kind
  of cooperation, the scope of crimes or the crime's annex makes the answer `uncertain`; so
  does one whose reach our article data cannot tell, and any objection between the two.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from treatywatch.core.convention import (
    Article,
    Convention,
    CooperationKind,
    Part,
    parse_cooperation,
)
from treatywatch.core.crimes import Crime, resolve_crime
from treatywatch.core.reasons import (
    Answer,
    Bound,
    CentralAuthority,
    Effect,
    OptIn,
    Reason,
    answer_from,
    declaration_in_effect,
    join_sources,
    made_text,
)
from treatywatch.core.records import Action, Declaration, DeclarationKind, State, Treaty
from treatywatch.core.standing import Side, Snapshot, assess_side, take_snapshot
from treatywatch.core.validate import resolve_state

__all__ = [
    "Answer",
    "Bound",
    "CentralAuthority",
    "Effect",
    "OptIn",
    "Reason",
    "Relation",
    "Side",
    "Snapshot",
    "UnknownStateError",
    "answer_from",
    "assess_relation",
    "assess_side",
    "pair_reasons",
    "take_snapshot",
]


class UnknownStateError(ValueError):
    """A State code that is not in the States list."""


@dataclass(frozen=True)
class Relation:
    requesting: Side
    requested: Side
    crime: Crime
    cooperation: CooperationKind
    on: date
    as_known_on: date
    applicable: Answer
    reasons: tuple[Reason, ...]
    articles: tuple[dict[str, Any], ...]
    central_authorities: tuple[CentralAuthority, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "applicable": str(self.applicable),
            "reasons": [reason.to_json() for reason in self.reasons],
            "articles": [dict(article) for article in self.articles],
            "central_authorities": [item.to_json() for item in self.central_authorities],
            "requesting": self.requesting.to_json(),
            "requested": self.requested.to_json(),
            "crime": self.crime.to_json(),
            "cooperation": str(self.cooperation),
            "date": self.on.isoformat(),
            "as_known_on": self.as_known_on.isoformat(),
        }


def assess_relation(
    requesting: str,
    requested: str,
    *,
    crime: Crime | str,
    cooperation: CooperationKind | str,
    on: date,
    as_known_on: date,
    treaty: Treaty,
    states: Sequence[State],
    actions: Iterable[Action],
    declarations: Iterable[Declaration],
    convention: Convention,
    snapshot: Snapshot | None = None,
) -> Relation:
    """Whether the Convention applies between two States for a crime and kind of cooperation.

    Codes are ISO alpha-2 or alpha-3 in any case. UnknownStateError or ValueError (unknown
    crime or cooperation, or the same State twice) carry a message fit to show the user.
    """
    codes = {state.code: state for state in states}
    first, second = _code(requesting, codes), _code(requested, codes)
    if first == second:
        raise ValueError(f"the requesting and requested State are the same ({first})")
    if not isinstance(crime, Crime):
        crime = resolve_crime(crime, convention)
    kind = (
        cooperation if isinstance(cooperation, CooperationKind) else parse_cooperation(cooperation)
    )
    snap = snapshot or take_snapshot(
        treaty, states, actions, declarations, convention, on, as_known_on
    )
    a, b = assess_side(snap, first, kind, crime), assess_side(snap, second, kind, crime)
    reasons = [
        *_crime_reasons(snap, crime),
        *a.reasons,
        *b.reasons,
        *pair_reasons(snap, a, b, crime),
        *_article_reasons(snap, kind),
    ]
    if snap.on > snap.as_known_on:
        reasons.append(
            Reason(
                "projection",
                f"{snap.on} is after {snap.as_known_on}, the date of our knowledge: the answer "
                "projects the facts known then and ignores anything that happens in between.",
                None,
                Effect.NOTE,
            )
        )
    return Relation(
        requesting=a,
        requested=b,
        crime=crime,
        cooperation=kind,
        on=snap.on,
        as_known_on=snap.as_known_on,
        applicable=answer_from(reasons),
        reasons=tuple(reasons),
        articles=_articles(snap, kind, crime),
        central_authorities=a.central_authorities + b.central_authorities,
    )


def pair_reasons(snap: Snapshot, a: Side, b: Side, crime: Crime) -> list[Reason]:
    """What depends on the two sides together: objections between them and annex opt-ins."""
    reasons = []
    for author, target in ((a, b), (b, a)):
        for item in snap.declarations_by_state.get(author.code, ()):
            if item.kind is not DeclarationKind.OBJECTION or item.target_state != target.code:
                continue
            if declaration_in_effect(item, snap.on) is False:
                continue
            reasons.append(
                Reason(
                    "objection",
                    f"{author.who} objected{made_text(item)} to a reservation or declaration of "
                    f"{target.who}: {item.summary} Whether this keeps the Convention, or the "
                    "provision concerned, from applying between them depends on its terms.",
                    item.source_url,
                    Effect.DOUBT,
                )
            )
    if crime.core:
        return reasons
    rule = snap.convention.rule("annex_opt_in_reciprocal")
    reciprocal = rule is not None and rule.verified and rule.value is True
    where = _annex_text(crime)
    opted = {side.opt_in for side in (a, b)}
    if opted == {OptIn.YES}:
        reasons.append(
            Reason(
                "annex_both_opted_in",
                f"Both {a.who} and {b.who} declared under Art. 2(2) that they apply the "
                f"Convention to {crime.label} ({where}).",
                None,
                Effect.SUPPORTS,
            )
        )
    elif opted == {OptIn.NO}:
        reasons.append(
            Reason(
                "annex_not_opted_in",
                f"Neither {a.who} nor {b.who} has declared under Art. 2(2) that it applies the "
                f"Convention to {crime.label}: the annex crimes are covered only for States "
                "that do.",
                rule.source_url if rule else None,
                Effect.BLOCKS,
            )
        )
    elif OptIn.NO in opted:
        missing = a if a.opt_in is OptIn.NO else b
        if reciprocal:
            text = (
                f"{missing.who} has not opted in to {crime.label} under Art. 2(2), and an annex "
                "crime is covered only between States that both opted in."
            )
            reasons.append(
                Reason(
                    "annex_not_both_opted_in",
                    text,
                    rule.source_url if rule else None,
                    Effect.BLOCKS,
                )
            )
        else:
            text = (
                f"Only one side may have opted in to {crime.label}: {missing.who} has not. "
                "Whether an annex crime is then covered between them (reciprocity under "
                "Art. 2(2)) was not read in the treaty text, so the answer is uncertain."
            )
            reasons.append(
                Reason(
                    "annex_reciprocity_unverified",
                    text,
                    rule.source_url if rule else None,
                    Effect.DOUBT,
                )
            )
    return reasons


def _code(text: str, states: Mapping[str, State]) -> str:
    code = resolve_state(text, states)
    if code is None:
        raise UnknownStateError(
            f"unknown State {text!r}: use an ISO 3166 alpha-2 or alpha-3 code such as LV or LVA"
        )
    return code


def _annex_text(crime: Crime) -> str:
    return ", ".join(annex.reference for annex in crime.annexes) or "an annex"


def _crime_reasons(snap: Snapshot, crime: Crime) -> list[Reason]:
    convention = snap.convention
    if crime.core:
        scope = convention.article(5)
        text = (
            f"{crime.label.capitalize()} is one of the three core crimes the Convention covers "
            "without any declaration"
            + (" (Art. 5, article number not verified in the treaty text)." if scope else ".")
        )
        return [Reason("core_crime", text, scope.source_url if scope else None, Effect.NOTE)]
    opt_in = convention.article(2)
    unverified = [annex.reference for annex in crime.annexes if not annex.verified]
    text = (
        f"{crime.label.capitalize()} is an annex crime ({_annex_text(crime)}): the Convention "
        "covers it only for States that declare under Art. 2(2) that they apply it."
    )
    if unverified:
        text += " Which annex covers it is not verified in the treaty text."
    sources = join_sources(
        *(annex.source_url for annex in crime.annexes), opt_in.source_url if opt_in else None
    )
    return [Reason("annex_crime", text, sources or None, Effect.NOTE)]


def _article_reasons(snap: Snapshot, kind: CooperationKind) -> list[Reason]:
    convention = snap.convention
    found: list[Part | Article] = [*convention.parts_for(kind), *convention.articles_for(kind)]
    if not found:
        text = (
            f"No provision governing {kind.label} was read in the treaty text; none is "
            "recorded. Check the Convention itself before relying on this answer."
        )
        return [Reason("articles_unknown", text, None, Effect.NOTE)]
    names = ", ".join(item.reference for item in found)
    unverified = any(not item.verified for item in found)
    text = f"{kind.label.capitalize()} is governed by {names}" + (
        " (not verified in the treaty text)." if unverified else "."
    )
    return [
        Reason("articles", text, join_sources(*(item.source_url for item in found)), Effect.NOTE)
    ]


def _articles(snap: Snapshot, kind: CooperationKind, crime: Crime) -> tuple[dict[str, Any], ...]:
    """The parts and articles that govern the kind of cooperation, then those on the crime."""
    convention = snap.convention
    rows: list[dict[str, Any]] = []
    for part in convention.parts_for(kind):
        rows.append(
            {
                "reference": part.reference,
                "number": None,
                "part": part.number,
                "topic": part.title,
                "role": "cooperation",
                "verified": part.verified,
                "source": part.source_url,
                "note": part.note,
            }
        )
    crime_articles = [5] if crime.core else [2]
    listed = [(article, "cooperation") for article in convention.articles_for(kind)]
    listed += [
        (article, "crime")
        for number in crime_articles
        if (article := convention.article(number)) is not None
    ]
    for article, role in listed:
        rows.append(
            {
                "reference": article.reference,
                "number": article.number,
                "part": article.part,
                "topic": article.topic,
                "role": role,
                "verified": article.verified,
                "source": article.source_url,
                "note": article.note,
            }
        )
    for annex in crime.annexes:
        rows.append(
            {
                "reference": annex.reference,
                "number": None,
                "part": None,
                "topic": annex.title or crime.label,
                "role": "crime",
                "verified": annex.verified,
                "source": annex.source_url,
                "note": annex.note,
            }
        )
    return tuple(rows)
