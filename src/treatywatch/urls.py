"""The site's URLs: the staff workspace, and the public pages under a language prefix."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from treatywatch.staff.views import follow_ups

urlpatterns = [
    # Beside the admin, behind its login; the view itself checks the outreach permission.
    path("staff/follow-ups/", admin.site.admin_view(follow_ups), name="staff_follow_ups"),
    path("staff/", admin.site.urls),
    path("api/", include("treatywatch.api.urls")),
]
# /en/, /fr/, /es/: shareable links per language; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(path("", include("treatywatch.site.urls")))

handler404 = "treatywatch.site.views.not_found"
