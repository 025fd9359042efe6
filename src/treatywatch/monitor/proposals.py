"""The review queue: storing proposed status changes, accepting and rejecting them.

Accepting writes the proposed row through ``treaties.loading.import_file`` — the very checks
of ``treatywatch import`` — so a proposal can never put into the record what an import could
not. A proposal that corrects a record row (``replaces``) retracts that row from today, as
the record never deletes. Rejected proposals stay, so the same reading is not raised again.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from treatywatch.config import today
from treatywatch.core.depositary import ProposedChange
from treatywatch.core.records import ActionClass, DeclarationKind
from treatywatch.core.tabular import Problem, TableError
from treatywatch.monitor.models import Proposal
from treatywatch.sources.treatydb import PAGE_CHANGED
from treatywatch.treaties import models as record_models
from treatywatch.treaties.loading import WriteSummary, import_file

__all__ = [
    "OVERRIDABLE",
    "ProposalError",
    "StoreOutcome",
    "accept",
    "describe",
    "reject",
    "store_change",
]

# Fields a reviewer may set when accepting, with what they must be.
OVERRIDABLE = {
    "action_class": {c.value for c in ActionClass},
    "kind": {k.value for k in DeclarationKind},
    "summary": None,
    "note": None,
    "made_at": {"signature", "consent", "later", "unknown"},
    "effective_on": None,
}


class ProposalError(Exception):
    """A proposal cannot be decided as asked; the message says why and what to do."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class StoreOutcome:
    proposal: Proposal | None
    created: bool
    superseded: int = 0


def store_change(change: ProposedChange, source_name: str) -> StoreOutcome:
    """Queue a change unless the same one was already raised (whatever its decision)."""
    fingerprint = change.fingerprint
    existing = Proposal.objects.filter(fingerprint=fingerprint).first()
    if existing is not None:
        return StoreOutcome(existing, created=False)
    payload: dict[str, Any] = {
        "table": change.table,
        "row": dict(change.row),
        "evidence": dict(change.evidence),
        "replaces": list(change.replaces),
        "needs": list(change.needs),
    }
    with transaction.atomic():
        superseded = Proposal.objects.filter(
            subject=change.subject, status=Proposal.Status.PENDING
        ).update(status=Proposal.Status.SUPERSEDED, decided_at=timezone.now())
        proposal = Proposal.objects.create(
            kind=change.kind,
            state=change.state,
            subject=change.subject,
            fingerprint=fingerprint,
            summary=change.summary,
            payload=payload,
            source_name=source_name,
            source_url=change.source_url,
            captured_at=change.captured_at,
        )
    return StoreOutcome(proposal, created=True, superseded=superseded)


def _pending(proposal_id: int) -> Proposal:
    try:
        proposal = Proposal.objects.select_for_update().get(pk=proposal_id)
    except Proposal.DoesNotExist:
        raise ProposalError(f"no proposal #{proposal_id}") from None
    if proposal.status != Proposal.Status.PENDING:
        raise ProposalError(
            f"proposal #{proposal_id} is already {proposal.get_status_display().lower()}"
            + (f" by {proposal.reviewer}" if proposal.reviewer else "")
        )
    return proposal


def _row_with(proposal: Proposal, overrides: dict[str, str]) -> dict[str, str]:
    row = dict(proposal.payload["row"])
    for name, value in overrides.items():
        if not value:
            continue
        allowed = OVERRIDABLE.get(name, ...)
        if allowed is ...:
            raise ProposalError(f"{name} cannot be changed when accepting")
        if allowed is not None and value not in allowed:
            raise ProposalError(f"{name}: {value!r} is not one of {', '.join(sorted(allowed))}")
        row[name] = value
    missing = [name for name in proposal.payload.get("needs", []) if not row.get(name)]
    if missing:
        hint = ""
        if "action_class" in missing:
            hint = (
                ": the database's code "
                f"{row.get('action', '?')!r} lumps ratification, acceptance, approval and "
                "notification (or is not known); read the instrument and give "
                "--action-class ratification|acceptance|approval|accession|succession"
            )
        raise ProposalError(f"proposal #{proposal.pk} needs {', '.join(missing)}{hint}")
    return row


def accept(
    proposal_id: int, *, reviewer: str, overrides: dict[str, str] | None = None, note: str = ""
) -> WriteSummary | None:
    """Write the proposed row into the record and mark the proposal accepted.

    A changed page (no row) is acknowledged only. Import problems are raised as
    ProposalError with every ``Problem``; nothing is written then.
    """
    with transaction.atomic():
        proposal = _pending(proposal_id)
        summary = None
        if proposal.kind != PAGE_CHANGED:
            row = _row_with(proposal, overrides or {})
            summary = _import(proposal, row)
            retired = _retract(proposal.payload.get("replaces", []), row)
            proposal.payload = {**proposal.payload, "accepted_row": row, "retracted": retired}
        _decide(proposal, Proposal.Status.ACCEPTED, reviewer, note)
    return summary


def reject(proposal_id: int, *, reviewer: str, note: str = "") -> None:
    """Keep the proposal as rejected: the same reading will not be proposed again."""
    with transaction.atomic():
        _decide(_pending(proposal_id), Proposal.Status.REJECTED, reviewer, note)


def _decide(proposal: Proposal, status: str, reviewer: str, note: str) -> None:
    if not reviewer.strip():
        raise ProposalError("a reviewer's name is required")
    proposal.status = status
    proposal.reviewer = reviewer.strip()
    proposal.decided_at = timezone.now()
    proposal.decision_note = note
    proposal.save()


def _import(proposal: Proposal, row: dict[str, str]) -> WriteSummary:
    label = f"proposal #{proposal.pk}"
    with tempfile.TemporaryDirectory(prefix="treatywatch-proposal-") as folder:
        path = Path(folder) / f"proposal-{proposal.pk}.json"
        path.write_text(json.dumps([row], ensure_ascii=False, indent=1), encoding="utf-8")
        try:
            return import_file(path, today=today())
        except TableError as error:
            problems = [
                Problem(label, 0, problem.field, problem.message) for problem in error.problems
            ]
            raise ProposalError(
                f"{label} does not pass the import checks; nothing was written", problems
            ) from None


def _retract(keys: list[str], row: dict[str, str]) -> list[str]:
    if not keys:
        return []
    new_key = "/".join((row["treaty"], row["state"], row.get("action_class", ""), row["date"]))
    retired = []
    for key in keys:
        if key == new_key:
            continue
        updated = record_models.TreatyAction.objects.filter(key=key, retracted_on=None).update(
            retracted_on=today()
        )
        if updated:
            retired.append(key)
    return retired


def describe(proposal: Proposal) -> dict[str, Any]:
    """A proposal as the CLI and API show it."""
    captured: datetime = proposal.captured_at
    return {
        "id": proposal.pk,
        "status": proposal.status,
        "kind": proposal.kind,
        "state": proposal.state,
        "summary": proposal.summary,
        "row": proposal.payload.get("row", {}),
        "needs": proposal.payload.get("needs", []),
        "replaces": proposal.payload.get("replaces", []),
        "evidence": proposal.payload.get("evidence", {}),
        "source": proposal.source_name,
        "source_url": proposal.source_url,
        "captured_at": captured.isoformat(timespec="seconds"),
        "reviewer": proposal.reviewer,
        "decided_at": proposal.decided_at.isoformat(timespec="seconds")
        if proposal.decided_at
        else None,
        "decision_note": proposal.decision_note,
    }
