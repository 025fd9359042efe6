"""Staff pages for events: editors enter them, reviewers confirm or reject them."""

from __future__ import annotations

from django.contrib import admin

from treatywatch.events.models import Event
from treatywatch.staff.admin_base import ReviewedRecordAdmin


@admin.register(Event)
class EventAdmin(ReviewedRecordAdmin):
    review_permission = "events.review_event"
    list_display = ("title", "starts_on", "level", "review", "origin")
    list_filter = ("review", "level", "origin", "online")
    search_fields = ("slug", "title", "forum", "organisers", "place", "note")
    date_hierarchy = "starts_on"
    autocomplete_fields = ("states",)
    prepopulated_fields = {"slug": ("title",)}
