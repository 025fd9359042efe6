"""/api/attention (public) and /api/outreach (signed-in staff only).

Attention is the monitor's references beside the documents it read; outreach is the log of
contacts with States, internal by default, so it is never cached for the public.
"""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router

from treatywatch.api.caching import Snapshot, answer, encode, json_response
from treatywatch.api.endpoints.common import ERRORS
from treatywatch.api.errors import ApiError
from treatywatch.api.params import (
    LimitParam,
    OffsetParam,
    Page,
    check_choice,
    check_code,
    choice_query,
    code_query,
    parse_period,
    period_query,
)
from treatywatch.api.schemas import AttentionOut, ErrorOut, FollowUpPage, OutreachPage
from treatywatch.config import today
from treatywatch.core.evidence import ReferenceKind
from treatywatch.treaties.queries import CONVENTION

router = Router(tags=["monitor and outreach"])

KINDS = tuple(kind.value for kind in ReferenceKind)
FromPeriod = period_query("startPeriod", "First month (SDMX period; default the opening).")
ToPeriod = period_query("endPeriod", "Last month (SDMX period; default this month).")
KindParam = choice_query(KINDS, "adopted-document (indicator 4) or public-domain (indicator 5).")
STAFF_RESPONSES: dict[int, Any] = {**ERRORS, 403: ErrorOut}
OUTREACH_PERMISSION = "outreach.view_outreachcontact"


@router.get(
    "/attention",
    response={200: AttentionOut, **ERRORS},
    operation_id="attention",
    summary="References found by the monitor beside the documents it read, month by month",
    description=(
        "Counts per publication month, per language and per publisher's country of the "
        "references the monitor found (confirmed and pending, raw and as stories, duplicate "
        "clusters once), each beside the number of documents the monitor read in the same "
        "group, and their ratio per 10,000 documents. A month in which nothing was read has "
        "`covered: false` and `per_10k: null`: a gap in coverage, not zero attention. "
        "References from the bundled dataset are not counted here: nothing was read to find "
        "them."
    ),
)
def attention(
    request: HttpRequest,
    start_period: FromPeriod = None,
    end_period: ToPeriod = None,
    kind: KindParam = None,
) -> HttpResponse:
    from treatywatch.monitor.attention_summary import attention_summary

    start = parse_period(start_period, "startPeriod")
    end = parse_period(end_period, "endPeriod")
    check_choice(kind, KINDS, "kind")

    def compute(snapshot: Snapshot) -> dict[str, Any]:
        opened = snapshot.record.treaties[CONVENTION].opened_for_signature
        last = end.last if end else today()
        first = start.first if start else (opened or last)
        # A period that ends before it starts holds no month (as the other lists answer it).
        return attention_summary(first, last, kind).to_json()

    return answer(request, ("attention", start, end, kind), compute)


def _staff_only(request: HttpRequest) -> None:
    if not (request.user.is_authenticated and request.user.has_perm(OUTREACH_PERMISSION)):
        raise ApiError(
            403,
            "forbidden",
            _("The outreach log is internal: only signed-in staff may read it."),
            None,
        )


def _private(request: HttpRequest, payload: Any) -> HttpResponse:
    response = json_response(request, encode(payload))
    # Internal data: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response


ContactsFrom = period_query("startPeriod", "Earliest contact day (SDMX period).")
ContactsTo = period_query("endPeriod", "Latest contact day (SDMX period).")
StateParam = code_query("ISO alpha-3 code of the acting or approached State.")
WithinParam = Annotated[
    int,
    Query(14, ge=0, le=366, description="Also follow-ups falling due within this many days."),
]


@router.get(
    "/outreach",
    response={200: OutreachPage, **STAFF_RESPONSES},
    operation_id="outreach",
    summary="The outreach log (signed-in staff only), oldest first",
    description=(
        "Contacts with States: who acted, toward whom, through which channel, for which "
        "action-plan measure, the outcome and the follow-up date. Internal: answers 403 "
        "without a staff session that may view outreach contacts."
    ),
)
def outreach(
    request: HttpRequest,
    state: StateParam = None,
    start_period: ContactsFrom = None,
    end_period: ContactsTo = None,
    limit: LimitParam = 50,
    offset: OffsetParam = 0,
) -> HttpResponse:
    from treatywatch.outreach.services import outreach_records

    code = check_code(state, "state")
    start = parse_period(start_period, "startPeriod")
    end = parse_period(end_period, "endPeriod")
    _staff_only(request)
    records = outreach_records(
        start=start.first if start else None, end=end.last if end else None, state=code
    )
    page = Page(limit, offset)
    first, last = page.slice(len(records))
    return _private(
        request,
        {
            "total": len(records),
            "limit": page.limit,
            "offset": page.offset,
            "items": [record.to_json() for record in records[first:last]],
        },
    )


@router.get(
    "/outreach/due",
    response={200: FollowUpPage, **STAFF_RESPONSES},
    operation_id="outreach_due",
    summary="Follow-ups not done that are overdue or fall due soon (signed-in staff only)",
    description=(
        "The list the staff workspace shows: follow-ups not done that are overdue or due "
        "within `within` days, the earliest first. Answers 403 without a staff session."
    ),
)
def outreach_due(request: HttpRequest, within: WithinParam = 14) -> HttpResponse:
    from treatywatch.outreach.services import follow_ups_due

    _staff_only(request)
    due = follow_ups_due(today(), within)
    return _private(
        request,
        {"today": today().isoformat(), "within": within, "items": [f.to_json() for f in due]},
    )
