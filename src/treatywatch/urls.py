"""The site's URLs: the staff workspace now; public pages and the API join as they are built."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("staff/", admin.site.urls),
    path("api/", include("treatywatch.api.urls")),
]
