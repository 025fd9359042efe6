"""The world map: every State coloured by status, on the home page and its own page."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from treatywatch.core.status import STATUS_RANK
from treatywatch.site import snapshot
from treatywatch.site.context import handles_bad_parameters, language, page_context
from treatywatch.site.labels import STATUS_HELP, STATUS_LABELS
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import as_of_param
from treatywatch.site.views.helpers import long_date
from treatywatch.site.worldmap import MapState, geometry, render_map

MAP_STATUSES = ("none", "signed", "consented", "in_force", "withdrawn")


def map_states(as_of: date, lang: str, query: str) -> tuple[MapState, ...]:
    report = snapshot.report(as_of, lang)
    # One reverse() for all States: the code is the only part of the URL that changes.
    pattern = reverse("site:state", args=["XXX"])
    return tuple(
        MapState(
            state.code,
            state.name,
            str(state.status),
            str(STATUS_LABELS[state.status]),
            pattern.replace("XXX", state.code) + query,
        )
        for state in report.states
    )


def map_context(as_of: date, lang: str, query: str) -> dict[str, Any]:
    """The map SVG, its legend with counts, and the States it cannot draw."""
    states = map_states(as_of, lang, query)
    counts = Counter(state.status for state in states)
    legend = [
        {
            "status": status,
            "label": STATUS_LABELS[status],
            "help": STATUS_HELP[status],
            "count": counts[status],
        }
        for status in MAP_STATUSES
        if status != "withdrawn" or counts[status]
    ]
    summary = _(
        "%(signed)d States have signed or gone further; %(consented)d have ratified; the "
        "Convention is in force for %(in_force)d. %(none)d have not signed."
    ) % {
        "signed": counts["signed"] + counts["consented"] + counts["in_force"],
        "consented": counts["consented"] + counts["in_force"],
        "in_force": counts["in_force"],
        "none": counts["none"] + counts["withdrawn"],
    }
    drawn = set(geometry()["shapes"]) | set(geometry()["markers"])
    title = _("World map of the Convention's status on %(day)s") % {"day": long_date(as_of)}
    return {
        "svg": render_map(states, title, summary),
        "legend": legend,
        "summary": summary,
        "undrawn": [state for state in states if state.code not in drawn],
    }


@cached_page
@handles_bad_parameters
def world_map(request: HttpRequest) -> HttpResponse:
    as_of = as_of_param(request)
    lang = language()
    context = page_context(
        request,
        as_of,
        _("World map"),
        _(
            "Every State coloured by its status with the Ljubljana – The Hague Convention, "
            "with the same data as a table."
        ),
    )
    report = snapshot.report(as_of, lang)
    rows = sorted(report.states, key=lambda s: (-STATUS_RANK[s.status], s.name))
    context.update(
        map=map_context(as_of, lang, context["as_of_query"]),
        rows=[{"state": s, "status_label": STATUS_LABELS[s.status]} for s in rows],
    )
    return render(request, "site/map.html", context)
