"""The change log as an Atom feed, at a stable URL per language."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from treatywatch.config import today
from treatywatch.site import snapshot
from treatywatch.site.context import language

__all__ = ["ChangesFeed"]

FEED_SIZE = 100


class ChangesFeed(Feed):
    feed_type = Atom1Feed

    def title(self) -> str:
        return _("Ljubljana – The Hague Convention: changes") + " · TreatyWatch"

    def subtitle(self) -> str:
        return _("Signatures, ratifications and declarations, newest first.")

    def link(self) -> str:
        return reverse("site:changes")

    def feed_url(self) -> str:
        return reverse("site:changes_feed")

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        return language()

    def items(self, lang: str) -> list[Any]:
        return snapshot.changes(today(), lang)[:FEED_SIZE]

    def item_title(self, item: Any) -> str:
        from treatywatch.site.views.changes import change_item

        return str(change_item(item, language())["sentence"])

    def item_description(self, item: Any) -> str:
        return item.summary

    def item_link(self, item: Any) -> str:
        return reverse("site:state", args=[item.state])

    def item_guid(self, item: Any) -> str:
        # The action's stable key: a corrected date makes a new entry, as it should.
        return f"treatywatch:{item.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Any) -> datetime:
        return datetime.combine(item.on, time(12), tzinfo=UTC)

    def item_updateddate(self, item: Any) -> datetime:
        return datetime.combine(item.recorded_on, time(12), tzinfo=UTC)
