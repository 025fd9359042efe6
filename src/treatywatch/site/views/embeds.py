"""For other sites: the SVG badge, the framable widget and the page with the code to copy."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt

from treatywatch.site import snapshot
from treatywatch.site.context import handles_bad_parameters, language, page_context
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import as_of_param


def counts_on(as_of: date) -> dict[str, Any]:
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
    counts = counts_on(as_of)
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
    context.update(counts=counts_on(as_of))
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
        counts=counts_on(as_of),
        badge_url=badge_url,
        widget_url=widget_url,
        badge_code=f'<a href="{home_url}"><img src="{badge_url}" alt="{alt}"></a>',
        widget_code=(
            f'<iframe src="{widget_url}" title="{alt}" width="320" height="190" '
            'loading="lazy"></iframe>'
        ),
    )
    return render(request, "site/embed.html", context)
