"""Whom to approach next: every State's next step and priority score, its factors visible.

The scores are `core.targets`' (as `treatywatch targets`); the CSV holds exactly the rows shown,
in the columns of `treatywatch targets --format csv`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from treatywatch.core.dataset import REGIONAL_GROUPS
from treatywatch.core.targets import FACTOR_NAMES, NextStep, Target
from treatywatch.site import engines, snapshot
from treatywatch.site.context import handles_bad_parameters, language, page_context, query_with
from treatywatch.site.labels import GROUP_LABELS, REGION_LABELS, STATUS_LABELS
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import as_of_param, choice_param
from treatywatch.site.pledge_labels import FACTOR_LABELS, NEXT_STEP_LABELS
from treatywatch.treaties.filters import GROUPS, members_on

STEPS = tuple(step.value for step in NextStep)
CSV_BASE = ("code", "name", "region", "status", "next_step", "score")


@dataclass(frozen=True)
class TargetList:
    as_of: date
    step: str | None
    region: str | None
    group: str | None
    rows: list[Target]

    @property
    def filtered(self) -> bool:
        return any((self.step, self.region, self.group))


def target_list(request: HttpRequest, as_of: date, lang: str) -> TargetList:
    """The targets the page shows for the request's filters, highest score first."""
    step = choice_param(request, "step", STEPS)
    region = choice_param(request, "region", REGIONAL_GROUPS)
    group = choice_param(request, "group", GROUPS)
    members = members_on(snapshot.record(), group, as_of) if group else None
    rows = [
        target
        for target in engines.targets(as_of, lang)
        if (not step or target.next_step == step)
        and (not region or target.region == region)
        and (members is None or target.code in members)
    ]
    return TargetList(as_of, step, region, group, rows)


def _number(value: Any) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text or "0"


def _row(rank: int, target: Target) -> dict[str, Any]:
    return {
        "rank": rank,
        "target": target,
        "status_label": STATUS_LABELS[target.status],
        "step_label": NEXT_STEP_LABELS[target.next_step],
        "region_label": REGION_LABELS.get(target.region, target.region),
        "factors": [
            {
                "name": factor.name,
                "contribution": factor.contribution,
                "value": _number(factor.value),
                "weight": _number(factor.weight),
            }
            for factor in (target.factor(name) for name in FACTOR_NAMES)
        ],
    }


@cached_page
@handles_bad_parameters
def targets(request: HttpRequest) -> HttpResponse:
    as_of = as_of_param(request)
    lang = language()
    shown = target_list(request, as_of, lang)
    weights = engines.weights()
    context = page_context(
        request,
        as_of,
        _("Whom to approach next"),
        _(
            "Every State's recommended next step with the Ljubljana – The Hague Convention and a "
            "priority score made of named factors, with a CSV download."
        ),
    )
    definitions = [
        {
            "name": "stage",
            "label": FACTOR_LABELS["stage"],
            "weight": ", ".join(
                f"{NEXT_STEP_LABELS[step]} {_number(value)}"
                for step, value in weights.stage.items()
            ),
            "why": _("Points for where the State stands; the next step follows from its status."),
        },
        *(
            {
                "name": spec.name,
                "label": FACTOR_LABELS.get(spec.name, spec.label),
                "weight": _number(spec.weight),
                "why": spec.why,
                "english": spec.label,
            }
            for spec in weights.factors.values()
        ),
    ]
    context.update(
        shown=shown,
        rows=[_row(rank, target) for rank, target in enumerate(shown.rows, start=1)],
        factor_columns=[(name, FACTOR_LABELS.get(name, name)) for name in FACTOR_NAMES],
        definitions=definitions,
        steps=[(key, NEXT_STEP_LABELS[key]) for key in STEPS],
        regions=list(REGION_LABELS.items()),
        groups=[(code, GROUP_LABELS[code]) for code in GROUPS],
        csv_url=reverse("site:targets_download") + query_with(request),
        count_text=_("%(count)d States") % {"count": len(shown.rows)},
    )
    return render(request, "site/targets.html", context)


@cached_page
@handles_bad_parameters
def targets_download(request: HttpRequest) -> HttpResponse:
    """The rows shown, in order, with each factor's value and contribution."""
    as_of = as_of_param(request)
    shown = target_list(request, as_of, language())
    columns: list[str] = list(CSV_BASE)
    for name in FACTOR_NAMES:
        columns += [f"{name}_value", name]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for target in shown.rows:
        data = target.to_json()
        row = [data[key] for key in CSV_BASE]
        for name in FACTOR_NAMES:
            factor = target.factor(name)
            row += [factor.to_json()["value"], factor.contribution]
        writer.writerow(row)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="treatywatch-targets-{as_of.isoformat()}.csv"'
    )
    return response
