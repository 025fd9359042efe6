"""Entry into force, computed from the rule in the final clauses and the deposits made."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from treatywatch.core.records import CONSENT_CLASSES, Action, ActionClass, EntryIntoForceRule

__all__ = ["Deposit", "EntryIntoForce", "compute_entry_into_force", "consent_deposits"]


@dataclass(frozen=True)
class Deposit:
    state: str
    deposited_on: date
    action: Action


@dataclass(frozen=True)
class EntryIntoForce:
    """The treaty's entry into force and each consenting State's own date."""

    treaty_date: date | None
    triggering_deposit: Deposit | None
    for_state: dict[str, date]


def consent_deposits(actions: Iterable[Action], up_to: date) -> list[Deposit]:
    """Each State's standing instrument of consent deposited on or before `up_to`, oldest first.

    A State that denounced with effect on or before `up_to` has no standing instrument,
    unless it deposited a new one afterwards.
    """
    latest: dict[str, Deposit] = {}
    for action in sorted(actions, key=_chronological):
        if action.date > up_to:
            continue
        if action.action_class in CONSENT_CLASSES and action.state not in latest:
            latest[action.state] = Deposit(action.state, action.date, action)
        elif (
            action.action_class is ActionClass.DENUNCIATION
            and action.effective_on is not None
            and action.effective_on <= up_to
        ):
            latest.pop(action.state, None)
    return sorted(latest.values(), key=lambda deposit: (deposit.deposited_on, deposit.state))


def compute_entry_into_force(
    rule: EntryIntoForceRule, actions: Iterable[Action], up_to: date
) -> EntryIntoForce:
    """Entry into force from the deposits made on or before `up_to`.

    The dates returned may lie after `up_to`: a deposit made by then can fix a later date.
    """
    deposits = consent_deposits(actions, up_to)
    if len(deposits) < rule.threshold:
        return EntryIntoForce(None, None, {})
    trigger = deposits[rule.threshold - 1]
    treaty_date = rule.delay.apply(trigger.deposited_on)
    for_state = {}
    for deposit in deposits:
        if deposit.deposited_on <= trigger.deposited_on:
            for_state[deposit.state] = treaty_date
        else:
            for_state[deposit.state] = max(
                treaty_date, rule.later_states.apply(deposit.deposited_on)
            )
    return EntryIntoForce(treaty_date, trigger, for_state)


def _chronological(action: Action) -> tuple[date, int]:
    # On one day a denunciation is read after a deposit, so the day's net effect is the exit.
    return (action.date, 1 if action.action_class is ActionClass.DENUNCIATION else 0)
