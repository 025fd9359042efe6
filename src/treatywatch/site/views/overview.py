"""The home page: the five indicators, the map and the latest changes."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from treatywatch.site import charts, snapshot
from treatywatch.site.context import handles_bad_parameters, language, page_context
from treatywatch.site.labels import INDICATOR_SHORT, indicator_text
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import as_of_param
from treatywatch.site.views.changes import change_item
from treatywatch.site.views.maps import map_context


@cached_page
@handles_bad_parameters
def home(request: HttpRequest) -> HttpResponse:
    as_of = as_of_param(request)
    lang = language()
    context = page_context(
        request,
        as_of,
        _("The Convention at a glance"),
        _(
            "Who has signed and ratified the Ljubljana – The Hague Convention on international "
            "cooperation against genocide, crimes against humanity and war crimes, and how the "
            "pledge to raise awareness of it is doing."
        ),
    )
    report = snapshot.report(as_of, lang)
    cards = []
    for card in snapshot.indicator_cards(as_of):
        indicator = card.value.indicator
        text = indicator_text(indicator)
        cards.append(
            {
                "code": indicator.code,
                "number": indicator.number,
                "short": INDICATOR_SHORT[indicator.code],
                "title": text["title"],
                "value": card.value.value,
                "pending": card.value.pending,
                "since_baseline": card.since_baseline,
                "over_year": card.over_year,
                "sparkline": charts.sparkline(
                    card.series,
                    _("%(title)s, month by month: %(first)d to %(last)d")
                    % {
                        "title": text["title"],
                        "first": card.series[0][1],
                        "last": card.series[-1][1],
                    },
                ),
            }
        )
    context.update(
        report=report,
        cards=cards,
        baseline=snapshot.PLEDGE_BASELINE,
        map=map_context(as_of, lang, context["as_of_query"]),
        changes=[change_item(change, lang) for change in snapshot.changes(as_of, lang)[:5]],
    )
    return render(request, "site/home.html", context)
