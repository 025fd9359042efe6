"""The validated records the engine works on: plain frozen dataclasses, no Django."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from treatywatch.core.dates import add_months, first_day_of_next_month

__all__ = [
    "CONSENT_CLASSES",
    "SIGNATURE_REQUIRED_CLASSES",
    "Action",
    "ActionClass",
    "Cited",
    "Declaration",
    "DeclarationKind",
    "Delay",
    "EntryIntoForceRule",
    "Membership",
    "SourceConflict",
    "State",
    "Treaty",
    "UnStatus",
]


class ActionClass(StrEnum):
    """The normalised kind of a treaty action; the raw act type is kept beside it."""

    SIGNATURE = "signature"
    RATIFICATION = "ratification"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    ACCESSION = "accession"
    SUCCESSION = "succession"
    DEFINITIVE_SIGNATURE = "definitive_signature"
    PROVISIONAL_APPLICATION = "provisional_application"
    WITHDRAWAL_OF_SIGNATURE = "withdrawal_of_signature"
    DENUNCIATION = "denunciation"


CONSENT_CLASSES = frozenset(
    {
        ActionClass.RATIFICATION,
        ActionClass.ACCEPTANCE,
        ActionClass.APPROVAL,
        ActionClass.ACCESSION,
        ActionClass.SUCCESSION,
        ActionClass.DEFINITIVE_SIGNATURE,
    }
)
# Consent that presupposes a signature; accession and succession do not.
SIGNATURE_REQUIRED_CLASSES = frozenset(
    {ActionClass.RATIFICATION, ActionClass.ACCEPTANCE, ActionClass.APPROVAL}
)


class DeclarationKind(StrEnum):
    RESERVATION = "reservation"
    INTERPRETIVE_DECLARATION = "interpretive_declaration"
    ANNEX_OPT_IN = "annex_opt_in"
    CENTRAL_AUTHORITY = "central_authority"
    PROVISIONAL_APPLICATION = "provisional_application"
    OBJECTION = "objection"
    TERRITORIAL_APPLICATION = "territorial_application"
    OTHER = "other"


class UnStatus(StrEnum):
    MEMBER = "member"
    OBSERVER = "observer"
    OTHER = "other"


@dataclass(frozen=True)
class State:
    """An entity that can join a treaty: UN members, UN observer States and entities like Kosovo."""

    code: str
    alpha2: str
    numeric: str
    names: Mapping[str, str]
    un_status: UnStatus
    un_regional_group: str
    source_url: str
    source_date: dt.date
    note: str = ""

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names["en"]


@dataclass(frozen=True)
class Membership:
    state: str
    organisation: str
    joined: dt.date | None
    left: dt.date | None
    source_url: str
    source_date: dt.date
    note: str = ""

    def is_member_on(self, day: dt.date) -> bool:
        """Membership on `day`; an unknown joining date counts as 'member since before'."""
        started = self.joined is None or self.joined <= day
        return started and (self.left is None or self.left > day)


@dataclass(frozen=True)
class Cited:
    """One fact about a treaty, with its source and whether we checked it against the text."""

    value: Any
    source_url: str
    source_date: dt.date
    verified: bool
    note: str = ""


@dataclass(frozen=True)
class Delay:
    """The waiting period of a final clause, e.g. 'first day of the month after three months'."""

    months: int = 0
    days: int = 0
    anchor: str = "first_day_of_following_month"

    def apply(self, deposit: dt.date) -> dt.date:
        period_end = add_months(deposit, self.months) + dt.timedelta(days=self.days)
        if self.anchor == "first_day_of_following_month":
            return first_day_of_next_month(period_end)
        if self.anchor == "end_of_period":
            return period_end
        raise ValueError(f"unknown anchor {self.anchor!r}")

    def describe(self) -> str:
        parts = []
        if self.months:
            parts.append(f"{self.months} month{'s' if self.months != 1 else ''}")
        if self.days:
            parts.append(f"{self.days} day{'s' if self.days != 1 else ''}")
        period = " and ".join(parts) or "no delay"
        if self.anchor == "first_day_of_following_month":
            return f"first day of the month after {period} from deposit"
        return f"{period} after deposit"


@dataclass(frozen=True)
class EntryIntoForceRule:
    threshold: int
    delay: Delay
    later_states: Delay
    verified: bool
    source_url: str
    note: str = ""

    def describe(self) -> str:
        return (
            f"{self.threshold} instruments of consent; in force on the "
            f"{self.delay.describe()} of the last of them; for later States on the "
            f"{self.later_states.describe()}"
        )


@dataclass(frozen=True)
class Treaty:
    slug: str
    title: str
    short_title: str
    entry_into_force: EntryIntoForceRule
    consent_requires_signature: bool
    opened_for_signature: dt.date | None
    facts: Mapping[str, Cited] = field(default_factory=dict)


@dataclass(frozen=True)
class Action:
    """A signature, instrument of consent, provisional application or withdrawal."""

    treaty: str
    state: str
    action_class: ActionClass
    date: dt.date
    source_url: str
    source_date: dt.date
    raw_action: str = ""
    effective_on: dt.date | None = None
    reported_entry_into_force: dt.date | None = None
    place: str = ""
    scope: str = ""
    recorded_on: dt.date | None = None
    retracted_on: dt.date | None = None
    note: str = ""

    @property
    def key(self) -> str:
        return f"{self.treaty}/{self.state}/{self.action_class}/{self.date.isoformat()}"

    @property
    def learnt_on(self) -> dt.date:
        return self.recorded_on or self.source_date

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(self.source_url.split())

    def known_on(self, day: dt.date) -> bool:
        """Whether TreatyWatch knew this fact on `day` (record time)."""
        return self.learnt_on <= day and (self.retracted_on is None or self.retracted_on > day)


@dataclass(frozen=True)
class Declaration:
    treaty: str
    state: str
    kind: DeclarationKind
    summary: str
    source_url: str
    source_date: dt.date
    articles: tuple[str, ...] = ()
    annexes: tuple[str, ...] = ()
    made_on: dt.date | None = None
    made_at: str = "unknown"
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    withdrawn_on: dt.date | None = None
    validity_months: int | None = None
    renewable: bool = False
    target_state: str = ""
    recorded_on: dt.date | None = None
    retracted_on: dt.date | None = None
    note: str = ""

    @property
    def key(self) -> str:
        made = self.made_on.isoformat() if self.made_on else "undated"
        return "/".join(
            (
                self.treaty,
                self.state,
                str(self.kind),
                ";".join(self.articles) or "-",
                ";".join(self.annexes) or "-",
                self.target_state or "-",
                made,
            )
        )

    @property
    def learnt_on(self) -> dt.date:
        return self.recorded_on or self.source_date

    def known_on(self, day: dt.date) -> bool:
        return self.learnt_on <= day and (self.retracted_on is None or self.retracted_on > day)

    @property
    def starts_on(self) -> dt.date | None:
        return self.valid_from or self.made_on

    @property
    def ends_on(self) -> dt.date | None:
        """The last day in effect: valid_until, or the start plus a limited validity period."""
        if self.valid_until is not None:
            return self.valid_until
        if self.validity_months is not None and self.starts_on is not None:
            return add_months(self.starts_on, self.validity_months) - dt.timedelta(days=1)
        return None

    def in_effect_on(self, day: dt.date) -> bool | None:
        """True or False when the dates decide it; None when an unknown date leaves it open.

        A renewable time-limited declaration whose period has run out is None, not False:
        whether it was renewed is a fact the record may not have yet.
        """
        if self.withdrawn_on is not None and self.withdrawn_on <= day:
            return False
        start, end = self.starts_on, self.ends_on
        if end is not None and end < day:
            return None if self.renewable else False
        if start is None:
            return None
        if self.validity_months is not None and end is None:
            return None
        return start <= day


@dataclass(frozen=True)
class SourceConflict:
    subject: str
    claim: str
    source_url: str
    source_date: dt.date
    our_reading: str
