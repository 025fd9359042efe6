"""The cooperation network: pairs of States able to cooperate under the Convention, over time."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from treatywatch.site import charts, engines, snapshot
from treatywatch.site.context import handles_bad_parameters, language, page_context
from treatywatch.site.labels import STATUS_LABELS
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import as_of_param
from treatywatch.site.tables import name_key
from treatywatch.site.views.helpers import long_date

# A matrix wider than this is unreadable on a page; the list below it says the same.
MATRIX_LIMIT = 30
SHOWN_IMPACTS = 20


def _pair_link(first: str, second: str, on: date) -> str:
    query = {"requesting": first, "requested": second, "as_of": on.isoformat()}
    return reverse("site:relations") + "?" + urlencode(query)


def _matrix(codes: list[str], answers: dict[tuple[str, str], str]) -> list[dict[str, Any]]:
    rows = []
    for first in codes:
        cells = []
        for second in codes:
            pair = tuple(sorted((first, second)))
            cells.append("self" if first == second else answers.get(pair, "no"))  # type: ignore[arg-type]
        rows.append({"code": first, "cells": cells})
    return rows


@cached_page
@handles_bad_parameters
def network(request: HttpRequest) -> HttpResponse:
    on = as_of_param(request)
    lang = language()
    document = engines.network(on)
    names = {state.code: state.name for state in snapshot.report(on, lang).states}
    context = page_context(
        request,
        on,
        _("The cooperation network"),
        _(
            "Pairs of States able to cooperate under the Ljubljana – The Hague Convention, month "
            "by month, and the States whose ratification would open the most pairs."
        ),
    )
    answers: dict[tuple[str, str], str] = {}
    pairs = []
    for answer in ("yes", "uncertain"):
        for first, second in document["pairs"][answer]:
            answers[(first, second)] = answer
            pairs.append(
                {
                    "answer": answer,
                    "first": first,
                    "second": second,
                    "first_name": names.get(first, first),
                    "second_name": names.get(second, second),
                    "url": _pair_link(first, second, on),
                }
            )
    codes = sorted({code for pair in answers for code in pair}, key=lambda c: names.get(c, c))
    series = document["series"]
    months = [date.fromisoformat(point["date"]) for point in series]
    size = document["size"]
    description = _(
        "On %(day)s: %(yes)d pairs of States can cooperate under the Convention, and %(uncertain)d "
        "more pairs possibly can (their answer rests on unverified rules or dates)."
    ) % {"day": long_date(on), "yes": size["yes"], "uncertain": size["uncertain"]}
    impacts = [
        {**impact, "name": names.get(impact["code"], impact["name"]),
         "status_label": STATUS_LABELS[impact["status"]]}
        for impact in document["impacts"]
    ]  # fmt: skip
    # Most pairs first; among equals, signatories (one step from ratifying) before the others.
    impacts.sort(key=lambda i: (-i["new_pairs"], i["status"] != "signed", name_key(str(i["name"]))))
    spread = Counter(impact["new_pairs"] for impact in impacts)
    context.update(
        document=document,
        size=size,
        description=description,
        chart=charts.step_chart(
            months,
            [
                ("is-consented", _("Pairs that can cooperate"), [p["yes"] for p in series]),
                ("is-signed", _("Pairs that possibly can"), [p["uncertain"] for p in series]),
            ],
            _("Pairs of States able to cooperate under the Convention, month by month"),
            description,
            chart_id="network",
        )
        if series
        else "",
        points=list(reversed(series)),
        pairs=pairs,
        matrix_codes=[(code, names.get(code, code)) for code in codes],
        matrix=_matrix(codes, answers) if 1 < len(codes) <= MATRIX_LIMIT else [],
        impacts=impacts[:SHOWN_IMPACTS],
        impact_count=len(impacts),
        impact_spread=sorted(spread.items(), reverse=True),
    )
    return render(request, "site/network.html", context)
