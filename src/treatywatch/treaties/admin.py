"""Staff pages for States, memberships, treaties, treaty actions, declarations and conflicts."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from treatywatch.staff.admin_base import RecordAdmin
from treatywatch.staff.forms import FactForm, TreatyForm
from treatywatch.treaties import models


@admin.register(models.State)
class StateAdmin(RecordAdmin):
    list_display = ("name_en", "code", "alpha2", "un_status", "un_regional_group", "source_date")
    list_filter = ("un_status", "un_regional_group")
    search_fields = ("code", "alpha2", "name_en", "name_fr", "name_es")
    rebuilt_by_update_data = True


@admin.register(models.Membership)
class MembershipAdmin(RecordAdmin):
    list_display = ("state", "organisation", "joined", "left", "source_date")
    list_filter = ("organisation",)
    search_fields = ("state__code", "state__name_en")
    list_select_related = ("state",)
    autocomplete_fields = ("state",)
    rebuilt_by_update_data = True


@admin.register(models.Treaty)
class TreatyAdmin(RecordAdmin):
    form = TreatyForm
    list_display = ("short_title", "slug")
    search_fields = ("slug", "title", "short_title")
    rebuilt_by_update_data = True


@admin.register(models.TreatyAction)
class TreatyActionAdmin(RecordAdmin):
    form = FactForm
    list_display = ("state", "treaty", "action_class", "date", "origin", "retracted_on")
    list_filter = ("treaty", "action_class", "origin", ("retracted_on", admin.EmptyFieldListFilter))
    search_fields = ("state__code", "state__name_en", "key", "note", "source_url")
    list_select_related = ("state", "treaty")
    autocomplete_fields = ("state",)
    date_hierarchy = "date"
    readonly_fields = ("key",)
    fieldsets = (
        (None, {"fields": ("key", "treaty", "state", "action_class", "raw_action", "date")}),
        (
            _("Effect"),
            {"fields": ("effective_on", "reported_entry_into_force", "place", "scope")},
        ),
        (
            _("Source and record time"),
            {
                "fields": ("source_url", "source_date", "recorded_on", "retracted_on", "note"),
                "description": _(
                    "To correct a fact, set “retracted on” and add the corrected row, so that "
                    "past reports stay reproducible."
                ),
            },
        ),
    )


@admin.register(models.Declaration)
class DeclarationAdmin(RecordAdmin):
    form = FactForm
    list_display = ("state", "treaty", "kind", "articles", "annexes", "made_on", "origin")
    list_filter = ("treaty", "kind", "made_at", "origin")
    search_fields = ("state__code", "state__name_en", "summary", "articles", "annexes")
    list_select_related = ("state", "treaty")
    autocomplete_fields = ("state", "target_state")
    readonly_fields = ("key",)


@admin.register(models.SourceConflict)
class SourceConflictAdmin(RecordAdmin):
    list_display = ("subject", "source_date", "short_claim")
    search_fields = ("subject", "claim", "our_reading", "source_url")
    rebuilt_by_update_data = True

    @admin.display(description=_("claim"))
    def short_claim(self, obj: models.SourceConflict) -> str:
        return obj.claim if len(obj.claim) <= 80 else obj.claim[:79] + "…"


@admin.register(models.DatasetLoad)
class DatasetLoadAdmin(admin.ModelAdmin):
    """Read-only: a dataset load is a fact about the database, written by update-data."""

    list_display = ("loaded_at", "digest")
    readonly_fields = ("digest", "loaded_at", "summary")

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
