"""One small adapter per outside source; the monitor runs them (see ``base`` for the contract)."""

from __future__ import annotations

from treatywatch.sources.base import Adapter
from treatywatch.sources.commoncrawl import discover_commoncrawl
from treatywatch.sources.feeds import discover_feed
from treatywatch.sources.files import discover_files
from treatywatch.sources.gdelt import discover_gdelt
from treatywatch.sources.pages import discover_page
from treatywatch.sources.sitemaps import discover_sitemap
from treatywatch.sources.treatydb import discover_treaty_database, discover_watch_page
from treatywatch.sources.undl import discover_undl

__all__ = ["ADAPTERS"]

# Configuration kind → adapter; config.KINDS lists the same kinds with their fields.
ADAPTERS: dict[str, Adapter] = {
    "feed": discover_feed,
    "sitemap": discover_sitemap,
    "url": discover_page,
    "gdelt": discover_gdelt,
    "undl": discover_undl,
    "commoncrawl": discover_commoncrawl,
    "files": discover_files,
    "treaty-database": discover_treaty_database,
    "watch-page": discover_watch_page,
}
