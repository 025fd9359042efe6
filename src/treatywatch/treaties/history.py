"""One State's whole history: actions, declarations, memberships and status per treaty."""

from __future__ import annotations

from datetime import date
from typing import Any

from treatywatch.core.validate import resolve_state
from treatywatch.treaties.queries import status_report
from treatywatch.treaties.repository import action_fields, declaration_fields, load_record

__all__ = ["StateNotFound", "state_history"]


class StateNotFound(LookupError):
    pass


def _cells(fields: dict[str, Any]) -> dict[str, Any]:
    return {
        key.removesuffix("_id"): (value.isoformat() if isinstance(value, date) else value)
        for key, value in fields.items()
    }


def state_history(code: str) -> dict[str, Any]:
    """Everything recorded about one State, each fact with its source, oldest first."""
    record = load_record()
    resolved = resolve_state(code, record.states_by_code)
    if resolved is None:
        raise StateNotFound(f"unknown State {code!r}: use an ISO alpha-2 or alpha-3 code")
    state = record.states_by_code[resolved]
    treaties = []
    for slug, treaty in sorted(record.treaties.items()):
        row = status_report(treaty=slug, record=record).state(resolved)
        treaties.append({"slug": slug, "short_title": treaty.short_title, **row.to_json()})
    actions = sorted(
        (a for a in record.actions if a.state == resolved), key=lambda a: (a.date, a.treaty)
    )
    declarations = [d for d in record.declarations if d.state == resolved]
    memberships = sorted(
        (m for m in record.memberships if m.state == resolved), key=lambda m: m.organisation
    )
    return {
        "code": state.code,
        "alpha2": state.alpha2,
        "name": state.names["en"],
        "names": dict(state.names),
        "un_status": str(state.un_status),
        "un_regional_group": state.un_regional_group,
        "treaties": treaties,
        "actions": [_cells({**action_fields(a), "key": a.key}) for a in actions],
        "declarations": [_cells(declaration_fields(d)) for d in declarations],
        "memberships": [
            {
                "organisation": m.organisation,
                "joined": m.joined.isoformat() if m.joined else None,
                "left": m.left.isoformat() if m.left else None,
                "source_url": m.source_url,
            }
            for m in memberships
        ],
    }
