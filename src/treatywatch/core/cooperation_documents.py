"""The JSON documents the CLI, the API and the site share for relations and the network.

One function per document, so `treatywatch relations --format json` and `GET /api/relations`
cannot drift apart, nor `treatywatch network --format json` and `GET /api/network`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Protocol

from treatywatch.core.checklist import load_checklist
from treatywatch.core.convention import Convention, CooperationKind, parse_cooperation
from treatywatch.core.crimes import resolve_crime
from treatywatch.core.network import (
    NETWORK_INDICATOR,
    consent_impacts,
    cooperation_network,
    network_series,
)
from treatywatch.core.records import Action, Declaration, State, Treaty
from treatywatch.core.relations import Bound, Relation, assess_relation

__all__ = [
    "CONVENTION",
    "NetworkDocument",
    "RecordLike",
    "network_document",
    "relation_document",
    "series_start",
]

CONVENTION = "ljubljana-the-hague"


class RecordLike(Protocol):
    """What the documents read from a record (the database's or a handmade one)."""

    @property
    def states(self) -> Sequence[State]: ...

    @property
    def treaties(self) -> Mapping[str, Treaty]: ...

    @property
    def actions(self) -> Sequence[Action]: ...

    @property
    def declarations(self) -> Sequence[Declaration]: ...


def _treaty(record: RecordLike) -> Treaty:
    treaty = record.treaties.get(CONVENTION)
    if treaty is None:
        raise ValueError(f"the treaty {CONVENTION!r} is not in the record")
    return treaty


def relation_document(
    record: RecordLike,
    requesting: str,
    requested: str,
    *,
    crime: str,
    cooperation: str,
    on: date,
    as_known_on: date,
    convention: Convention,
    with_checklist: bool = False,
) -> tuple[Relation, dict[str, Any]]:
    """The relation and its stable JSON (with the request checklist when asked).

    ValueError (UnknownStateError included) carries a message fit to show the user.
    """
    kind = parse_cooperation(cooperation)
    chosen = resolve_crime(crime, convention)
    relation = assess_relation(
        requesting,
        requested,
        crime=chosen,
        cooperation=kind,
        on=on,
        as_known_on=as_known_on,
        treaty=_treaty(record),
        states=record.states,
        actions=record.actions,
        declarations=record.declarations,
        convention=convention,
    )
    document = relation.to_json()
    if with_checklist:
        document["checklist"] = load_checklist(convention=convention).to_json(kind)
    return relation, document


NetworkDocument = dict[str, Any]


def series_start(treaty: Treaty, as_of: date) -> date:
    """The first month of the series: the opening for signature (or `as_of`'s month)."""
    opened = treaty.opened_for_signature
    return (opened if opened is not None and opened <= as_of else as_of).replace(day=1)


def network_document(
    record: RecordLike,
    *,
    on: date,
    as_known_on: date,
    convention: Convention,
) -> NetworkDocument:
    """The cooperation network on `on` (mutual legal assistance, core crimes), its size month by
    month since the opening for signature, and what one more consent by each State would open.
    """
    treaty = _treaty(record)
    kind = CooperationKind.MUTUAL_LEGAL_ASSISTANCE
    network = cooperation_network(
        treaty,
        record.states,
        record.actions,
        record.declarations,
        convention,
        on,
        as_known_on,
        crime="genocide",
        cooperation=kind,
    )
    series = network_series(
        treaty,
        record.states,
        record.actions,
        record.declarations,
        convention,
        series_start(treaty, on),
        on,
        as_known_on,
        crime="genocide",
        cooperation=kind,
    )
    impacts = consent_impacts(
        treaty,
        record.states,
        record.actions,
        record.declarations,
        convention,
        on,
        as_known_on,
        cooperation=kind,
    )
    bound = [side.bound for side in network.sides.values()]
    return {
        "indicator": dict(NETWORK_INDICATOR),
        "date": on.isoformat(),
        "as_known_on": as_known_on.isoformat(),
        "crime": network.crime.to_json(),
        "cooperation": str(kind),
        "rule_verified": treaty.entry_into_force.verified,
        "size": {
            "yes": len(network.yes),
            "uncertain": len(network.uncertain),
            "states_bound": bound.count(Bound.YES),
            "states_possibly_bound": bound.count(Bound.UNCERTAIN),
        },
        "pairs": {
            "yes": [list(pair) for pair in network.yes],
            "uncertain": [list(pair) for pair in network.uncertain],
        },
        "series": [point.to_json() for point in series],
        "impacts": [impact.to_json() for impact in impacts],
    }
