"""Signatures and ratifications month by month, and by UN regional group."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from treatywatch.site import charts, snapshot
from treatywatch.site.context import handles_bad_parameters, page_context
from treatywatch.site.labels import REGION_LABELS
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import as_of_param
from treatywatch.site.views.helpers import long_date


@cached_page
@handles_bad_parameters
def timeline(request: HttpRequest) -> HttpResponse:
    as_of = as_of_param(request)
    context = page_context(
        request,
        as_of,
        _("Timeline"),
        _(
            "Signatures and ratifications of the Ljubljana – The Hague Convention month by month, "
            "and by UN regional group."
        ),
    )
    points = list(snapshot.timeline(as_of))
    months = [point.month for point in points]
    signed_label, consent_label = _("Signatories"), _("Ratifications")
    last = points[-1] if points else None
    description = (
        _("On %(day)s — signatories: %(signed)d; ratifications: %(consented)d.")
        % {"day": long_date(as_of), "signed": last.signatories, "consented": last.consenting}
        if last
        else _("The Convention was not yet open for signature on this date.")
    )
    regions = []
    if last:
        for code, label in REGION_LABELS.items():
            signed = last.signatories_by_region.get(code, 0)
            consented = last.consenting_by_region.get(code, 0)
            if code != "none" or signed or consented:
                regions.append({"label": label, "signed": signed, "consented": consented})
    context.update(
        points=list(reversed(points)),
        chart=charts.step_chart(
            months,
            [
                ("is-signed", signed_label, [p.signatories for p in points]),
                ("is-consented", consent_label, [p.consenting for p in points]),
            ],
            _("Cumulative signatories and ratifications"),
            description,
            chart_id="timeline",
        )
        if points
        else "",
        description=description,
        regions=regions,
        region_chart=charts.bar_chart(
            [(str(r["label"]), (r["signed"], r["consented"])) for r in regions],
            [("is-signed", signed_label), ("is-consented", consent_label)],
            _("Signatories and ratifications by UN regional group"),
        )
        if regions
        else "",
    )
    return render(request, "site/timeline.html", context)
