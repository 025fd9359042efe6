"""The site's own error pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from treatywatch.site.context import page_context


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The 404 page, in the site's look, with the reason when the view gave one."""
    message = (
        str(exception.args[0]) if exception.args and isinstance(exception.args[0], str) else ""
    )
    context = page_context(request, None, _("Page not found"), message or _("Page not found"))
    context["message"] = message if not message.startswith("{") else ""
    return render(request, "site/not_found.html", context, status=404)
