"""Attention: the references the monitor found beside the documents it read, month by month.

A month in which the monitor read nothing is shown as a gap in coverage, never as zero.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from treatywatch.core.dates import add_months
from treatywatch.core.evidence import ReferenceKind
from treatywatch.monitor.attention_table import AttentionRow
from treatywatch.site import charts, engines, snapshot
from treatywatch.site.context import handles_bad_parameters, language, page_context
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import as_of_param, choice_param

KINDS = tuple(kind.value for kind in ReferenceKind)
# The indicator each kind of reference feeds.
INDICATOR_OF_KIND = {"adopted-document": "adopted_documents", "public-domain": "public_domain"}
# The coverage box on indicator pages looks back this many months.
RECENT_MONTHS = 12


def _rate(row: AttentionRow) -> str:
    return "" if row.per_10k is None else f"{row.per_10k:g}"


def _row(row: AttentionRow, label: str) -> dict[str, Any]:
    return {
        "label": label,
        "row": row,
        "references": row.confirmed + row.pending,
        "stories": row.confirmed_stories + row.pending_stories,
        "rate": _rate(row),
    }


def _opening() -> date:
    opened = snapshot.record().treaties[snapshot.CONVENTION].opened_for_signature
    return opened or date(2024, 2, 14)


def coverage_box(as_of: date, kind: str) -> dict[str, Any]:
    """What the indicator 4 and 5 pages say about the monitor's coverage of the last months."""
    end = as_of.replace(day=1)
    start = add_months(end, -(RECENT_MONTHS - 1))
    summary = engines.attention(start, end, kind)
    covered = [row for row in summary.months if row.covered]
    return {
        "months": len(summary.months),
        "covered": len(covered),
        "gaps": len(summary.months) - len(covered),
        "documents": summary.documents_read,
        "found": summary.references_found,
        "start": start,
        "end": end,
        "url": reverse("site:attention") + f"?kind={kind}&as_of={as_of.isoformat()}",
    }


@cached_page
@handles_bad_parameters
def attention(request: HttpRequest) -> HttpResponse:
    as_of = as_of_param(request)
    kind = choice_param(request, "kind", KINDS)
    lang = language()
    start = min(_opening(), as_of).replace(day=1)
    summary = engines.attention(start, as_of, kind)
    names = {state.code: state.name for state in snapshot.report(as_of, lang).states}
    months = [
        _row(row, "") for row in reversed(summary.months) if row.month is not None
    ]  # newest first in the table
    gap_label = _("no coverage: nothing was read")
    described = _(
        "From %(start)s to %(end)s the monitor read %(documents)d documents and found "
        "%(found)d references; %(gaps)d of %(months)d months have no coverage."
    ) % {
        "start": summary.start.strftime("%Y-%m"),
        "end": summary.end.strftime("%Y-%m"),
        "documents": summary.documents_read,
        "found": summary.references_found,
        "gaps": len(summary.uncovered_months),
        "months": len(summary.months),
    }
    context = page_context(
        request,
        as_of,
        _("Attention"),
        _(
            "References to the Ljubljana – The Hague Convention found by the monitor, month by "
            "month, by language and by country, beside the number of documents read."
        ),
    )
    context.update(
        kind=kind,
        kinds=[
            ("adopted-document", _("Adopted documents (indicator 4)")),
            ("public-domain", _("Public domain (indicator 5)")),
        ],
        summary=summary,
        described=described,
        chart=charts.coverage_chart(
            [row.month for row in summary.months if row.month is not None],
            [row.per_10k for row in summary.months if row.month is not None],
            _("References per 10,000 documents read, month by month"),
            described,
            gap_label,
        )
        if summary.months
        else "",
        months=months,
        languages=[_row(row, row.language or _("unknown")) for row in summary.languages],
        countries=[
            _row(row, names.get(row.country or "", "") or row.country or _("unknown"))
            for row in summary.countries
        ],
        indicator_of_kind=INDICATOR_OF_KIND,
        api_url="/api/attention" + (f"?kind={kind}" if kind else ""),
    )
    return render(request, "site/attention.html", context)
