"""Who counts as a State: the named denominators every count states."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from treatywatch.core.records import State, UnStatus

__all__ = ["DEFAULT_DENOMINATOR", "DENOMINATORS", "Denominator", "denominator"]


@dataclass(frozen=True)
class Denominator:
    name: str
    label: str
    statuses: frozenset[UnStatus]
    size: int = 0

    def includes(self, state: State) -> bool:
        return state.un_status in self.statuses

    def sized(self, states: list[State]) -> Denominator:
        """The same denominator with its size counted over `states`."""
        size = sum(1 for state in states if self.includes(state))
        return Denominator(self.name, self.label, self.statuses, size)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "label": self.label, "size": self.size}


DENOMINATORS = {
    denominator.name: denominator
    for denominator in (
        Denominator(
            "all",
            "All entities listed: UN members, UN observer States and entities whose signature "
            "or instrument a depositary accepted (Kosovo, the Cook Islands, Niue)",
            frozenset(UnStatus),
        ),
        Denominator(
            "un-members-observers",
            "UN member States and the two UN observer States",
            frozenset({UnStatus.MEMBER, UnStatus.OBSERVER}),
        ),
        Denominator("un-members", "UN member States", frozenset({UnStatus.MEMBER})),
    )
}
DEFAULT_DENOMINATOR = "all"


def denominator(name: str, states: list[State]) -> Denominator:
    """The named denominator, sized over `states`; KeyError names the choices."""
    try:
        chosen = DENOMINATORS[name]
    except KeyError:
        choices = ", ".join(DENOMINATORS)
        raise KeyError(f"unknown denominator {name!r}; choose one of: {choices}") from None
    return chosen.sized(states)
