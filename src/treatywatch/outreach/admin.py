"""The outreach log in the staff workspace: the shared rules on save, the audit trail on each."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from treatywatch.outreach.models import OutreachContact
from treatywatch.staff.admin_base import RecordAdmin


class OutreachForm(forms.ModelForm):
    """No source check of its own: an internal contact needs none, and the model's `clean()`
    applies the rules shared with the importer and the API (a public one needs its URL)."""

    class Meta:
        model = OutreachContact
        fields = (
            "on", "actor_state", "actor_organisation", "target", "channel", "forum", "measure",
            "summary", "outcome", "outcome_note", "follow_up_on", "follow_up_done_on", "public",
            "source_url", "note",
        )  # fmt: skip


@admin.register(OutreachContact)
class OutreachContactAdmin(RecordAdmin):
    form = OutreachForm
    list_display = ("on", "actor", "target", "channel", "measure", "outcome", "follow_up_on")
    list_filter = ("channel", "outcome", "measure", "public", "origin")
    search_fields = ("target__code", "actor_organisation", "forum", "summary", "note")
    date_hierarchy = "on"
    autocomplete_fields = ("actor_state", "target")
    fieldsets = (
        (
            _("The contact"),
            {
                "fields": (
                    "on",
                    "actor_state",
                    "actor_organisation",
                    "target",
                    "channel",
                    "forum",
                    "measure",
                    "summary",
                )
            },
        ),
        (
            _("Outcome and follow-up"),
            {"fields": ("outcome", "outcome_note", "follow_up_on", "follow_up_done_on")},
        ),
        (_("Publication and source"), {"fields": ("public", "source_url", "note")}),
    )

    @admin.display(description=_("who acted"), ordering="actor_state")
    def actor(self, contact: OutreachContact) -> str:
        return contact.actor_state_id or contact.actor_organisation
