"""`treatywatch monitor status`: per source, what the last runs did and whether it went silent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count
from django.db.models.functions import TruncDate

from treatywatch.core.coverage import Coverage, judge_coverage
from treatywatch.monitor.config import MonitorConfig
from treatywatch.monitor.models import ItemFailure, Proposal, Run, SeenItem, SourceState
from treatywatch.references.models import Reference

__all__ = ["SourceStatus", "source_statuses"]


@dataclass(frozen=True)
class SourceStatus:
    name: str
    kind: str
    enabled: bool
    configured: bool
    last_run_at: datetime | None
    last_status: str  # ok, failed, interrupted, never
    last_success_at: datetime | None
    items_seen: int
    items_failed: int
    retrying: int
    references: int
    last_run_new_references: int
    last_run_errors: int
    pending_proposals: int
    last_messages: tuple[str, ...]
    coverage: Coverage

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.name,
            "kind": self.kind,
            "enabled": self.enabled,
            "configured": self.configured,
            "last_run_at": self.last_run_at.isoformat(timespec="seconds")
            if self.last_run_at
            else None,
            "last_status": self.last_status,
            "last_success_at": self.last_success_at.isoformat(timespec="seconds")
            if self.last_success_at
            else None,
            "items_seen": self.items_seen,
            "items_failed": self.items_failed,
            "retrying": self.retrying,
            "references": self.references,
            "last_run_new_references": self.last_run_new_references,
            "last_run_errors": self.last_run_errors,
            "pending_proposals": self.pending_proposals,
            "last_messages": list(self.last_messages),
            "coverage_gap": self.coverage.flagged,
            "coverage": self.coverage.reason,
            "silent_days": self.coverage.silent_days,
        }


def source_statuses(config: MonitorConfig, today: date) -> list[SourceStatus]:
    """Every configured source, and any source with history that left the configuration."""
    configured = {source.name: source for source in config.sources}
    names = list(configured) + sorted(
        set(Run.objects.values_list("source", flat=True).distinct()) - set(configured)
    )
    statuses = []
    for name in names:
        source = configured.get(name)
        runs = Run.objects.filter(source=name)
        last = runs.order_by("-started_at", "-id").first()
        last_ok = runs.filter(status=Run.Status.OK).order_by("-started_at", "-id").first()
        seen = SeenItem.objects.filter(source=name)
        new_days = [
            row["day"]
            for row in seen.filter(outcome=SeenItem.Outcome.READ)
            .annotate(day=TruncDate("seen_at"))
            .values("day")
            .annotate(n=Count("id"))
        ]
        run_days = [
            row["day"]
            for row in runs.annotate(day=TruncDate("started_at")).values("day").distinct()
        ]
        coverage = judge_coverage(
            new_days, run_days, today, factor=config.gap_factor, min_days=config.gap_min_days
        )
        if source is not None and source.kind in ("treaty-database", "watch-page"):
            coverage = Coverage(False, "not a stream of documents: not judged")
        status = "never"
        if last is not None:
            status = "interrupted" if last.status == Run.Status.RUNNING else last.status
        statuses.append(
            SourceStatus(
                name=name,
                kind=source.kind if source else _stored_kind(name),
                enabled=source.enabled if source else False,
                configured=source is not None,
                last_run_at=last.started_at if last else None,
                last_status=status,
                last_success_at=last_ok.finished_at if last_ok else None,
                items_seen=seen.count(),
                items_failed=seen.filter(outcome=SeenItem.Outcome.FAILED).count(),
                retrying=ItemFailure.objects.filter(source=name).count(),
                references=Reference.objects.filter(source_name=name).count(),
                last_run_new_references=last.new_references if last else 0,
                last_run_errors=last.errors if last else 0,
                pending_proposals=Proposal.objects.filter(
                    source_name=name, status=Proposal.Status.PENDING
                ).count(),
                last_messages=tuple(last.messages[-5:]) if last else (),
                coverage=coverage,
            )
        )
    return statuses


def _stored_kind(name: str) -> str:
    state = SourceState.objects.filter(name=name).first()
    return state.kind if state else ""
