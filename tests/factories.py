"""Small handmade records for tests: a few States and treaties with known rules."""

from __future__ import annotations

from datetime import date

from treatywatch.core.records import (
    Action,
    ActionClass,
    Delay,
    EntryIntoForceRule,
    State,
    Treaty,
    UnStatus,
)

SOURCE = "https://example.org/depositary"
READ_ON = date(2026, 1, 1)
THREE_MONTHS = Delay(months=3)


def make_state(code: str, un_status: UnStatus = UnStatus.MEMBER) -> State:
    return State(
        code=code,
        alpha2=code[:2],
        numeric="",
        names={"en": f"State {code}", "fr": f"État {code}", "es": f"Estado {code}"},
        un_status=un_status,
        un_regional_group="none",
        source_url=SOURCE,
        source_date=READ_ON,
    )


def make_treaty(
    threshold: int = 3,
    delay: Delay = THREE_MONTHS,
    later: Delay = THREE_MONTHS,
    verified: bool = True,
    opened: date | None = date(2024, 2, 14),
) -> Treaty:
    rule = EntryIntoForceRule(threshold, delay, later, verified, SOURCE)
    return Treaty("test-treaty", "Test Treaty", "Test", rule, True, opened)


def make_action(
    state: str,
    action_class: ActionClass,
    day: date,
    *,
    recorded_on: date | None = None,
    retracted_on: date | None = None,
    effective_on: date | None = None,
    reported: date | None = None,
    scope: str = "",
    treaty: str = "test-treaty",
) -> Action:
    return Action(
        treaty=treaty,
        state=state,
        action_class=action_class,
        date=day,
        source_url=f"{SOURCE}/{state}",
        source_date=recorded_on or READ_ON,
        recorded_on=recorded_on,
        retracted_on=retracted_on,
        effective_on=effective_on,
        reported_entry_into_force=reported,
        scope=scope,
    )
