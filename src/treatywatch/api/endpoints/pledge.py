"""/api/targets and /api/outlook: whom to approach next, and when the Convention may enter into
force. The same engines as `treatywatch targets` and `treatywatch outlook`."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router
from pydantic import WithJsonSchema

from treatywatch.api.caching import Snapshot, answer
from treatywatch.api.endpoints.common import ERRORS, LANGUAGES, LanguageParam
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
from treatywatch.api.schemas import OutlookOut, TargetPage
from treatywatch.config import today
from treatywatch.core.dataset import REGIONAL_GROUPS
from treatywatch.core.outlook import PACE, WhatIf
from treatywatch.core.targets import NextStep, compute_targets, load_weights
from treatywatch.core.validate import resolve_state

router = Router(tags=["pledge"])

STEPS = tuple(step.value for step in NextStep)
AsOf = day_query("Date (default today).")
StepParam = choice_query(STEPS, "Only States whose recommended next step is this.")
RegionParam = choice_query(REGIONAL_GROUPS, "Only States of this UN regional group.")
WindowParam = Annotated[
    int | None,
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 120}),
    Query(None, ge=1, le=120, description="Months over which the pace is measured (default 24)."),
]
DepositParam = Annotated[
    str | None,
    WithJsonSchema(
        {"type": "string", "pattern": "^[A-Za-z]{2,3}(,[A-Za-z]{2,3}){0,19}$", "example": "GHA,FRA"}
    ),
    Query(
        None,
        description="What if these States (ISO codes, comma-separated) deposit an instrument "
        "of consent on deposit_on? Adds a scenario beside the current pace.",
    ),
]
DepositOn = day_query("Day of the what-if deposit (default as_of).")


@router.get(
    "/targets",
    response={200: TargetPage, **ERRORS},
    operation_id="targets",
    summary="Every State's recommended next step and priority score, highest first",
    description=(
        "The objects of `treatywatch targets --format json`: code, name, region, status, "
        "next_step (sign, ratify, encourage_others, use_convention), score and factors, each "
        "factor `{name, value, weight, contribution}`; the contributions add up to the score. "
        "`factor_definitions` says what each factor measures and why it weighs what it does."
    ),
)
def targets(
    request: HttpRequest,
    as_of: AsOf = None,
    step: StepParam = None,
    region: RegionParam = None,
    lang: LanguageParam = "en",
    limit: LimitParam = 50,
    offset: OffsetParam = 0,
) -> HttpResponse:
    from treatywatch.reports.targets import target_inputs

    day = parse_day(as_of, "as_of")
    check_choice(step, STEPS, "step")
    check_choice(region, REGIONAL_GROUPS, "region")
    check_choice(lang, LANGUAGES, "lang")
    page = Page(limit, offset)

    def compute(snapshot: Snapshot) -> dict[str, Any]:
        weights = load_weights()
        on = day or today()
        found = compute_targets(target_inputs(on, weights, lang, snapshot.record), weights)
        chosen = [
            target
            for target in found
            if (not step or target.next_step == step) and (not region or target.region == region)
        ]
        first, last = page.slice(len(chosen))
        return {
            "as_of": on.isoformat(),
            "total": len(chosen),
            "limit": page.limit,
            "offset": page.offset,
            "stage_weights": {str(key): float(value) for key, value in weights.stage.items()},
            "factor_definitions": [
                {
                    "name": spec.name,
                    "label": spec.label,
                    "weight": float(spec.weight),
                    "why": spec.why,
                    "cap": spec.cap,
                    "window_months": spec.window_months,
                }
                for spec in weights.factors.values()
            ],
            "items": [target.to_json() for target in chosen[first:last]],
        }

    return answer(request, ("targets", day, step, region, lang, page), compute)


@router.get(
    "/outlook",
    response={200: OutlookOut, **ERRORS},
    operation_id="outlook",
    summary="When could the Convention enter into force? Projections under stated scenarios",
    description=(
        "The document of `treatywatch outlook --format json`. The entry-into-force rule is "
        "not verified against the treaty text (`rule_verified` false): every scenario is "
        "computed under the recorded threshold and each other threshold a source states. "
        "The pace scenario spreads the instruments deposited in the window evenly forward; "
        "`deposit` and `deposit_on` add a what-if scenario."
    ),
)
def outlook(
    request: HttpRequest,
    as_of: AsOf = None,
    window: WindowParam = None,
    deposit: DepositParam = None,
    deposit_on: DepositOn = None,
) -> HttpResponse:
    from treatywatch.reports.outlook import outlook as compute_outlook

    day = parse_day(as_of, "as_of")
    deposit_day = parse_day(deposit_on, "deposit_on")
    if window is not None and not 1 <= window <= 120:
        raise ApiError(400, "invalid_parameter", _("window: from 1 to 120 months"), "window")
    wanted = [code.strip() for code in (deposit or "").split(",") if code.strip()]

    def compute(snapshot: Snapshot) -> dict[str, Any]:
        scenarios: list[str | WhatIf] = [PACE]
        if wanted:
            codes = []
            for value in wanted:
                code = resolve_state(value, snapshot.record.states_by_code)
                if code is None:
                    raise ApiError(
                        404,
                        "unknown_state",
                        _("deposit: no State with the code %(code)r") % {"code": value},
                        "deposit",
                    )
                codes.append(code)
            scenarios.append(WhatIf(tuple(dict.fromkeys(codes)), deposit_day or day or today()))
        result = compute_outlook(day, scenarios, window, snapshot.record)
        return result.to_json()

    key = ("outlook", day, window, tuple(wanted), deposit_day)
    return answer(request, key, compute)
