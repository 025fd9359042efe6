"""The public pages, one module per thing shown; every page reads `?as_of=YYYY-MM-DD`.

This package re-exports exactly the views the URLs name.
"""

from treatywatch.site.views.attention import attention
from treatywatch.site.views.changes import changes
from treatywatch.site.views.convention import convention
from treatywatch.site.views.embeds import badge, embed, widget
from treatywatch.site.views.errors import not_found
from treatywatch.site.views.events import events, events_calendar, events_ics
from treatywatch.site.views.factsheets import factsheet
from treatywatch.site.views.indicators import indicator, indicators
from treatywatch.site.views.maps import world_map
from treatywatch.site.views.network import network
from treatywatch.site.views.overview import home
from treatywatch.site.views.relations import relations
from treatywatch.site.views.state import state
from treatywatch.site.views.states import states, states_download
from treatywatch.site.views.targets import targets, targets_download
from treatywatch.site.views.timeline import timeline

__all__ = [
    "attention",
    "badge",
    "changes",
    "convention",
    "embed",
    "events",
    "events_calendar",
    "events_ics",
    "factsheet",
    "home",
    "indicator",
    "indicators",
    "network",
    "not_found",
    "relations",
    "state",
    "states",
    "states_download",
    "targets",
    "targets_download",
    "timeline",
    "widget",
    "world_map",
]
