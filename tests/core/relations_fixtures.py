"""Handmade Convention structure, histories and declarations for the relations tests."""

from __future__ import annotations

from datetime import date

from tests.factories import READ_ON, SOURCE, make_action, make_state
from treatywatch.core.convention import Annex, Article, Convention, CooperationKind, Part
from treatywatch.core.records import Action, ActionClass, Cited, Declaration, DeclarationKind

MLA = CooperationKind.MUTUAL_LEGAL_ASSISTANCE
EXTRADITION = CooperationKind.EXTRADITION
SIG, RAT, PROV, DEN = (
    ActionClass.SIGNATURE,
    ActionClass.RATIFICATION,
    ActionClass.PROVISIONAL_APPLICATION,
    ActionClass.DENUNCIATION,
)
CODES = ("AAA", "BBB", "CCC", "DDD", "PPP", "QQQ", "ZZZ")
STATES = [make_state(code) for code in CODES]
KNOWN_ON = date(2026, 6, 1)
PART_III = "Part III (mutual legal assistance), European part"


def make_convention(
    *,
    part_verified: bool = False,
    provisional_verified: bool = False,
    reciprocal: bool | None = None,
    reciprocity_verified: bool = False,
) -> Convention:
    """Part III = MLA (arts 30-49), Part IV = extradition; Art. 40 governs MLA refusals."""
    parts = (
        Part(3, "Mutual legal assistance", 30, 49, (MLA,), part_verified, SOURCE, READ_ON),
        Part(4, "Extradition", 50, 69, (EXTRADITION,), True, SOURCE, READ_ON),
    )
    articles = (
        Article(2, 1, "annex opt-in", ("scope",), True, SOURCE, READ_ON),
        Article(5, 1, "core crimes", ("scope",), True, SOURCE, READ_ON),
        Article(8, 1, "jurisdiction", ("general",), True, SOURCE, READ_ON),
        Article(40, 3, "refusal of assistance", (MLA,), True, SOURCE, READ_ON),
    )
    annexes = (
        Annex("H", "Crime of aggression", ("aggression",), True, SOURCE, READ_ON),
        Annex("", "", ("torture",), False, SOURCE, READ_ON),
    )
    rules = {
        "annex_opt_in_reciprocal": Cited(reciprocal, SOURCE, READ_ON, reciprocity_verified),
        "provisional_application_binds_toward_parties": Cited(
            True, SOURCE, READ_ON, provisional_verified
        ),
    }
    return Convention(parts, articles, annexes, rules)


def base_history() -> list[Action]:
    """AAA and BBB in force from 2024-11-01 (threshold 2); CCC only signed; DDD in force from
    2025-05-01; PPP signed and applies Part III provisionally from 2024-02-15; ZZZ nothing."""
    actions = [make_action(code, SIG, date(2024, 2, 14)) for code in ("AAA", "BBB", "CCC", "DDD")]
    actions += [
        make_action("AAA", RAT, date(2024, 6, 3)),
        make_action("BBB", RAT, date(2024, 7, 10)),
        make_action("DDD", RAT, date(2025, 1, 15)),
        make_action("PPP", SIG, date(2024, 2, 14)),
        make_action("PPP", PROV, date(2024, 2, 15), scope=PART_III),
    ]
    return actions


def make_declaration(
    state: str,
    kind: DeclarationKind,
    *,
    articles: tuple[str, ...] = (),
    annexes: tuple[str, ...] = (),
    made_on: date | None = None,
    valid_from: date | None = None,
    valid_until: date | None = None,
    withdrawn_on: date | None = None,
    target: str = "",
    source_date: date = READ_ON,
) -> Declaration:
    return Declaration(
        treaty="test-treaty",
        state=state,
        kind=kind,
        summary=f"{kind} by {state}.",
        source_url=f"{SOURCE}/{state}/declarations",
        source_date=source_date,
        articles=articles,
        annexes=annexes,
        made_on=made_on,
        valid_from=valid_from,
        valid_until=valid_until,
        withdrawn_on=withdrawn_on,
        target_state=target,
    )


def opt_in(state: str, annexes: tuple[str, ...] = ("H",), **dates: date) -> Declaration:
    dates.setdefault("made_on", date(2024, 6, 3))
    return make_declaration(
        state, DeclarationKind.ANNEX_OPT_IN, articles=("2(2)",), annexes=annexes, **dates
    )
