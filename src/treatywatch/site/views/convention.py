"""The Convention page: key facts, structure, annexes and the entry-into-force rule."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from treatywatch.core.outlook import PACE
from treatywatch.site import engines, snapshot
from treatywatch.site.context import handles_bad_parameters, language, page_context
from treatywatch.site.convention import convention_structure
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import as_of_param
from treatywatch.site.views.helpers import long_date, source_list

FACT_LABELS = {
    "title": gettext_lazy("Title"),
    "short_title": gettext_lazy("Short title"),
    "adopted_on": gettext_lazy("Adopted on"),
    "adopted_at": gettext_lazy("Adopted at"),
    "opened_for_signature": gettext_lazy("Opened for signature"),
    "opened_at": gettext_lazy("Place of signature"),
    "depositary": gettext_lazy("Depositary"),
    "structure": gettext_lazy("Structure"),
    "consent_requires_signature": gettext_lazy("Ratification requires a prior signature"),
    "entry_into_force.threshold": gettext_lazy("Instruments needed for entry into force"),
    "entry_into_force.delay": gettext_lazy("Delay after the last instrument needed"),
    "entry_into_force.later_states": gettext_lazy("Delay for States that join later"),
}


def _fact_value(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, date):
        return long_date(value)
    if isinstance(value, str) and name in ("adopted_on", "opened_for_signature"):
        try:
            return long_date(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, dict):
        months, days = value.get("months", 0), value.get("days", 0)
        parts = []
        if months:
            parts.append(ngettext("%(n)d month", "%(n)d months", months) % {"n": months})
        if days:
            parts.append(ngettext("%(n)d day", "%(n)d days", days) % {"n": days})
        period = _(" and ").join(parts) or _("no delay")
        if value.get("anchor") == "first_day_of_following_month":
            return _("first day of the month after %(period)s") % {"period": period}
        return period
    return str(value)


def _outlook(as_of: date) -> dict[str, Any]:
    """The outlook's scenarios in words, from `core.outlook` (through `engines.outlook`)."""
    outlook = engines.outlook(as_of)
    threshold = snapshot.record().treaties[snapshot.CONVENTION].entry_into_force.threshold
    rows = []
    for projection in outlook.projections:
        if projection.scenario == PACE:
            label = ngettext(
                "At the current pace: %(count)d instrument in the last %(months)d months",
                "At the current pace: %(count)d instruments in the last %(months)d months",
                outlook.deposits_in_window,
            ) % {"count": outlook.deposits_in_window, "months": outlook.window_months}
        else:
            label = ngettext(
                "If the %(count)d signatory without an instrument deposited one on %(day)s",
                "If the %(count)d signatories without an instrument all deposited one on %(day)s",
                len(projection.assumed_deposits),
            ) % {"count": len(projection.assumed_deposits), "day": long_date(as_of)}
        rows.append(
            {
                "label": label,
                "threshold": projection.threshold,
                "source": projection.threshold_source.split()[0],
                "recorded": projection.threshold == threshold,
                "entry_into_force": projection.entry_into_force,
                "explanation": projection.explanation,
            }
        )
    return {
        "rows": rows,
        "rule": outlook.rule,
        "verified": outlook.rule_verified,
        "recorded": len(outlook.deposits_recorded),
        "warnings": outlook.warnings,
    }


@cached_page
@handles_bad_parameters
def convention(request: HttpRequest) -> HttpResponse:
    from treatywatch.treaties.models import SourceConflict

    as_of = as_of_param(request)
    lang = language()
    treaty = snapshot.record().treaties[snapshot.CONVENTION]
    report = snapshot.report(as_of, lang)
    facts = [
        {
            "name": name,
            "label": FACT_LABELS.get(name, name),
            "value": _fact_value(name, fact.value),
            "verified": fact.verified,
            "note": fact.note,
            "sources": source_list(fact.source_url),
            "source_date": fact.source_date,
        }
        for name, fact in treaty.facts.items()
    ]
    context = page_context(
        request,
        as_of,
        _("The Convention"),
        _(
            "Key facts of the Ljubljana – The Hague Convention, with sources: adoption, signature, "
            "structure, annexes and entry into force."
        ),
    )
    context.update(
        treaty=treaty,
        report=report,
        facts=[f for f in facts if not f["name"].startswith("entry_into_force.")],
        rule_facts=[f for f in facts if f["name"].startswith("entry_into_force.")],
        structure=convention_structure(),
        conflicts=[
            {**c, "sources": source_list(c["source_url"])}
            for c in SourceConflict.objects.filter(subject__startswith=snapshot.CONVENTION).values()
        ],
        outlook=_outlook(as_of),
    )
    return render(request, "site/convention.html", context)
