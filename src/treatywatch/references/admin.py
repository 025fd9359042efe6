"""Staff pages for references: detected ones wait for a reviewer before they count."""

from __future__ import annotations

from django.contrib import admin

from treatywatch.references.models import Reference
from treatywatch.staff.admin_base import ReviewedRecordAdmin


@admin.register(Reference)
class ReferenceAdmin(ReviewedRecordAdmin):
    review_permission = "references.review_reference"
    list_display = ("__str__", "published_on", "kind", "language", "country", "review", "origin")
    list_filter = ("review", "kind", "language", "origin")
    search_fields = ("url", "title", "publisher", "forum", "summary", "cluster")
    list_select_related = ("country",)
    autocomplete_fields = ("country",)
    date_hierarchy = "published_on"
