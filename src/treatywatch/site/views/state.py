"""One State's page: status history, declarations, events, references and next step."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from treatywatch.site import engines, snapshot
from treatywatch.site.context import handles_bad_parameters, language, page_context, query_with
from treatywatch.site.labels import (
    ACTION_LABELS,
    DECLARATION_LABELS,
    EVENT_LEVEL_LABELS,
    GROUP_LABELS,
    REGION_LABELS,
    STATUS_HELP,
    STATUS_LABELS,
)
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import as_of_param
from treatywatch.site.pledge_labels import FACTOR_LABELS, NEXT_STEP_HELP, NEXT_STEP_LABELS
from treatywatch.site.views.helpers import source_list
from treatywatch.treaties.history import StateNotFound


def _next_step(as_of: date, lang: str, code: str) -> dict[str, Any]:
    """The State's next step and score from the targets engine, with its non-zero factors."""
    target = next(item for item in engines.targets(as_of, lang) if item.code == code)
    return {
        "step": str(target.next_step),
        "title": NEXT_STEP_LABELS[target.next_step],
        "text": NEXT_STEP_HELP[target.next_step],
        "score": target.score,
        "factors": [
            {
                "name": factor.name,
                "label": FACTOR_LABELS.get(factor.name, factor.name),
                "value": factor.to_json()["value"],
                "weight": factor.to_json()["weight"],
                "contribution": factor.contribution,
            }
            for factor in target.factors
            if factor.contribution
        ],
    }


def _factsheets(code: str, query: str) -> list[dict[str, str]]:
    links = []
    for lang, label in settings.LANGUAGES:
        with override(lang):
            links.append(
                {
                    "lang": lang,
                    "label": str(label),
                    "url": reverse("site:factsheet", args=[code]) + query,
                }
            )
    return links


@cached_page
@handles_bad_parameters
def state(request: HttpRequest, code: str) -> HttpResponse:
    from treatywatch.events.models import Event
    from treatywatch.references.models import Reference

    as_of = as_of_param(request)
    lang = language()
    try:
        history = snapshot.state_history(code)
    except StateNotFound:
        raise Http404(_("No State has the code “%(code)s”.") % {"code": code[:10]}) from None
    if history["code"] != code:
        return redirect(reverse("site:state", args=[history["code"]]) + query_with(request))
    name = history["names"].get(lang) or history["name"]
    row = snapshot.report(as_of, lang).state(code)
    rome = snapshot.report(as_of, lang, "rome-statute").state(code)
    convention = snapshot.CONVENTION
    actions = [
        {
            **action,
            "label": ACTION_LABELS.get(action["action_class"], action["action_class"]),
            "day": date.fromisoformat(action["date"]),
            "sources": source_list(action["source_url"]),
        }
        for action in history["actions"]
        if action["treaty"] == convention and action["date"] <= as_of.isoformat()
    ]
    rome_actions = [
        {
            **action,
            "label": ACTION_LABELS.get(action["action_class"], action["action_class"]),
            "day": date.fromisoformat(action["date"]),
            "sources": source_list(action["source_url"]),
        }
        for action in history["actions"]
        if action["treaty"] == "rome-statute" and action["date"] <= as_of.isoformat()
    ]
    declarations = [
        {
            **declaration,
            "label": DECLARATION_LABELS.get(declaration["kind"], declaration["kind"]),
            "day": date.fromisoformat(declaration["made_on"]) if declaration["made_on"] else None,
            "sources": source_list(declaration["source_url"]),
        }
        for declaration in history["declarations"]
        if declaration["treaty"] == convention
        and declaration["retracted_on"] is None
        and (declaration["made_on"] is None or declaration["made_on"] <= as_of.isoformat())
    ]
    memberships = [
        {**m, "label": GROUP_LABELS.get(m["organisation"], m["organisation"])}
        for m in history["memberships"]
        if (m["joined"] is None or m["joined"] <= as_of.isoformat())
        and (m["left"] is None or m["left"] > as_of.isoformat())
    ]
    events = (
        Event.objects.filter(states=code, review="confirmed")
        .annotate(counted_from=Coalesce("starts_on", "source_date"))
        .filter(counted_from__lte=as_of)
        .order_by("-counted_from", "slug")
    )
    references = (
        Reference.objects.filter(country=code, review="confirmed")
        .annotate(counted_from=Coalesce("published_on", "source_date"))
        .filter(counted_from__lte=as_of)
        .order_by("-counted_from", "url")
    )
    context = page_context(
        request,
        as_of,
        name,
        _("%(name)s and the Ljubljana – The Hague Convention: %(status)s.")
        % {"name": name, "status": STATUS_LABELS[row.status]},
    )
    context.update(
        name=name,
        history=history,
        row=row,
        status_label=STATUS_LABELS[row.status],
        status_help=STATUS_HELP[row.status],
        rome=rome,
        rome_label=STATUS_LABELS[rome.status],
        actions=actions,
        rome_actions=rome_actions,
        declarations=[
            d for d in declarations if d["kind"] not in ("annex_opt_in", "central_authority")
        ],
        annex_opt_ins=[d for d in declarations if d["kind"] == "annex_opt_in"],
        authorities=[d for d in declarations if d["kind"] == "central_authority"],
        memberships=memberships,
        region=REGION_LABELS.get(history["un_regional_group"], history["un_regional_group"]),
        events=[
            {
                "event": event,
                "source": event.source_url.split()[0],
                "level": EVENT_LEVEL_LABELS.get(event.level, event.level),
            }
            for event in events[:25]
        ],
        event_count=events.count(),
        references=list(references[:25]),
        reference_count=references.count(),
        next_step=_next_step(as_of, lang, history["code"]),
        factsheets=_factsheets(history["code"], context["as_of_query"]),
    )
    return render(request, "site/state.html", context)
