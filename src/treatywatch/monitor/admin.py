"""The review queue and the monitor's state in the staff workspace."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from treatywatch.monitor.models import Proposal, Run, ScanCount, SeenItem, SourceState


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ("id", "summary", "kind", "state", "status", "captured_at", "reviewer")
    list_filter = ("status", "kind", "source_name")
    search_fields = ("summary", "state", "source_url")
    readonly_fields = [field.name for field in Proposal._meta.fields]
    actions = ["accept_selected", "reject_selected"]

    def has_review_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("monitor.review_proposal")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # proposals come from sources, never typed in

    @admin.action(
        description=_("Accept the selected proposals (through the import checks)"),
        permissions=["review"],
    )
    def accept_selected(self, request: HttpRequest, queryset: QuerySet[Proposal]) -> None:
        from treatywatch.monitor.proposals import ProposalError, accept

        for proposal in queryset:
            try:
                accept(proposal.pk, reviewer=request.user.get_username())
            except ProposalError as error:
                self.message_user(request, f"#{proposal.pk}: {error}", messages.ERROR)

    @admin.action(description=_("Reject the selected proposals"), permissions=["review"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[Proposal]) -> None:
        from treatywatch.monitor.proposals import ProposalError, reject

        for proposal in queryset:
            try:
                reject(proposal.pk, reviewer=request.user.get_username())
            except ProposalError as error:
                self.message_user(request, f"#{proposal.pk}: {error}", messages.ERROR)


@admin.register(Run)
class RunAdmin(admin.ModelAdmin):
    list_display = ("source", "started_at", "status", "items_new", "new_references", "errors")
    list_filter = ("status", "source")


admin.site.register(SourceState)
admin.site.register(SeenItem)
admin.site.register(ScanCount)
