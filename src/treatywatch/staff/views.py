"""Staff pages beside the admin: the follow-ups of the outreach log that fall due."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from treatywatch.config import today

__all__ = ["MAX_WITHIN", "follow_ups"]

MAX_WITHIN = 366
DEFAULT_WITHIN = 14


def _within(request: HttpRequest) -> int | None:
    raw = request.GET.get("within", "").strip()
    if not raw:
        return DEFAULT_WITHIN
    if not raw.isdigit() or int(raw) > MAX_WITHIN:
        return None
    return int(raw)


def follow_ups(request: HttpRequest) -> HttpResponse:
    """Follow-ups not done that are overdue or due within `?within=` days, earliest first."""
    from treatywatch.outreach.models import Channel
    from treatywatch.outreach.services import follow_ups_due

    if not request.user.has_perm("outreach.view_outreachcontact"):
        raise PermissionDenied
    within = _within(request)
    context = {
        **admin.site.each_context(request),
        "title": _("Follow-ups due"),
        "today": today(),
    }
    if within is None:
        context["error"] = _("“within” must be a whole number of days from 0 to %(most)d.") % {
            "most": MAX_WITHIN
        }
        return render(request, "staff/follow_ups.html", context, status=400)
    items = []
    for item in follow_ups_due(today(), within):
        record = item.record
        items.append(
            {
                "item": item,
                "record": record,
                "late": item.days_late,
                "ahead": -item.days_late,
                "channel": Channel(record.channel).label,
                "url": reverse("admin:outreach_outreachcontact_changelist") + f"?q={record.target}",
            }
        )
    context.update(within=within, items=items, choices=(7, 14, 30, 90))
    return render(request, "staff/follow_ups.html", context)
