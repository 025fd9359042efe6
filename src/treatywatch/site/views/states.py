"""The States table, with its filters, sort and downloads."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from treatywatch.site.context import handles_bad_parameters, language, page_context, query_with
from treatywatch.site.labels import GROUP_LABELS, REGION_LABELS, STATUS_LABELS
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import as_of_param
from treatywatch.site.tables import download_response, state_table
from treatywatch.site.views.maps import MAP_STATUSES
from treatywatch.treaties.filters import GROUPS


@cached_page
@handles_bad_parameters
def states(request: HttpRequest) -> HttpResponse:
    as_of = as_of_param(request)
    lang = language()
    table = state_table(request, as_of, lang)
    context = page_context(
        request,
        as_of,
        _("States"),
        _(
            "Every State's status with the Ljubljana – The Hague Convention, filterable by region, "
            "group and status, with CSV, Excel and JSON downloads."
        ),
    )
    columns = []
    for key, label in (
        ("name", _("State")),
        ("region", _("UN regional group")),
        ("status", _("Status")),
        ("signed", _("Signed")),
        ("consented", _("Ratified")),
        ("in_force", _("In force")),
    ):
        active = table.sort == key
        direction = "desc" if active and table.direction == "asc" else "asc"
        columns.append(
            {
                "key": key,
                "label": label,
                "url": query_with(request, sort=key, dir=direction),
                "aria_sort": ("ascending" if table.direction == "asc" else "descending")
                if active
                else "none",
            }
        )
    download_query = query_with(request)
    context.update(
        table=table,
        columns=columns,
        rows=[
            {"state": s, "region": REGION_LABELS.get(r, r), "status_label": STATUS_LABELS[s.status]}
            for s, r in table.rows
        ],
        regions=list(REGION_LABELS.items()),
        groups=[(code, GROUP_LABELS[code]) for code in GROUPS],
        statuses=[(code, STATUS_LABELS[code]) for code in MAP_STATUSES],
        downloads=[
            (fmt, label, reverse("site:states_download", args=[fmt]) + download_query)
            for fmt, label in (("csv", "CSV"), ("xlsx", "Excel (XLSX)"), ("json", "JSON"))
        ],
        count_text=ngettext("%(count)d State", "%(count)d States", len(table.rows))
        % {"count": len(table.rows)},
        filtered=any(table.filters.values()),
    )
    return render(request, "site/states.html", context)


@cached_page
@handles_bad_parameters
def states_download(request: HttpRequest, fmt: str) -> HttpResponse:
    as_of = as_of_param(request)
    lang = language()
    return download_response(state_table(request, as_of, lang), fmt, lang)
