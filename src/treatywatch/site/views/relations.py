"""“Can State A ask State B?”: the relations engine's answer, every reason and the checklist."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from treatywatch.core.convention import CooperationKind
from treatywatch.core.cooperation_documents import relation_document
from treatywatch.core.crimes import crime_choices
from treatywatch.core.relations import Relation, Side
from treatywatch.core.validate import resolve_state
from treatywatch.site import engines, snapshot
from treatywatch.site.context import handles_bad_parameters, language, page_context
from treatywatch.site.cooperation_labels import (
    ANSWER_HELP,
    ANSWER_LABELS,
    ARTICLE_ROLE_LABELS,
    BASIS_LABELS,
    BOUND_LABELS,
    COOPERATION_LABELS,
    EFFECT_LABELS,
    OPT_IN_LABELS,
    crime_label,
)
from treatywatch.site.labels import STATUS_LABELS
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import BadParameter, as_of_param, choice_param
from treatywatch.site.tables import name_key
from treatywatch.site.views.helpers import source_list

COOPERATIONS = tuple(kind.value for kind in CooperationKind)
DEFAULT_CRIME = "genocide"


def _state_param(request: HttpRequest, name: str) -> str | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    code = resolve_state(raw, snapshot.record().states_by_code)
    if code is None:
        raise BadParameter(
            name,
            _("“%(value)s” is not a State: choose one from the list (ISO codes such as LVA).")
            % {"value": raw[:20]},
        )
    return code


def _side(side: Side, names: dict[str, str]) -> dict[str, Any]:
    status = side.status
    return {
        "code": side.code,
        "name": names.get(side.code, side.name),
        "status": str(status.status),
        "status_label": STATUS_LABELS[status.status],
        "bound": str(side.bound),
        "bound_label": BOUND_LABELS[str(side.bound)],
        "in_force": status.in_force,
        "in_force_basis": status.in_force_basis,
        "provisional_application": list(status.provisional_application),
        "opt_in": str(side.opt_in),
        "opt_in_label": OPT_IN_LABELS[str(side.opt_in)],
    }


def _answer(relation: Relation, document: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    checklist = document["checklist"]
    for item in (*checklist["contents"], *checklist["refusal_grounds"]):
        item["basis_label"] = BASIS_LABELS.get(item["basis"], item["basis"])
    return {
        "applicable": str(relation.applicable),
        "label": ANSWER_LABELS[str(relation.applicable)],
        "help": ANSWER_HELP[str(relation.applicable)],
        "sides": [_side(relation.requesting, names), _side(relation.requested, names)],
        "reasons": [
            {
                "code": reason.code,
                "text": reason.text,
                "effect": str(reason.effect),
                "effect_label": EFFECT_LABELS[str(reason.effect)],
                "sources": source_list(reason.source),
            }
            for reason in relation.reasons
        ],
        "articles": [
            {
                **article,
                "role_label": ARTICLE_ROLE_LABELS.get(article["role"], article["role"]),
                "sources": source_list(article["source"]),
            }
            for article in document["articles"]
        ],
        "authorities": [
            {**item, "name": names.get(item["state"], item["state"])}
            for item in document["central_authorities"]
        ],
        "checklist": checklist,
    }


@cached_page
@handles_bad_parameters
def relations(request: HttpRequest) -> HttpResponse:
    """The question form and, once two States are chosen, the answer with its reasoning."""
    on = as_of_param(request)
    lang = language()
    convention = engines.convention()
    crimes = crime_choices(convention)
    requesting = _state_param(request, "requesting")
    requested = _state_param(request, "requested")
    crime = choice_param(request, "crime", crimes) or DEFAULT_CRIME
    cooperation = (
        choice_param(request, "cooperation", COOPERATIONS)
        or CooperationKind.MUTUAL_LEGAL_ASSISTANCE
    )
    if (requesting is None) != (requested is None):
        missing = "requested" if requested is None else "requesting"
        raise BadParameter(missing, _("Choose both the requesting and the requested State."))
    if requesting is not None and requesting == requested:
        raise BadParameter(
            "requested", _("Choose two different States: a State does not ask itself.")
        )
    report = snapshot.report(on, lang)
    names = {state.code: state.name for state in report.states}
    context = page_context(
        request,
        on,
        _("Can one State ask another?"),
        _(
            "Does the Ljubljana – The Hague Convention apply between two States for a crime and a "
            "kind of cooperation on a date? The answer, every reason with its source, the "
            "articles, the central authorities and a checklist for the request."
        ),
    )
    answer = None
    api_query = ""
    if requesting is not None and requested is not None:
        relation, document = relation_document(
            snapshot.record(),
            requesting,
            requested,
            crime=crime,
            cooperation=str(cooperation),
            on=on,
            as_known_on=context["today"],
            convention=convention,
            with_checklist=True,
        )
        answer = _answer(relation, document, names)
        api_query = urlencode(
            {
                "requesting": requesting,
                "requested": requested,
                "crime": crime,
                "cooperation": str(cooperation),
                "date": on.isoformat(),
                "checklist": "true",
            }
        )
    context.update(
        states=sorted(names.items(), key=lambda item: name_key(item[1])),
        crimes=[(key, crime_label(key)) for key in crimes],
        cooperations=[(key, COOPERATION_LABELS[key]) for key in COOPERATIONS],
        chosen={
            "requesting": requesting or "",
            "requested": requested or "",
            "crime": crime,
            "cooperation": str(cooperation),
        },
        requesting_name=names.get(requesting or "", ""),
        requested_name=names.get(requested or "", ""),
        crime_name=crime_label(crime),
        cooperation_name=COOPERATION_LABELS[str(cooperation)],
        answer=answer,
        api_query=api_query,
        cli_command=(
            f"treatywatch relations {requesting} {requested} --crime {crime} "
            f"--cooperation {cooperation} --date {on.isoformat()} --checklist"
            if answer
            else ""
        ),
    )
    return render(request, "site/relations.html", context)
