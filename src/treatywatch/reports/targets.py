"""The target list over the database record: gathers the inputs, the core does the scoring."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from treatywatch.core.evidence import Review
from treatywatch.core.status import Status
from treatywatch.core.targets import (
    Target,
    TargetInputs,
    TargetWeights,
    compute_targets,
    load_weights,
)
from treatywatch.events.models import Event
from treatywatch.outreach.services import outreach_records
from treatywatch.references.models import Reference
from treatywatch.treaties.filters import members_on
from treatywatch.treaties.queries import status_report
from treatywatch.treaties.repository import Record, load_record

__all__ = ["target_inputs", "targets"]


def target_inputs(
    as_of: date, weights: TargetWeights, language: str = "en", record: Record | None = None
) -> TargetInputs:
    """What the score reads on `as_of`: statuses, Rome Statute parties, pledges, signals."""
    record = record or load_record()
    convention = status_report(as_of=as_of, language=language, record=record)
    rome = status_report(as_of=as_of, treaty="rome-statute", record=record)
    rome_parties = {
        state.code for state in rome.states if state.status in (Status.CONSENTED, Status.IN_FORCE)
    }
    participants: set[str] = set()
    if weights.conference_event:
        conference = Event.objects.filter(
            slug=weights.conference_event, review=Review.CONFIRMED.value
        ).first()
        if conference is not None:
            participants = set(conference.states.values_list("code", flat=True))
    pledged: set[str] = set()
    for pledge in weights.pledges:
        if pledge.members_on <= as_of:
            pledged |= members_on(record, pledge.organisation, pledge.members_on)
    signals: dict[str, list[date]] = defaultdict(list)
    for event in Event.objects.filter(review=Review.CONFIRMED.value).prefetch_related("states"):
        day = event.starts_on or event.source_date
        for state in event.states.all():
            signals[state.code].append(day)
    for country, published_on, source_date in Reference.objects.filter(
        review=Review.CONFIRMED.value, country__isnull=False
    ).values_list("country_id", "published_on", "source_date"):
        signals[country].append(published_on or source_date)
    return TargetInputs(
        as_of=as_of,
        statuses=convention.states,
        regions={state.code: state.un_regional_group for state in record.states},
        rome_parties=frozenset(rome_parties),
        conference_participants=frozenset(participants),
        pledged=frozenset(pledged),
        signals=dict(signals),
        outreach=outreach_records(end=as_of),
    )


def targets(
    as_of: date, language: str = "en", weights: TargetWeights | None = None
) -> list[Target]:
    """Every State's next step and priority score on `as_of`, highest first."""
    weights = weights or load_weights()
    return compute_targets(target_inputs(as_of, weights, language), weights)
