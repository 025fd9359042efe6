"""The pledge's indicators: the overview and one page per indicator with its evidence."""

from __future__ import annotations

from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from treatywatch.core.indicators import INDICATORS
from treatywatch.site import charts, snapshot
from treatywatch.site.context import handles_bad_parameters, language, page_context
from treatywatch.site.labels import EVENT_LEVEL_LABELS, STATUS_LABELS, indicator_text
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import as_of_param
from treatywatch.site.views.attention import coverage_box
from treatywatch.site.views.helpers import PAGE_SIZE, paged, source_list


@cached_page
@handles_bad_parameters
def indicators(request: HttpRequest) -> HttpResponse:
    as_of = as_of_param(request)
    context = page_context(
        request,
        as_of,
        _("Pledge indicators"),
        _(
            "The five indicators of the pledge to raise awareness of the Ljubljana – The Hague "
            "Convention, with definitions, methods and the items counted."
        ),
    )
    context["cards"] = [
        {
            "code": card.value.indicator.code,
            "number": card.value.indicator.number,
            "value": card.value.value,
            "pending": card.value.pending,
            **indicator_text(card.value.indicator),
        }
        for card in snapshot.indicator_cards(as_of)
    ]
    return render(request, "site/indicators.html", context)


@cached_page
@handles_bad_parameters
def indicator(request: HttpRequest, code: str) -> HttpResponse:
    from treatywatch.events.models import Event
    from treatywatch.references.models import Reference

    by_code = {item.code: item for item in INDICATORS}
    if code not in by_code:
        raise Http404(_("No indicator is called “%(code)s”.") % {"code": code[:40]})
    as_of = as_of_param(request)
    lang = language()
    card = next(c for c in snapshot.indicator_cards(as_of) if c.value.indicator.code == code)
    text = indicator_text(by_code[code])
    context = page_context(request, as_of, text["title"], text["definition"])
    context.update(
        indicator=by_code[code],
        text=text,
        card=card,
        kind="states"
        if code in ("signatories", "consenting")
        else ("events" if code == "events" else "references"),
        sparkline=charts.sparkline(card.series, text["title"]),
        baseline=snapshot.PLEDGE_BASELINE,
    )
    if code in ("signatories", "consenting"):
        report = snapshot.report(as_of, lang)
        field = "signed" if code == "signatories" else "consented"
        rows = sorted(
            (s for s in report.states if getattr(s, field) is not None),
            key=lambda s: (getattr(s, field), s.name),
        )
        context.update(
            items=[
                {"state": s, "day": getattr(s, field), "status_label": STATUS_LABELS[s.status]}
                for s in rows
            ],
            sources=sorted({url for s in rows for url in s.sources}),
        )
    elif code == "events":
        rows = (
            Event.objects.annotate(counted_from=Coalesce("starts_on", "source_date"))
            .filter(counted_from__lte=as_of, source_date__lte=context["today"])
            .order_by("-counted_from", "slug")
        )
        confirmed = rows.filter(review="confirmed")
        items, paging = paged(request, confirmed, confirmed.count())
        context.update(
            items=[
                {
                    "event": e,
                    "sources": source_list(e.source_url),
                    "level": EVENT_LEVEL_LABELS.get(e.level, e.level),
                }
                for e in items
            ],
            paging=paging,
            pending=list(rows.filter(review="pending")[:PAGE_SIZE]),
        )
    else:
        kind = "adopted-document" if code == "adopted_documents" else "public-domain"
        rows = (
            Reference.objects.filter(kind=kind, source_date__lte=context["today"])
            .annotate(counted_from=Coalesce("published_on", "source_date"))
            .filter(counted_from__lte=as_of)
            .order_by("-counted_from", "url")
        )
        confirmed = rows.filter(review="confirmed")
        items, paging = paged(request, confirmed, confirmed.count())
        context.update(
            items=list(items),
            paging=paging,
            pending=list(rows.filter(review="pending")[:PAGE_SIZE]),
            coverage=coverage_box(as_of, kind),
        )
    return render(request, "site/indicator.html", context)
