"""Response shapes, as the OpenAPI schema documents them.

The status shapes mirror `StatusReport.to_json()` key for key, so that the API and
`treatywatch status --format json` stay the same document (a test compares them).
"""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema

__all__ = [
    "ActionOut",
    "ChangeOut",
    "ChangePage",
    "DeclarationOut",
    "ErrorOut",
    "EventOut",
    "EventPage",
    "IndicatorOut",
    "MembershipOut",
    "ReferenceOut",
    "ReferencePage",
    "StateDetailOut",
    "StatePage",
    "StateStatusOut",
    "StatusOut",
    "TimelineOut",
]


class ErrorDetail(Schema):
    code: str = Field(description="Stable machine-readable code, e.g. invalid_parameter.")
    message: str = Field(description="What went wrong, in words.")
    field: str | None = Field(description="The parameter at fault, when there is one.")


class ErrorOut(Schema):
    error: ErrorDetail


class Paged(Schema):
    total: int = Field(description="How many items match, across all pages.")
    limit: int
    offset: int


class StateStatusOut(Schema):
    code: str = Field(description="ISO 3166-1 alpha-3 code (XKX for Kosovo).")
    name: str
    status: str = Field(description="none, signed, consented, in_force or withdrawn.")
    signed: date | None
    consented: date | None
    consent_type: str | None
    in_force: date | None
    in_force_basis: str | None = Field(description="computed by the rule, or reported.")
    withdrawn: date | None
    withdrawal_type: str | None
    provisional_application: list[str]
    sources: list[str]


class TreatyOut(Schema):
    slug: str
    title: str
    short_title: str
    entry_into_force_rule: str
    entry_into_force_rule_verified: bool


class DenominatorOut(Schema):
    name: str
    label: str
    size: int


class StatusOut(Schema):
    as_of: date
    as_known_on: date
    treaty: TreatyOut
    signatories: int
    consenting: int
    in_force_for: int
    treaty_in_force: bool
    entry_into_force: date | None
    entry_into_force_basis: str | None
    denominator: DenominatorOut
    warnings: list[str]
    states: list[StateStatusOut]


class StateListItem(StateStatusOut):
    alpha2: str
    un_status: str = Field(description="member, observer or other.")
    un_regional_group: str


class StatePage(Paged):
    as_of: date
    as_known_on: date
    treaty: str
    items: list[StateListItem]


class TreatyStatusOut(StateStatusOut):
    slug: str
    short_title: str


class ActionOut(Schema):
    key: str
    treaty: str
    state: str
    action_class: str
    raw_action: str
    date: date
    effective_on: date | None
    reported_entry_into_force: date | None
    place: str
    scope: str
    recorded_on: date | None
    retracted_on: date | None
    source_url: str
    source_date: date
    note: str


class DeclarationOut(Schema):
    treaty: str
    state: str
    kind: str
    articles: str
    annexes: str
    made_on: date | None
    made_at: str
    valid_from: date | None
    valid_until: date | None
    withdrawn_on: date | None
    target_state: str | None
    summary: str
    recorded_on: date | None
    retracted_on: date | None
    source_url: str
    source_date: date
    note: str


class MembershipOut(Schema):
    organisation: str
    joined: date | None
    left: date | None
    source_url: str


class StateDetailOut(Schema):
    code: str
    alpha2: str
    name: str
    names: dict[str, str]
    un_status: str
    un_regional_group: str
    treaties: list[TreatyStatusOut]
    actions: list[ActionOut]
    declarations: list[DeclarationOut]
    memberships: list[MembershipOut]
    events: list[str] = Field(description="Slugs of the confirmed events that involve the State.")
    references: list[str] = Field(description="URLs of confirmed references from the State.")


class IndicatorOut(Schema):
    code: str
    number: int
    title: str
    definition: str
    method: str
    limitations: str
    as_of: date
    value: int = Field(description="The count (duplicate references count once).")
    raw_value: int = Field(description="Confirmed items before duplicates are merged.")
    pending: int = Field(description="Items still waiting for a reviewer.")
    evidence: list[str] = Field(
        description="What is counted: State codes, event slugs or reference URLs."
    )


class IndicatorsOut(Schema):
    as_of: date
    as_known_on: date
    denominator: str
    indicators: list[IndicatorOut]


class TimelinePoint(Schema):
    month: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}$")
    signatories: int
    consenting: int
    signatories_by_region: dict[str, int]
    consenting_by_region: dict[str, int]


class TimelineOut(Schema):
    treaty: str
    as_known_on: date
    points: list[TimelinePoint]


class ChangeOut(Schema):
    date: date
    state: str
    kind: str
    summary: str
    source_url: str
    recorded_on: date
    key: str


class ChangePage(Paged):
    treaty: str
    as_known_on: date
    items: list[ChangeOut]


class Audience(Schema):
    role: str
    count: int | None


class EventOut(Schema):
    slug: str
    title: str
    starts_on: date | None
    ends_on: date | None
    level: str
    forum: str
    organisers: str
    place: str
    online: bool | None
    audiences: list[Audience]
    states: list[str]
    measures: list[str]
    materials: str
    source_url: str
    source_date: date
    note: str
    review: str


class EventPage(Paged):
    items: list[EventOut]


class ReferenceOut(Schema):
    url: str
    title: str
    published_on: date | None
    kind: str
    language: str
    forum: str
    publisher: str
    country: str | None
    summary: str
    source_date: date
    note: str
    cluster: str
    review: str


class ReferencePage(Paged):
    items: list[ReferenceOut]
