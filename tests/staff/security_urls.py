"""The site's URLs plus stand-ins for the embed routes and an inline script, for the tests."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from treatywatch.urls import urlpatterns as site_urlpatterns


def badge(request):
    return HttpResponse("<svg xmlns='http://www.w3.org/2000/svg'/>", content_type="image/svg+xml")


def inline_script(request):
    template = engines["django"].from_string(
        '<script nonce="{{ request.csp_nonce }}">document.title = "ok";</script>'
    )
    return HttpResponse(template.render({}, request))


urlpatterns = [
    path("embed/badge.svg", badge),
    path("fr/embed/badge.svg", badge),
    path("with-inline-script/", inline_script),
    *site_urlpatterns,
]
