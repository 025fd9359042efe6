"""The public pages: every one reads `?as_of=YYYY-MM-DD` and says which date it shows."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date
from typing import Any

from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.clickjacking import xframe_options_exempt

from treatywatch.core.indicators import INDICATORS
from treatywatch.core.status import STATUS_RANK, Status
from treatywatch.site import charts, snapshot
from treatywatch.site.context import handles_bad_parameters, language, page_context, query_with
from treatywatch.site.convention import convention_structure
from treatywatch.site.labels import (
    ACTION_LABELS,
    DECLARATION_LABELS,
    EVENT_LEVEL_LABELS,
    GROUP_LABELS,
    INDICATOR_SHORT,
    REGION_LABELS,
    STATUS_HELP,
    STATUS_LABELS,
    indicator_text,
)
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import as_of_param, choice_param, page_param
from treatywatch.site.tables import SORT_KEYS, download_response, state_table
from treatywatch.site.worldmap import MapState, geometry, render_map
from treatywatch.treaties.filters import GROUPS
from treatywatch.treaties.history import StateNotFound

MAP_STATUSES = ("none", "signed", "consented", "in_force", "withdrawn")
PAGE_SIZE = 100


def _date(day: date | None) -> str:
    return date_format(day, "DATE_FORMAT") if day else ""


def _map_states(as_of: date, lang: str, query: str) -> tuple[MapState, ...]:
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


def _map(as_of: date, lang: str, query: str) -> dict[str, Any]:
    """The map SVG, its legend with counts, and the States it cannot draw."""
    states = _map_states(as_of, lang, query)
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
    title = _("World map of the Convention's status on %(day)s") % {"day": _date(as_of)}
    return {
        "svg": render_map(states, title, summary),
        "legend": legend,
        "summary": summary,
        "undrawn": [state for state in states if state.code not in drawn],
    }


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
        map=_map(as_of, lang, context["as_of_query"]),
        changes=[_change(change, lang) for change in snapshot.changes(as_of, lang)[:5]],
    )
    return render(request, "site/home.html", context)


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
        map=_map(as_of, lang, context["as_of_query"]),
        rows=[{"state": s, "status_label": STATUS_LABELS[s.status]} for s in rows],
    )
    return render(request, "site/map.html", context)


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
        % {"day": _date(as_of), "signed": last.signatories, "consented": last.consenting}
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


def _next_step(status: str) -> dict[str, str]:
    if status in (Status.NONE, Status.WITHDRAWN):
        return {
            "title": _("Sign the Convention"),
            "text": _(
                "Signing is the first step towards becoming a party. A State that has not signed "
                "can also join later by accession. Once a party, it can ask the other parties "
                "for evidence, extradition and other assistance in cases of genocide, crimes "
                "against humanity and war crimes, on one common legal basis."
            ),
        }
    if status == Status.SIGNED:
        return {
            "title": _("Ratify the Convention"),
            "text": _(
                "A signature does not bind the State. Depositing an instrument of ratification, "
                "acceptance or approval makes it a party, so that its judges, prosecutors and "
                "central authority can use the Convention with the other parties."
            ),
        }
    return {
        "title": _("Encourage others and use the Convention"),
        "text": _(
            "The State has ratified. The next steps are to use the Convention in requests for "
            "mutual legal assistance and extradition, to train the practitioners who will apply "
            "it, and to encourage other States to sign and ratify, in bilateral contacts and in "
            "international and regional fora."
        ),
    }


def _sources(urls: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if not urls:
        return []
    return urls.split() if isinstance(urls, str) else list(urls)


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
            "sources": _sources(action["source_url"]),
        }
        for action in history["actions"]
        if action["treaty"] == convention and action["date"] <= as_of.isoformat()
    ]
    rome_actions = [
        {
            **action,
            "label": ACTION_LABELS.get(action["action_class"], action["action_class"]),
            "day": date.fromisoformat(action["date"]),
            "sources": _sources(action["source_url"]),
        }
        for action in history["actions"]
        if action["treaty"] == "rome-statute" and action["date"] <= as_of.isoformat()
    ]
    declarations = [
        {
            **declaration,
            "label": DECLARATION_LABELS.get(declaration["kind"], declaration["kind"]),
            "day": date.fromisoformat(declaration["made_on"]) if declaration["made_on"] else None,
            "sources": _sources(declaration["source_url"]),
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
        next_step=_next_step(row.status),
    )
    return render(request, "site/state.html", context)


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
        return _date(value)
    if isinstance(value, str) and name in ("adopted_on", "opened_for_signature"):
        try:
            return _date(date.fromisoformat(value))
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
            "sources": _sources(fact.source_url),
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
            {**c, "sources": _sources(c["source_url"])}
            for c in SourceConflict.objects.filter(subject__startswith=snapshot.CONVENTION).values()
        ],
    )
    return render(request, "site/convention.html", context)


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


def _paged(request: HttpRequest, items: Any, total: int) -> tuple[Any, dict[str, Any]]:
    pages = max(math.ceil(total / PAGE_SIZE), 1)
    page = page_param(request, pages)
    start = (page - 1) * PAGE_SIZE
    return items[start : start + PAGE_SIZE], {
        "page": page,
        "pages": pages,
        "previous": query_with(request, page=str(page - 1)) if page > 1 else "",
        "next": query_with(request, page=str(page + 1)) if page < pages else "",
        "first_index": start + 1,
    }


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
        items, paging = _paged(request, confirmed, confirmed.count())
        context.update(
            items=[
                {
                    "event": e,
                    "sources": _sources(e.source_url),
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
        items, paging = _paged(request, confirmed, confirmed.count())
        context.update(
            items=list(items),
            paging=paging,
            pending=list(rows.filter(review="pending")[:PAGE_SIZE]),
        )
    return render(request, "site/indicator.html", context)


def _change(change: Any, lang: str) -> dict[str, Any]:
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
        by_year.setdefault(change.on.year, []).append(_change(change, lang))
    context.update(
        years=sorted(by_year.items(), reverse=True),
        count=len(shown),
        kinds=[(k, ACTION_LABELS.get(k) or DECLARATION_LABELS.get(k) or k) for k in kinds],
        kind=kind,
    )
    return render(request, "site/changes.html", context)


def _counts(as_of: date) -> dict[str, Any]:
    report = snapshot.report(as_of, language())
    return {
        "signatories": report.signatories,
        "consenting": report.consenting,
        "in_force": report.in_force_for,
        "treaty_in_force": report.treaty_in_force,
    }


@cached_page
@handles_bad_parameters
def badge(request: HttpRequest) -> HttpResponse:
    """An SVG badge for other sites: counts today (or on as_of), drawn with system fonts."""
    as_of = as_of_param(request)
    counts = _counts(as_of)
    label = _("Ljubljana – The Hague Convention")
    value = _("%(signed)d signed · %(ratified)d ratified") % {
        "signed": counts["signatories"],
        "ratified": counts["consenting"],
    }
    # Width from character counts: rough, but the badge has no fonts of its own to measure.
    label_width = 12 + int(len(label) * 6.4)
    value_width = 12 + int(len(value) * 6.6)
    response = render(
        request,
        "site/badge.svg",
        {
            "label": label,
            "value": value,
            "as_of": as_of,
            "label_width": label_width,
            "value_width": value_width,
            "width": label_width + value_width,
            "value_x": label_width + value_width / 2,
            "label_x": label_width / 2,
        },
        content_type="image/svg+xml; charset=utf-8",
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response


@cached_page
@xframe_options_exempt
@handles_bad_parameters
def widget(request: HttpRequest) -> HttpResponse:
    """A small page meant for an <iframe> on other sites: the counts and a link back."""
    as_of = as_of_param(request)
    context = page_context(
        request,
        as_of,
        _("Convention status"),
        _("Signatures and ratifications of the Ljubljana – The Hague Convention."),
    )
    context.update(counts=_counts(as_of))
    return render(request, "site/widget.html", context)


@cached_page
@handles_bad_parameters
def embed(request: HttpRequest) -> HttpResponse:
    """How to put the badge and the widget on another site, with the code to copy."""
    as_of = as_of_param(request)
    context = page_context(
        request,
        as_of,
        _("Embed the status"),
        _("A badge and a widget with the Convention's current counts, for your own website."),
    )
    home_url = request.build_absolute_uri(reverse("site:home"))
    badge_url = request.build_absolute_uri(reverse("site:badge"))
    widget_url = request.build_absolute_uri(reverse("site:widget"))
    alt = _("Ljubljana – The Hague Convention: current signatures and ratifications")
    context.update(
        counts=_counts(as_of),
        badge_url=badge_url,
        widget_url=widget_url,
        badge_code=f'<a href="{home_url}"><img src="{badge_url}" alt="{alt}"></a>',
        widget_code=(
            f'<iframe src="{widget_url}" title="{alt}" width="320" height="190" '
            'loading="lazy"></iframe>'
        ),
    )
    return render(request, "site/embed.html", context)


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The 404 page, in the site's look, with the reason when the view gave one."""
    message = (
        str(exception.args[0]) if exception.args and isinstance(exception.args[0], str) else ""
    )
    context = page_context(request, None, _("Page not found"), message or _("Page not found"))
    context["message"] = message if not message.startswith("{") else ""
    return render(request, "site/not_found.html", context, status=404)


__all__ = [
    "SORT_KEYS",
    "badge",
    "changes",
    "convention",
    "embed",
    "home",
    "indicator",
    "indicators",
    "not_found",
    "state",
    "states",
    "states_download",
    "timeline",
    "widget",
    "world_map",
]
