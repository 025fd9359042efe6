"""What every record's admin shares: its audit trail, source checks, and staff origin on save."""

from __future__ import annotations

from typing import Any

from auditlog.mixins import AuditlogHistoryAdminMixin
from django.contrib import admin, messages
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from treatywatch.events.models import ReviewStatus
from treatywatch.staff.audit import audit_trail
from treatywatch.staff.forms import SourcedForm
from treatywatch.treaties.models import Origin

__all__ = ["BUNDLE_WARNING", "RecordAdmin", "ReviewedRecordAdmin"]

BUNDLE_WARNING = _(
    "This table is rebuilt from the bundled files each time update-data runs: a change made "
    "here must also be made in src/treatywatch/data/ or it will be overwritten."
)


class RecordAdmin(AuditlogHistoryAdminMixin, admin.ModelAdmin):
    """A record's admin page: its fields, then its audit trail; saving marks it as staff's."""

    form = SourcedForm
    show_auditlog_history_link = False
    list_per_page = 50
    # Set on tables that update-data rebuilds, to warn before anyone edits them.
    rebuilt_by_update_data = False

    class Media:
        css = {"all": ("staff/audit.css",)}

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> Any:
        readonly = list(super().get_readonly_fields(request, obj))
        if any(field.name == "origin" for field in self.model._meta.fields):
            readonly.append("origin")
        if obj is not None:
            readonly.append("audit_trail")
        return readonly

    def get_fieldsets(self, request: HttpRequest, obj: Model | None = None) -> Any:
        fieldsets = list(super().get_fieldsets(request, obj))
        if not self.fieldsets:
            return fieldsets  # Django lists read-only fields after the form's own
        listed = {name for _title, options in fieldsets for name in options["fields"]}
        extra = [
            name
            for name in ("origin", "audit_trail")
            if name in self.get_readonly_fields(request, obj) and name not in listed
        ]
        if extra:
            fieldsets.append((_("Origin and audit log"), {"fields": extra}))
        return fieldsets

    @admin.display(description=_("Audit log (latest changes first)"))
    def audit_trail(self, obj: Model) -> str:
        opts = self.model._meta
        full_log = reverse(f"admin:{opts.app_label}_{opts.model_name}_auditlog", args=[obj.pk])
        return format_html(
            '{}<p><a href="{}">{}</a></p>', audit_trail(obj), full_log, _("The whole audit log")
        )

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # update-data refreshes only rows still marked bundled: a staff edit must survive it.
        if hasattr(obj, "origin"):
            obj.origin = Origin.STAFF
        super().save_model(request, obj, form, change)

    def render_change_form(
        self, request: HttpRequest, context: dict[str, Any], *args: Any, **kwargs: Any
    ) -> Any:
        if self.rebuilt_by_update_data and self.has_change_permission(request):
            messages.warning(request, BUNDLE_WARNING)
        return super().render_change_form(request, context, *args, **kwargs)


class ReviewedRecordAdmin(RecordAdmin):
    """Events and references: reviewers confirm or reject them; others cannot change review."""

    review_permission = ""  # "app_label.codename", set by each subclass
    actions = ("confirm_selected", "reject_selected")

    def has_review_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(self.review_permission)

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> Any:
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_review_permission(request):
            readonly.append("review")
        return readonly

    def _review(self, request: HttpRequest, queryset: QuerySet[Any], decision: str) -> None:
        changed = 0
        for row in queryset.exclude(review=decision):
            row.review = decision
            # Saved one by one so that each decision enters the audit log with its reviewer.
            row.save(update_fields=["review"])
            changed += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d item marked %(decision)s.",
                "%(count)d items marked %(decision)s.",
                changed,
            )
            % {"count": changed, "decision": ReviewStatus(decision).label},
            messages.SUCCESS,
        )

    @admin.action(description=_("Confirm the selected items"), permissions=["review"])
    def confirm_selected(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        self._review(request, queryset, ReviewStatus.CONFIRMED)

    @admin.action(description=_("Reject the selected items"), permissions=["review"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        self._review(request, queryset, ReviewStatus.REJECTED)
