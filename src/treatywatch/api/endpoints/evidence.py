"""/api/events and /api/references: the evidence behind indicators 3 to 5, paginated.

Only confirmed items are public; staff with the view permission may list the others.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router
from pydantic import WithJsonSchema

from treatywatch.api.caching import Snapshot, answer
from treatywatch.api.endpoints.common import ERRORS
from treatywatch.api.errors import ApiError
from treatywatch.api.params import (
    LimitParam,
    OffsetParam,
    Page,
    Period,
    check_choice,
    check_code,
    choice_query,
    code_query,
    parse_period,
    period_query,
)
from treatywatch.api.schemas import ErrorOut, EventPage, ReferencePage
from treatywatch.core.evidence import EVENT_KINDS, EVENT_LEVELS, MEASURES, ReferenceKind, Review
from treatywatch.events.models import Event
from treatywatch.references.models import Reference

router = Router(tags=["evidence"])

REVIEWS = tuple(review.value for review in Review)
KINDS = tuple(kind.value for kind in ReferenceKind)
RESPONSES: dict[int, Any] = {**ERRORS, 403: ErrorOut}
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")

ReviewParam = choice_query(
    REVIEWS, "Review state (default confirmed); pending and rejected are for signed-in staff."
)
FromPeriod = period_query("startPeriod", "Earliest day (SDMX period).")
ToPeriod = period_query("endPeriod", "Latest day (SDMX period).")
LevelParam = choice_query(EVENT_LEVELS, "Forum level.")
EventKindParam = choice_query(EVENT_KINDS, "Kind of event (workshop, training, side_event…).")
MeasureParam = choice_query(MEASURES, "Only events that served this action-plan measure.")
KindParam = choice_query(KINDS, "adopted-document (indicator 4) or public-domain (indicator 5).")
StateParam = code_query("ISO alpha-3 code of a State involved.")
CountryParam = code_query("ISO alpha-3 code of the State the reference comes from.")
LanguageCode = Annotated[
    str | None,
    WithJsonSchema({"type": "string", "pattern": "^[a-z]{2,3}$", "example": "fr"}),
    Query(None, description="ISO 639 code of the reference's language, e.g. fr."),
]


def _review(request: HttpRequest, review: str | None, permission: str) -> str:
    """The review state asked for; 403 when someone outside staff asks for unpublished items."""
    wanted = check_choice(review, REVIEWS, "review") or Review.CONFIRMED.value
    if wanted != Review.CONFIRMED and not (
        request.user.is_authenticated and request.user.has_perm(permission)
    ):
        raise ApiError(
            403,
            "forbidden",
            _("Only signed-in staff may list items that are not confirmed."),
            "review",
        )
    return wanted


def _in_period(rows: QuerySet[Any], start: Period | None, end: Period | None) -> QuerySet[Any]:
    if start:
        rows = rows.filter(counted_from__gte=start.first)
    if end:
        rows = rows.filter(counted_from__lte=end.last)
    return rows


def _page(rows: QuerySet[Any], page: Page) -> tuple[int, list[Any]]:
    total = rows.count()
    first, last = page.slice(total)
    return total, list(rows[first:last]) if last > first else []


def _event_json(event: Event) -> dict[str, Any]:
    return {
        "slug": event.slug,
        "title": event.title,
        "starts_on": event.starts_on.isoformat() if event.starts_on else None,
        "ends_on": event.ends_on.isoformat() if event.ends_on else None,
        "level": event.level,
        "kind": event.kind,
        "forum": event.forum,
        "organisers": event.organisers,
        "place": event.place,
        "online": event.online,
        "audiences": list(event.audiences),
        "states": sorted(state.code for state in event.states.all()),
        "measures": list(event.measures),
        "materials": event.materials,
        "source_url": event.source_url,
        "source_date": event.source_date.isoformat(),
        "note": event.note,
        "review": event.review,
    }


@router.get(
    "/events",
    response={200: EventPage, **RESPONSES},
    operation_id="events",
    summary="Events about the Convention (indicator 3), newest first",
    description=(
        "Each event with its forum, audiences, States involved and source. startPeriod and "
        "endPeriod bound the day it started (or, when that is unknown, the day we read about it)."
    ),
)
def events(
    request: HttpRequest,
    review: ReviewParam = None,
    level: LevelParam = None,
    kind: EventKindParam = None,
    measure: MeasureParam = None,
    state: StateParam = None,
    start_period: FromPeriod = None,
    end_period: ToPeriod = None,
    limit: LimitParam = 50,
    offset: OffsetParam = 0,
) -> HttpResponse:
    wanted = _review(request, review, "events.view_event")
    check_choice(level, EVENT_LEVELS, "level")
    check_choice(kind, EVENT_KINDS, "kind")
    check_choice(measure, MEASURES, "measure")
    code = check_code(state, "state")
    start = parse_period(start_period, "startPeriod")
    end = parse_period(end_period, "endPeriod")
    page = Page(limit, offset)

    def compute(snapshot: Snapshot) -> dict[str, Any]:
        rows = Event.objects.filter(review=wanted).annotate(
            counted_from=Coalesce("starts_on", "source_date")
        )
        if level:
            rows = rows.filter(level=level)
        if kind:
            rows = rows.filter(kind=kind)
        if measure:
            # The measures are a JSON list of fixed words: match the quoted word in its text.
            rows = rows.filter(measures__icontains=f'"{measure}"')
        if code:
            rows = rows.filter(states=code)
        rows = _in_period(rows, start, end).order_by(F("counted_from").desc(), "slug")
        total, items = _page(rows.prefetch_related("states"), page)
        return {
            "total": total,
            "limit": page.limit,
            "offset": page.offset,
            "items": [_event_json(event) for event in items],
        }

    key = ("events", wanted, level, kind, measure, code, start, end, page)
    return answer(request, key, compute)


def _reference_json(reference: Reference) -> dict[str, Any]:
    return {
        "url": reference.url,
        "title": reference.title,
        "published_on": reference.published_on.isoformat() if reference.published_on else None,
        "kind": reference.kind,
        "language": reference.language,
        "forum": reference.forum,
        "publisher": reference.publisher,
        "country": reference.country_id,
        "summary": reference.summary,
        "source_date": reference.source_date.isoformat(),
        "note": reference.note,
        "cluster": reference.cluster,
        "review": reference.review,
    }


@router.get(
    "/references",
    response={200: ReferencePage, **RESPONSES},
    operation_id="references",
    summary="References to the Convention (indicators 4 and 5), newest first",
    description=(
        "Each reference with its kind, language, publisher and our summary. startPeriod and "
        "endPeriod bound the publication day (or, when that is unknown, the day we read it). "
        "Copies of one text share a cluster and count once in the indicators."
    ),
)
def references(
    request: HttpRequest,
    kind: KindParam = None,
    review: ReviewParam = None,
    language: LanguageCode = None,
    country: CountryParam = None,
    start_period: FromPeriod = None,
    end_period: ToPeriod = None,
    limit: LimitParam = 50,
    offset: OffsetParam = 0,
) -> HttpResponse:
    wanted = _review(request, review, "references.view_reference")
    check_choice(kind, KINDS, "kind")
    if language is not None and not _LANGUAGE.match(language):
        raise ApiError(
            400,
            "invalid_parameter",
            _("language: %(value)r is not an ISO 639 code such as fr") % {"value": language},
            "language",
        )
    code = check_code(country, "country")
    start = parse_period(start_period, "startPeriod")
    end = parse_period(end_period, "endPeriod")
    page = Page(limit, offset)

    def compute(snapshot: Snapshot) -> dict[str, Any]:
        rows = Reference.objects.filter(review=wanted).annotate(
            counted_from=Coalesce("published_on", "source_date")
        )
        if kind:
            rows = rows.filter(kind=kind)
        if language:
            rows = rows.filter(language=language)
        if code:
            rows = rows.filter(country=code)
        rows = _in_period(rows, start, end).order_by(F("counted_from").desc(), "url")
        total, items = _page(rows, page)
        return {
            "total": total,
            "limit": page.limit,
            "offset": page.offset,
            "items": [_reference_json(reference) for reference in items],
        }

    key = ("references", wanted, kind, language, code, start, end, page)
    return answer(request, key, compute)
