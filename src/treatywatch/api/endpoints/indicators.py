"""/api/indicators, /api/timeline and /api/changes: the pledge's figures and how they moved."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Path, Router
from pydantic import WithJsonSchema

from treatywatch.api.caching import Snapshot, answer
from treatywatch.api.endpoints.common import (
    ERRORS,
    LANGUAGES,
    DenominatorParam,
    LanguageParam,
    TreatyParam,
    require_treaty,
)
from treatywatch.api.errors import ApiError
from treatywatch.api.params import (
    LimitParam,
    OffsetParam,
    Page,
    check_choice,
    check_code,
    choice_query,
    code_query,
    day_query,
    parse_day,
    parse_period,
    period_query,
)
from treatywatch.api.schemas import ChangePage, IndicatorOut, IndicatorsOut, TimelineOut
from treatywatch.config import today
from treatywatch.core.denominators import DENOMINATORS
from treatywatch.core.indicators import INDICATORS, IndicatorValue
from treatywatch.core.records import ActionClass, DeclarationKind
from treatywatch.treaties.queries import changes as change_list
from treatywatch.treaties.queries import indicator_values
from treatywatch.treaties.queries import timeline as timeline_points

router = Router(tags=["indicators"])

AsOf = day_query("Legal date: the figures as they stood that day (default today).")
AsKnownOn = day_query("Record date: use only what TreatyWatch knew that day (default today).")
INDICATOR_CODES = tuple(indicator.code for indicator in INDICATORS)
CHANGE_KINDS = tuple(kind.value for kind in ActionClass) + tuple(
    kind.value for kind in DeclarationKind
)
FirstMonth = period_query("startPeriod", "First month (SDMX period).")
LastMonth = period_query("endPeriod", "Last month (SDMX period).")
EffectFrom = period_query("startPeriod", "Earliest day of effect (SDMX period).")
EffectTo = period_query("endPeriod", "Latest day of effect (SDMX period).")
RecordedAfter = period_query("updatedAfter", "Only changes recorded after this period (SDMX).")
StateCode = code_query("ISO alpha-3 code of one State.")
ChangeKind = choice_query(CHANGE_KINDS, "Kind of change.")
IndicatorCode = Annotated[
    str,
    WithJsonSchema({"type": "string", "enum": list(INDICATOR_CODES)}),
    Path(description="The indicator's code."),
]


def _indicator_json(value: IndicatorValue) -> dict[str, Any]:
    indicator = value.indicator
    return {
        **value.to_json(),
        "definition": indicator.definition,
        "method": indicator.method,
        "limitations": indicator.limitations,
    }


@router.get(
    "/indicators",
    response={200: IndicatorsOut, **ERRORS},
    operation_id="indicators",
    summary="The pledge's five indicators on a date, with the evidence behind each count",
    description=(
        "Signatories, consenting States, events, references in adopted documents and "
        "references in the public domain, each with its definition, method, limitations, the "
        "count, the items still pending review, and the list of what is counted."
    ),
)
def indicators(
    request: HttpRequest,
    as_of: AsOf = None,
    as_known_on: AsKnownOn = None,
    denominator: DenominatorParam = "all",
) -> HttpResponse:
    day, known_on = parse_day(as_of, "as_of"), parse_day(as_known_on, "as_known_on")
    check_choice(denominator, tuple(DENOMINATORS), "denominator")

    def compute(snapshot: Snapshot) -> dict[str, Any]:
        values = indicator_values(day, known_on, denominator, record=snapshot.record)
        return {
            "as_of": (day or today()).isoformat(),
            "as_known_on": (known_on or today()).isoformat(),
            "denominator": denominator,
            "indicators": [_indicator_json(value) for value in values],
        }

    return answer(request, ("indicators", day, known_on, denominator), compute)


@router.get(
    "/indicators/{code}",
    response={200: IndicatorOut, **ERRORS},
    operation_id="indicator",
    summary="One indicator on a date, with its evidence",
    description="`code` is one of: " + ", ".join(INDICATOR_CODES) + ".",
)
def indicator(
    request: HttpRequest,
    code: IndicatorCode,
    as_of: AsOf = None,
    as_known_on: AsKnownOn = None,
    denominator: DenominatorParam = "all",
) -> HttpResponse:
    if code not in INDICATOR_CODES:
        raise ApiError(
            404,
            "unknown_indicator",
            _("No indicator %(code)r; known: %(known)s")
            % {"code": code, "known": ", ".join(INDICATOR_CODES)},
            "code",
        )
    day, known_on = parse_day(as_of, "as_of"), parse_day(as_known_on, "as_known_on")
    check_choice(denominator, tuple(DENOMINATORS), "denominator")

    def compute(snapshot: Snapshot) -> dict[str, Any]:
        values = indicator_values(day, known_on, denominator, record=snapshot.record)
        return next(_indicator_json(value) for value in values if value.indicator.code == code)

    return answer(request, ("indicator", code, day, known_on, denominator), compute)


@router.get(
    "/timeline",
    response={200: TimelineOut, **ERRORS},
    operation_id="timeline",
    summary="Cumulative signatories and consents month by month, per UN regional group",
    description=(
        "One point per month from startPeriod (default: the month the treaty opened for "
        "signature) to endPeriod (default: today). Periods follow SDMX: YYYY, YYYY-MM or "
        "YYYY-MM-DD. A start after the end gives no points."
    ),
)
def timeline(
    request: HttpRequest,
    start_period: FirstMonth = None,
    end_period: LastMonth = None,
    as_known_on: AsKnownOn = None,
    treaty: TreatyParam = "ljubljana-the-hague",
) -> HttpResponse:
    start = parse_period(start_period, "startPeriod")
    end = parse_period(end_period, "endPeriod")
    known_on = parse_day(as_known_on, "as_known_on")

    def compute(snapshot: Snapshot) -> dict[str, Any]:
        require_treaty(snapshot.record, treaty)
        points = timeline_points(
            start.first if start else None,
            end.last if end else None,
            known_on,
            treaty,
            record=snapshot.record,
        )
        return {
            "treaty": treaty,
            "as_known_on": (known_on or today()).isoformat(),
            "points": [point.to_json() for point in points],
        }

    return answer(request, ("timeline", start, end, known_on, treaty), compute)


@router.get(
    "/changes",
    response={200: ChangePage, **ERRORS},
    operation_id="changes",
    summary="The dated log of status changes, newest first",
    description=(
        "Signatures, instruments, provisional application, withdrawals and dated "
        "declarations, each with its source. startPeriod and endPeriod bound the day the "
        "change took effect; updatedAfter keeps the changes TreatyWatch recorded after a day "
        "(SDMX names)."
    ),
)
def changes(
    request: HttpRequest,
    as_of: AsOf = None,
    as_known_on: AsKnownOn = None,
    start_period: EffectFrom = None,
    end_period: EffectTo = None,
    updated_after: RecordedAfter = None,
    state: StateCode = None,
    kind: ChangeKind = None,
    treaty: TreatyParam = "ljubljana-the-hague",
    lang: LanguageParam = "en",
    limit: LimitParam = 50,
    offset: OffsetParam = 0,
) -> HttpResponse:
    day, known_on = parse_day(as_of, "as_of"), parse_day(as_known_on, "as_known_on")
    start = parse_period(start_period, "startPeriod")
    end = parse_period(end_period, "endPeriod")
    after = parse_period(updated_after, "updatedAfter")
    wanted = check_code(state, "state")
    check_choice(kind, CHANGE_KINDS, "kind")
    check_choice(lang, LANGUAGES, "lang")
    page = Page(limit, offset)

    def compute(snapshot: Snapshot) -> dict[str, Any]:
        require_treaty(snapshot.record, treaty)
        log = change_list(known_on, day, treaty, lang, record=snapshot.record)
        log = [
            change
            for change in log
            if (not wanted or change.state == wanted)
            and (not kind or change.kind == kind)
            and (not start or change.on >= start.first)
            and (not end or change.on <= end.last)
            and (not after or change.recorded_on > after.last)
        ]
        first, last = page.slice(len(log))
        return {
            "total": len(log),
            "limit": page.limit,
            "offset": page.offset,
            "treaty": treaty,
            "as_known_on": (known_on or today()).isoformat(),
            "items": [change.to_json() for change in log[first:last]],
        }

    key = ("changes", day, known_on, start, end, after, wanted, kind, treaty, lang, page)
    return answer(request, key, compute)
