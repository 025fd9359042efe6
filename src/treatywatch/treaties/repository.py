"""Between database rows and the core's records, in both directions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from treatywatch.core import records
from treatywatch.core.dataset import treaty_from_entry
from treatywatch.treaties import models

__all__ = [
    "Record",
    "action_fields",
    "changed_fields",
    "declaration_fields",
    "load_record",
    "to_action",
    "to_declaration",
    "to_state",
    "to_treaty",
]


@dataclass(frozen=True)
class Record:
    """Everything the engine needs, read from the database in a few queries."""

    states: tuple[records.State, ...]
    memberships: tuple[records.Membership, ...]
    treaties: dict[str, records.Treaty]
    actions: tuple[records.Action, ...]
    declarations: tuple[records.Declaration, ...]

    @property
    def states_by_code(self) -> dict[str, records.State]:
        return {state.code: state for state in self.states}


def load_record() -> Record:
    return Record(
        states=tuple(to_state(row) for row in models.State.objects.all()),
        memberships=tuple(
            records.Membership(
                row.state_id,
                row.organisation,
                row.joined,
                row.left,
                row.source_url,
                row.source_date,
                row.note,
            )
            for row in models.Membership.objects.all()
        ),
        treaties={row.slug: to_treaty(row) for row in models.Treaty.objects.all()},
        actions=tuple(to_action(row) for row in models.TreatyAction.objects.all()),
        declarations=tuple(to_declaration(row) for row in models.Declaration.objects.all()),
    )


def to_state(row: models.State) -> records.State:
    return records.State(
        code=row.code,
        alpha2=row.alpha2,
        numeric=row.numeric,
        names={"en": row.name_en, "fr": row.name_fr, "es": row.name_es},
        un_status=records.UnStatus(row.un_status),
        un_regional_group=row.un_regional_group,
        source_url=row.source_url,
        source_date=row.source_date,
        note=row.note,
    )


def to_treaty(row: models.Treaty) -> records.Treaty:
    return treaty_from_entry(row.facts)


def to_action(row: models.TreatyAction) -> records.Action:
    return records.Action(
        treaty=row.treaty_id,
        state=row.state_id,
        action_class=records.ActionClass(row.action_class),
        date=row.date,
        source_url=row.source_url,
        source_date=row.source_date,
        raw_action=row.raw_action,
        effective_on=row.effective_on,
        reported_entry_into_force=row.reported_entry_into_force,
        place=row.place,
        scope=row.scope,
        recorded_on=row.recorded_on,
        retracted_on=row.retracted_on,
        note=row.note,
    )


def to_declaration(row: models.Declaration) -> records.Declaration:
    return records.Declaration(
        treaty=row.treaty_id,
        state=row.state_id,
        kind=records.DeclarationKind(row.kind),
        summary=row.summary,
        source_url=row.source_url,
        source_date=row.source_date,
        articles=tuple(part for part in row.articles.split(";") if part),
        annexes=tuple(part for part in row.annexes.split(";") if part),
        made_on=row.made_on,
        made_at=row.made_at,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        withdrawn_on=row.withdrawn_on,
        validity_months=row.validity_months,
        renewable=row.renewable,
        target_state=row.target_state_id or "",
        recorded_on=row.recorded_on,
        retracted_on=row.retracted_on,
        note=row.note,
    )


def action_fields(action: records.Action) -> dict[str, Any]:
    """The model fields for an action, keyed as the model names them."""
    return {
        "treaty_id": action.treaty,
        "state_id": action.state,
        "action_class": str(action.action_class),
        "raw_action": action.raw_action,
        "date": action.date,
        "effective_on": action.effective_on,
        "reported_entry_into_force": action.reported_entry_into_force,
        "place": action.place,
        "scope": action.scope,
        "recorded_on": action.recorded_on,
        "retracted_on": action.retracted_on,
        "source_url": action.source_url,
        "source_date": action.source_date,
        "note": action.note,
    }


def declaration_fields(declaration: records.Declaration) -> dict[str, Any]:
    return {
        "treaty_id": declaration.treaty,
        "state_id": declaration.state,
        "kind": str(declaration.kind),
        "articles": ";".join(declaration.articles),
        "annexes": ";".join(declaration.annexes),
        "made_on": declaration.made_on,
        "made_at": declaration.made_at,
        "valid_from": declaration.valid_from,
        "valid_until": declaration.valid_until,
        "withdrawn_on": declaration.withdrawn_on,
        "validity_months": declaration.validity_months,
        "renewable": declaration.renewable,
        "target_state_id": declaration.target_state or None,
        "summary": declaration.summary,
        "recorded_on": declaration.recorded_on,
        "retracted_on": declaration.retracted_on,
        "source_url": declaration.source_url,
        "source_date": declaration.source_date,
        "note": declaration.note,
    }


def changed_fields(row: Any, fields: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Field name → (old, new) for each value that differs."""
    return {
        name: (getattr(row, name), new) for name, new in fields.items() if getattr(row, name) != new
    }
