"""Public pages; included under a language prefix (/en/, /fr/, /es/) by the project's urls."""

from django.urls import path, re_path

from treatywatch.site import views
from treatywatch.site.feeds import ChangesFeed
from treatywatch.site.pagecache import cached_page

app_name = "site"

urlpatterns = [
    path("", views.home, name="home"),
    path("map/", views.world_map, name="map"),
    path("timeline/", views.timeline, name="timeline"),
    path("states/", views.states, name="states"),
    re_path(
        r"^states/download\.(?P<fmt>csv|xlsx|json)$",
        views.states_download,
        name="states_download",
    ),
    path("states/<str:code>/", views.state, name="state"),
    path("states/<str:code>/factsheet.pdf", views.factsheet, name="factsheet"),
    path("convention/", views.convention, name="convention"),
    path("relations/", views.relations, name="relations"),
    path("network/", views.network, name="network"),
    path("targets/", views.targets, name="targets"),
    path("targets/download.csv", views.targets_download, name="targets_download"),
    path("events/", views.events, name="events"),
    path("events/calendar/", views.events_calendar, name="events_calendar"),
    path("events/calendar.ics", views.events_ics, name="events_ics"),
    path("indicators/", views.indicators, name="indicators"),
    path("indicators/<slug:code>/", views.indicator, name="indicator"),
    path("attention/", views.attention, name="attention"),
    path("changes/", views.changes, name="changes"),
    path("changes/feed.atom", cached_page(ChangesFeed()), name="changes_feed"),
    path("badge.svg", views.badge, name="badge"),
    path("widget/", views.widget, name="widget"),
    path("embed/", views.embed, name="embed"),
]
