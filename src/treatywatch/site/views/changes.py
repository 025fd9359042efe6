"""The dated log of status changes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from treatywatch.site import snapshot
from treatywatch.site.context import handles_bad_parameters, language, page_context
from treatywatch.site.labels import ACTION_LABELS, DECLARATION_LABELS
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import as_of_param, choice_param


def change_item(change: Any, lang: str) -> dict[str, Any]:
    """A change with a sentence in the reader's language (the core's summary is English)."""
    name = snapshot.record().states_by_code.get(change.state)
    state_name = name.name(lang) if name else change.state
    kind = change.kind
    if kind == "signature":
        sentence = _("%(name)s signed the Convention.") % {"name": state_name}
    elif kind in (
        "ratification",
        "acceptance",
        "approval",
        "accession",
        "succession",
        "definitive_signature",
    ):
        sentence = _("%(name)s deposited its instrument of %(kind)s.") % {
            "name": state_name,
            "kind": str(ACTION_LABELS[kind]).lower(),
        }
    elif kind == "provisional_application":
        sentence = _("%(name)s began applying the Convention provisionally.") % {"name": state_name}
    elif kind in ACTION_LABELS:
        sentence = _("%(name)s: %(kind)s.") % {"name": state_name, "kind": ACTION_LABELS[kind]}
    else:
        sentence = _("%(name)s made a declaration (%(kind)s).") % {
            "name": state_name,
            "kind": str(DECLARATION_LABELS.get(kind, kind)).lower(),
        }
    return {
        "on": change.on,
        "state": change.state,
        "state_name": state_name,
        "kind": kind,
        "sentence": sentence,
        "kind_label": ACTION_LABELS.get(kind) or DECLARATION_LABELS.get(kind) or kind,
        "summary": change.summary,
        "source_url": change.source_url.split()[0],
        "key": change.key,
    }


@cached_page
@handles_bad_parameters
def changes(request: HttpRequest) -> HttpResponse:
    as_of = as_of_param(request)
    lang = language()
    all_changes = snapshot.changes(as_of, lang)
    kinds = sorted({c.kind for c in all_changes})
    kind = choice_param(request, "kind", kinds) if kinds else None
    shown = [c for c in all_changes if not kind or c.kind == kind]
    context = page_context(
        request,
        as_of,
        _("Changes"),
        _(
            "Every signature, ratification and declaration for the Ljubljana – The Hague "
            "Convention, newest first; also as an Atom feed."
        ),
    )
    by_year: dict[int, list[dict[str, Any]]] = {}
    for change in shown:
        by_year.setdefault(change.on.year, []).append(change_item(change, lang))
    context.update(
        years=sorted(by_year.items(), reverse=True),
        count=len(shown),
        kinds=[(k, ACTION_LABELS.get(k) or DECLARATION_LABELS.get(k) or k) for k in kinds],
        kind=kind,
    )
    return render(request, "site/changes.html", context)
