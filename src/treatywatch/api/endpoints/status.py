"""/api/status, /api/states and /api/states/{code}: where States stand, on any date."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Path, Router

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
    choice_query,
    day_query,
    parse_day,
)
from treatywatch.api.schemas import StateDetailOut, StatePage, StatusOut
from treatywatch.config import today
from treatywatch.core.dataset import REGIONAL_GROUPS
from treatywatch.core.denominators import DENOMINATORS
from treatywatch.core.evidence import Review
from treatywatch.core.status import Status
from treatywatch.treaties.filters import GROUPS, filter_states
from treatywatch.treaties.history import StateNotFound, state_history
from treatywatch.treaties.queries import status_report

router = Router(tags=["status"])

AsOf = day_query("Legal date: the status as it stood that day (default today).")
AsKnownOn = day_query(
    "Record date: use only what TreatyWatch knew that day, to reproduce a past report "
    "(default today)."
)
STATUSES = tuple(status.value for status in Status)
Region = choice_query(REGIONAL_GROUPS, "UN regional group.")
Group = choice_query(
    GROUPS, "Organisation the State belonged to on as_of; ROME means Rome Statute parties."
)
StatusFilter = choice_query(STATUSES, "Status with the treaty on as_of.")
StateCode = Annotated[
    str,
    Path(
        description="ISO 3166-1 alpha-3 or alpha-2 code, in any case (XKX or XK for Kosovo).",
        pattern="^[A-Za-z]{2,3}$",
        example="LVA",
    ),
]


@router.get(
    "/status",
    response={200: StatusOut, **ERRORS},
    operation_id="status",
    summary="Every State's status with a treaty on a date",
    description=(
        "The same document as `treatywatch status --format json`: counts (signatories, "
        "consenting, in force), the entry-into-force rule and whether it is verified, "
        "warnings, and every State counted by the denominator with its dates and sources."
    ),
)
def status(
    request: HttpRequest,
    as_of: AsOf = None,
    as_known_on: AsKnownOn = None,
    denominator: DenominatorParam = "all",
    treaty: TreatyParam = "ljubljana-the-hague",
) -> HttpResponse:
    day, known_on = parse_day(as_of, "as_of"), parse_day(as_known_on, "as_known_on")
    check_choice(denominator, tuple(DENOMINATORS), "denominator")

    def compute(snapshot: Snapshot) -> dict[str, Any]:
        require_treaty(snapshot.record, treaty)
        return status_report(day, known_on, denominator, treaty, record=snapshot.record).to_json()

    return answer(request, ("status", day, known_on, denominator, treaty), compute)


@router.get(
    "/states",
    response={200: StatePage, **ERRORS},
    operation_id="states",
    summary="States with their status, filtered and paginated",
    description=(
        "States counted by the denominator, in name order, each with its status on as_of; "
        "filter by UN regional group, organisation and status."
    ),
)
def states(
    request: HttpRequest,
    as_of: AsOf = None,
    as_known_on: AsKnownOn = None,
    region: Region = None,
    group: Group = None,
    status: StatusFilter = None,
    denominator: DenominatorParam = "all",
    treaty: TreatyParam = "ljubljana-the-hague",
    lang: LanguageParam = "en",
    limit: LimitParam = 50,
    offset: OffsetParam = 0,
) -> HttpResponse:
    day, known_on = parse_day(as_of, "as_of"), parse_day(as_known_on, "as_known_on")
    check_choice(region, REGIONAL_GROUPS, "region")
    check_choice(group, GROUPS, "group")
    check_choice(status, STATUSES, "status")
    check_choice(denominator, tuple(DENOMINATORS), "denominator")
    check_choice(lang, LANGUAGES, "lang")
    page = Page(limit, offset)

    def compute(snapshot: Snapshot) -> dict[str, Any]:
        record = snapshot.record
        require_treaty(record, treaty)
        report = status_report(day, known_on, denominator, treaty, lang, record)
        rows = filter_states(
            record, report, region=region, group=group, status=status, day=report.as_of
        )
        states_by_code = record.states_by_code
        start, end = page.slice(len(rows))
        items = []
        for row, regional_group in rows[start:end]:
            state = states_by_code[row.code]
            items.append(
                {
                    **row.to_json(),
                    "alpha2": state.alpha2,
                    "un_status": str(state.un_status),
                    "un_regional_group": regional_group,
                }
            )
        return {
            "total": len(rows),
            "limit": page.limit,
            "offset": page.offset,
            "as_of": report.as_of.isoformat(),
            "as_known_on": report.as_known_on.isoformat(),
            "treaty": treaty,
            "items": items,
        }

    key = ("states", day, known_on, region, group, status, denominator, treaty, lang, page)
    return answer(request, key, compute)


@router.get(
    "/states/{code}",
    response={200: StateDetailOut, **ERRORS},
    operation_id="state",
    summary="One State's history with every treaty, with sources",
    description=(
        "Status today with each treaty in the record, every action and declaration with its "
        "source, organisation memberships, and the confirmed events and references that "
        "involve the State. `code` is an ISO alpha-3 or alpha-2 code, in any case."
    ),
)
def state(request: HttpRequest, code: StateCode) -> HttpResponse:
    from treatywatch.events.models import Event
    from treatywatch.references.models import Reference

    def compute(snapshot: Snapshot) -> dict[str, Any]:
        try:
            history = state_history(code)
        except StateNotFound:
            raise ApiError(
                404,
                "unknown_state",
                _("No State with the code %(code)r: use an ISO alpha-3 or alpha-2 code")
                % {"code": code},
                "code",
            ) from None
        history["events"] = list(
            Event.objects.filter(states=history["code"], review=Review.CONFIRMED)
            .order_by("starts_on", "slug")
            .values_list("slug", flat=True)
        )
        history["references"] = list(
            Reference.objects.filter(country=history["code"], review=Review.CONFIRMED)
            .order_by("published_on", "url")
            .values_list("url", flat=True)
        )
        return history

    return answer(request, ("state", code.strip().upper(), today()), compute)
