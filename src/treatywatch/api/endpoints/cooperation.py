"""/api/relations and /api/network: can State A ask State B, and which pairs can cooperate.

Both answer with exactly the JSON of the CLI (`treatywatch relations --format json`,
`treatywatch network --format json`): the documents come from one function each.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router
from pydantic import WithJsonSchema

from treatywatch.api.caching import Snapshot, answer
from treatywatch.api.endpoints.common import ERRORS
from treatywatch.api.errors import ApiError
from treatywatch.api.params import check_choice, day_query, parse_day
from treatywatch.api.schemas import NetworkOut, RelationOut
from treatywatch.config import today
from treatywatch.core.convention import Convention, CooperationKind, load_convention
from treatywatch.core.cooperation_documents import network_document, relation_document
from treatywatch.core.crimes import crime_choices
from treatywatch.core.validate import resolve_state

router = Router(tags=["cooperation"])

COOPERATIONS = tuple(kind.value for kind in CooperationKind)


@lru_cache(maxsize=1)
def convention() -> Convention:
    """The Convention's structure from the bundled files, read once per process."""
    return load_convention()


def crimes() -> tuple[str, ...]:
    return tuple(crime_choices(convention()))


def _state_query(description: str) -> Any:
    schema = {"type": "string", "pattern": "^[A-Za-z]{2,3}$", "example": "LVA"}
    return Annotated[str, WithJsonSchema(schema), Query(..., description=description)]


def _required_choice(choices: tuple[str, ...], description: str) -> Any:
    schema = {"type": "string", "enum": list(choices)}
    return Annotated[str, WithJsonSchema(schema), Query(..., description=description)]


Requesting = _state_query("The requesting State: ISO alpha-2 or alpha-3 code, any case.")
Requested = _state_query("The requested State: ISO alpha-2 or alpha-3 code, any case.")
CrimeParam = _required_choice(
    crimes(),
    "genocide, crimes_against_humanity, war_crimes, or an annex crime (needs both States' "
    "opt-in under Art. 2(2)).",
)
CooperationParam = _required_choice(COOPERATIONS, "The kind of cooperation asked for.")
OnDate = day_query("Date of the request (default today).")
AsKnownOn = day_query("Use only what TreatyWatch knew that day (default today).")
AsOf = day_query("Date of the network (default today).")
ChecklistParam = Annotated[
    bool,
    Query(False, description="Also give what the request must contain and refusal grounds."),
]


def _state(snapshot: Snapshot, value: str, field: str) -> str:
    code = resolve_state(value, snapshot.record.states_by_code)
    if code is None:
        raise ApiError(
            404,
            "unknown_state",
            _("No State with the code %(code)r: use an ISO alpha-3 or alpha-2 code")
            % {"code": value},
            field,
        )
    return code


@router.get(
    "/relations",
    response={200: RelationOut, **ERRORS},
    operation_id="relations",
    summary="Can State A ask State B, for this crime and kind of cooperation, on this date?",
    description=(
        "The same document as `treatywatch relations A B --crime X --cooperation Y --format "
        "json`: `applicable` (yes, no or uncertain), every reason with its source, the "
        "articles that govern the request, the central authorities, and each side's standing. "
        "With `checklist=true`, also what the request must contain and refusal grounds."
    ),
)
def relations(
    request: HttpRequest,
    requesting: Requesting,
    requested: Requested,
    crime: CrimeParam,
    cooperation: CooperationParam,
    date: OnDate = None,
    as_known_on: AsKnownOn = None,
    checklist: ChecklistParam = False,
) -> HttpResponse:
    check_choice(crime, crimes(), "crime")
    check_choice(cooperation, COOPERATIONS, "cooperation")
    on, known_on = parse_day(date, "date"), parse_day(as_known_on, "as_known_on")

    def compute(snapshot: Snapshot) -> dict[str, Any]:
        first = _state(snapshot, requesting, "requesting")
        second = _state(snapshot, requested, "requested")
        if first == second:
            raise ApiError(
                400,
                "same_state",
                _("requested: the requesting and requested State are the same (%(code)s)")
                % {"code": first},
                "requested",
            )
        try:
            _relation, document = relation_document(
                snapshot.record,
                first,
                second,
                crime=crime,
                cooperation=cooperation,
                on=on or today(),
                as_known_on=known_on or today(),
                convention=convention(),
                with_checklist=checklist,
            )
        except ValueError as error:
            raise ApiError(400, "invalid_parameter", str(error)) from None
        return document

    key = ("relations", requesting.upper(), requested.upper(), crime, cooperation, on, known_on)
    return answer(request, (*key, checklist), compute)


@router.get(
    "/network",
    response={200: NetworkOut, **ERRORS},
    operation_id="network",
    summary="Pairs of States able to cooperate under the Convention, and how the network grew",
    description=(
        "The same document as `treatywatch network --format json`, for mutual legal "
        "assistance on the core crimes: the size of the network on as_of (pairs answering "
        "yes, and pairs whose answer is uncertain), the pairs themselves, the size on the "
        "first day of every month since the opening for signature, and for every State "
        "without an instrument of consent, how many pairs its consent would open."
    ),
)
def network(
    request: HttpRequest, as_of: AsOf = None, as_known_on: AsKnownOn = None
) -> HttpResponse:
    day, known_on = parse_day(as_of, "as_of"), parse_day(as_known_on, "as_known_on")

    def compute(snapshot: Snapshot) -> dict[str, Any]:
        return network_document(
            snapshot.record,
            on=day or today(),
            as_known_on=known_on or today(),
            convention=convention(),
        )

    return answer(request, ("network", day, known_on), compute)
