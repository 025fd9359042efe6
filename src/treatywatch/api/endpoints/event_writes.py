"""POST /api/events: staff record an event through the same rules as the importer and admin."""

from __future__ import annotations

import json
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from ninja import Body
from ninja.security import django_auth

from treatywatch.api.endpoints.evidence import router
from treatywatch.api.errors import error_response
from treatywatch.api.schemas import ErrorOut
from treatywatch.core.event_rules import EventInvalid

# The same router as GET /api/events: one path, one view answering both methods.
EventBody = Annotated[dict[str, Any], Body(..., description="The event, in events.csv's columns.")]


@router.post(
    "/events",
    response={
        200: dict[str, Any],
        201: dict[str, Any],
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
    },
    operation_id="save_event",
    auth=django_auth,
    summary="Add or update an event (signed-in staff with the add-event permission)",
    description=(
        "The body has the columns of events.csv as JSON (slug, title, starts_on, ends_on, level, "
        "kind, forum, audiences, states, measures, source_url, source_date, …). It is checked by "
        "the same rules as `treatywatch events import` and the staff workspace: an event that "
        "ends before it starts, an unknown State or a negative participant count is refused "
        "with a 400 naming the field. Requires a session and its CSRF token."
    ),
)
def save_event_endpoint(request: HttpRequest, payload: EventBody) -> HttpResponse:
    from treatywatch.events.services import save_event, validate_event_payload
    from treatywatch.site import freshness

    user = request.user
    if not (user.has_perm("events.add_event") and user.has_perm("events.change_event")):
        return error_response(403, "forbidden", "Recording events needs the editor role.")
    try:
        record = validate_event_payload(payload)
    except EventInvalid as invalid:
        first = invalid.issues[0]
        return error_response(400, "invalid_event", str(invalid), first.field)
    row, outcome = save_event(record)
    freshness.bump()
    body = {"slug": row.slug, "outcome": outcome, "review": row.review}
    return HttpResponse(
        json.dumps(body), status=201 if outcome == "added" else 200, content_type="application/json"
    )
