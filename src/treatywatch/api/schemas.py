"""Response shapes, as the OpenAPI schema documents them.

The status shapes mirror `StatusReport.to_json()` key for key, so that the API and
`treatywatch status --format json` stay the same document (a test compares them).
"""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema

__all__ = [
    "ActionOut",
    "ArticleOut",
    "AttentionOut",
    "CentralAuthorityOut",
    "ChangeOut",
    "ChangePage",
    "ChecklistOut",
    "ConsentImpactOut",
    "CrimeOut",
    "DeclarationOut",
    "ErrorOut",
    "EventOut",
    "EventPage",
    "FactorOut",
    "FollowUpOut",
    "FollowUpPage",
    "IndicatorOut",
    "MembershipOut",
    "NetworkOut",
    "OutlookOut",
    "OutreachOut",
    "OutreachPage",
    "ReasonOut",
    "ReferenceOut",
    "ReferencePage",
    "RelationOut",
    "SideOut",
    "StateDetailOut",
    "StatePage",
    "StateStatusOut",
    "StatusOut",
    "TargetOut",
    "TargetPage",
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
    kind: str = Field(description="conference, meeting, side_event, workshop, training… or empty.")
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


class ReasonOut(Schema):
    code: str = Field(description="Stable reason code (docs/relations.md lists them).")
    text: str
    source: str | None = Field(description="Source URLs separated by spaces; null if none.")


class ArticleOut(Schema):
    reference: str = Field(description="Art. 5, Part III, Annex H…")
    number: int | None
    part: int | None
    topic: str
    role: str = Field(description="cooperation (governs the kind) or crime.")
    verified: bool
    source: str
    note: str


class CentralAuthorityOut(Schema):
    state: str
    summary: str
    source: str
    in_effect: bool | None


class SideOut(Schema):
    code: str
    name: str
    status: str
    bound: str = Field(description="yes, uncertain or no, for this kind of cooperation.")
    in_force: date | None
    in_force_basis: str | None
    provisional_application: list[str]
    annex_opt_in: str


class CrimeOut(Schema):
    key: str
    label: str
    kind: str = Field(description="core or annex.")
    annexes: list[str | None]


class ChecklistSourceOut(Schema):
    title: str
    url: str
    read_on: date


class ChecklistItemOut(Schema):
    id: str
    kind: str = Field(description="content or refusal.")
    text: str
    article: str | None
    basis: str = Field(description="convention, or general_practice (unverified here).")
    verified: bool
    sources: list[ChecklistSourceOut]
    note: str


class ChecklistOut(Schema):
    cooperation: str
    contents: list[ChecklistItemOut]
    refusal_grounds: list[ChecklistItemOut]


class RelationOut(Schema):
    applicable: str = Field(description="yes, no or uncertain.")
    reasons: list[ReasonOut]
    articles: list[ArticleOut]
    central_authorities: list[CentralAuthorityOut]
    requesting: SideOut
    requested: SideOut
    crime: CrimeOut
    cooperation: str
    date: date
    as_known_on: date
    checklist: ChecklistOut | None = Field(
        None, description="Only with checklist=true: contents and refusal grounds."
    )


class NetworkIndicatorOut(Schema):
    code: str
    label: str
    unit: str
    definition: str
    method: str


class NetworkSizeOut(Schema):
    yes: int = Field(description="Pairs between which the Convention applies.")
    uncertain: int = Field(description="Pairs whose answer rests on unverified rules or dates.")
    states_bound: int
    states_possibly_bound: int


class NetworkPairsOut(Schema):
    yes: list[list[str]]
    uncertain: list[list[str]]


class NetworkPointOut(Schema):
    date: date
    yes: int
    uncertain: int
    states_bound: int
    states_possibly_bound: int


class ConsentImpactOut(Schema):
    code: str
    name: str
    status: str
    new_pairs: int = Field(description="Pairs one more consent by this State would open.")
    triggers_entry_into_force: bool


class NetworkOut(Schema):
    indicator: NetworkIndicatorOut
    date: date
    as_known_on: date
    crime: CrimeOut
    cooperation: str
    rule_verified: bool
    size: NetworkSizeOut
    pairs: NetworkPairsOut
    series: list[NetworkPointOut]
    impacts: list[ConsentImpactOut]


class FactorOut(Schema):
    name: str
    value: float
    weight: float
    contribution: int = Field(description="value × weight, rounded to a whole point.")


class TargetOut(Schema):
    code: str
    name: str
    region: str
    status: str
    next_step: str = Field(description="sign, ratify, encourage_others or use_convention.")
    score: int = Field(description="The sum of the factors' contributions.")
    factors: list[FactorOut]


class FactorDefinitionOut(Schema):
    name: str
    label: str
    weight: float
    why: str
    cap: int | None
    window_months: int | None


class TargetPage(Paged):
    as_of: date
    stage_weights: dict[str, float]
    factor_definitions: list[FactorDefinitionOut]
    items: list[TargetOut]


class DepositOut(Schema):
    state: str
    on: date


class ProjectionOut(Schema):
    scenario: str = Field(description="pace, or deposit:CODES@DATE.")
    threshold: int
    threshold_source: str
    deposits_recorded: int
    assumed_deposits: list[DepositOut]
    entry_into_force: date | None = Field(description="null: not reached (or not in sight).")
    explanation: str


class OutlookOut(Schema):
    as_of: date
    rule: str
    rule_verified: bool
    window_months: int
    deposits_in_window: int
    pace_per_month: float
    deposits_recorded: list[DepositOut]
    signatories_without_consent: list[str]
    projections: list[ProjectionOut]
    warnings: list[str]


class AttentionRowOut(Schema):
    month: str | None = Field(None, pattern=r"^[0-9]{4}-[0-9]{2}$")
    language: str | None = Field(None, description="ISO 639 code; empty when unknown.")
    country: str | None = Field(None, description="ISO alpha-3 code; empty when unknown.")
    confirmed: int
    pending: int
    confirmed_stories: int = Field(description="Confirmed references, duplicate clusters once.")
    pending_stories: int
    documents_read: int = Field(description="Documents the monitor read in the same group.")
    per_10k: float | None = Field(description="References per 10,000 documents; null: no coverage.")
    covered: bool = Field(description="false: nothing was read (a gap, not zero attention).")


class AttentionOut(Schema):
    start: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}$")
    end: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}$")
    kind: str | None
    documents_read: int
    references_found: int
    months_without_coverage: list[str]
    months: list[AttentionRowOut]
    languages: list[AttentionRowOut]
    countries: list[AttentionRowOut]


class OutreachOut(Schema):
    key: str
    on: date | None
    actor_state: str | None
    actor_organisation: str | None
    target: str
    channel: str
    forum: str
    measure: str | None
    summary: str
    outcome: str
    outcome_note: str
    follow_up_on: date | None
    follow_up_done_on: date | None
    public: bool
    source_url: list[str]
    note: str


class OutreachPage(Paged):
    items: list[OutreachOut]


class FollowUpOut(OutreachOut):
    due_on: date
    days_late: int = Field(description="Days past the due date; negative while still ahead.")
    overdue: bool


class FollowUpPage(Schema):
    today: date
    within: int
    items: list[FollowUpOut]
