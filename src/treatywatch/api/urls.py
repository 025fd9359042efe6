"""The API object, its routers and its URL: everything under /api/."""

from __future__ import annotations

from django.urls import path
from ninja import NinjaAPI

from treatywatch.api.endpoints import (
    cooperation,
    event_writes,  # noqa: F401 (adds POST /api/events)
    evidence,
    indicators,
    pledge,
    status,
    watch,
)
from treatywatch.api.errors import install_error_handlers

__all__ = ["api", "urlpatterns"]

DESCRIPTION = """\
Open data on the Ljubljana – The Hague Convention and the pledge to raise awareness of it.

* **Dates** are ISO days (`YYYY-MM-DD`). `as_of` is the legal date (where things stood that
  day); `as_known_on` is the record date (what TreatyWatch knew that day). Both default to
  today. Periods (`startPeriod`, `endPeriod`, `updatedAfter`) follow SDMX: `YYYY`, `YYYY-MM`
  or `YYYY-MM-DD`.
* **Lists** take `limit` (1 to 500, default 50) and `offset`, and give the `total`.
* **Caching**: every answer has an `ETag`; send it back in `If-None-Match` to get
  `304 Not Modified` while the data is unchanged.
* **CORS**: any origin may read (GET, HEAD), without credentials.
* **Errors** always have the body `{"error": {"code", "message", "field"}}`: 400 for a bad
  parameter, 403 for unpublished items and the internal outreach log, 404 for an unknown
  State, treaty or address.
* Only confirmed events and references are published; each fact carries its source.
* Relations, the cooperation network, targets and the outlook answer with exactly the JSON
  of the matching `treatywatch` command.
"""

api = NinjaAPI(
    title="TreatyWatch API",
    version="1",
    description=DESCRIPTION,
    docs_url=None,  # the bundled documentation page loads its scripts from a CDN
    urls_namespace="api",
)
install_error_handlers(api)
api.add_router("", status.router)
api.add_router("", indicators.router)
api.add_router("", evidence.router)
api.add_router("", cooperation.router)
api.add_router("", pledge.router)
api.add_router("", watch.router)

urlpatterns = [path("", api.urls)]
