"""One-page factsheets per State for advocacy meetings, as PDF, made on request and cached."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from treatywatch.site.context import handles_bad_parameters, language
from treatywatch.site.pagecache import cached_page
from treatywatch.site.params import as_of_param


@cached_page
@handles_bad_parameters
def factsheet(request: HttpRequest, code: str) -> HttpResponse:
    """The factsheet of `treatywatch factsheet CODE --lang L`, in the page's language."""
    from treatywatch.reports.factsheet import StateNotFound, build_factsheet, render_factsheet_html
    from treatywatch.reports.rendering import html_to_pdf

    as_of = as_of_param(request)
    lang = language()
    try:
        sheet = build_factsheet(code, lang, as_of)
    except StateNotFound:
        raise Http404(_("No State has the code “%(code)s”.") % {"code": code[:10]}) from None
    response = HttpResponse(
        html_to_pdf(render_factsheet_html(sheet)), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="treatywatch-{sheet.code}-{lang}-{as_of.isoformat()}.pdf"'
    )
    return response
