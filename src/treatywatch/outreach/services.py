"""What the staff workspace, the API and the CLI call: check, save, list and follow up."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from treatywatch.config import today as configured_today
from treatywatch.core.outreach import FollowUp as FollowUp
from treatywatch.core.outreach import (
    OutreachInvalid,
    OutreachRecord,
    due_follow_ups,
    read_outreach,
    validate_outreach,
)
from treatywatch.core.tabular import TableError, read_table
from treatywatch.outreach.models import OutreachContact
from treatywatch.treaties.models import Origin, State

__all__ = [
    "FollowUp",
    "OutreachImport",
    "OutreachInvalid",
    "follow_ups_due",
    "import_outreach",
    "outreach_records",
    "save_outreach",
    "validate_outreach_payload",
]


def validate_outreach_payload(
    payload: Mapping[str, Any], today: date | None = None
) -> OutreachRecord:
    """A checked record from a JSON body; OutreachInvalid lists each field at fault."""
    codes = set(State.objects.values_list("code", flat=True))
    return validate_outreach(payload, codes, today or configured_today())


def _fields(record: OutreachRecord) -> dict[str, Any]:
    return {
        "on": record.on,
        "actor_state_id": record.actor_state or None,
        "actor_organisation": record.actor_organisation,
        "target_id": record.target,
        "channel": record.channel,
        "forum": record.forum,
        "measure": record.measure,
        "summary": record.summary,
        "outcome": record.outcome,
        "outcome_note": record.outcome_note,
        "follow_up_on": record.follow_up_on,
        "follow_up_done_on": record.follow_up_done_on,
        "public": record.public,
        "source_url": record.source_url,
        "note": record.note,
    }


def save_outreach(
    record: OutreachRecord, origin: str = Origin.STAFF
) -> tuple[OutreachContact, str]:
    """Create or update the contact with the record's key: (row, added|changed|unchanged)."""
    fields = _fields(record)
    row = OutreachContact.objects.filter(key=record.key).first()
    if row is None:
        row = OutreachContact(origin=origin, **fields)
        row.save()
        return row, "added"
    if all(getattr(row, name) == value for name, value in fields.items()):
        return row, "unchanged"
    for name, value in fields.items():
        setattr(row, name, value)
    row.origin = origin
    row.save()
    return row, "changed"


def outreach_records(
    *,
    start: date | None = None,
    end: date | None = None,
    state: str | None = None,
    public_only: bool = False,
) -> list[OutreachRecord]:
    """Contacts oldest first; `state` matches the acting or the approached State."""
    rows = OutreachContact.objects.all()
    if start is not None:
        rows = rows.filter(on__gte=start)
    if end is not None:
        rows = rows.filter(on__lte=end)
    if public_only:
        rows = rows.filter(public=True)
    records = [row.to_record() for row in rows.order_by("on", "key")]
    if state is not None:
        records = [r for r in records if state in (r.target, r.actor_state)]
    return records


def follow_ups_due(today: date | None = None, within_days: int = 14) -> list[FollowUp]:
    """Follow-ups not done that fall due within `within_days`: the staff workspace's to-do list."""
    records = [
        row.to_record()
        for row in OutreachContact.objects.filter(
            follow_up_on__isnull=False, follow_up_done_on__isnull=True
        )
    ]
    return due_follow_ups(records, today or configured_today(), within_days)


@dataclass
class OutreachImport:
    counts: Counter[str] = field(default_factory=Counter)


def import_outreach(path: Path, today: date) -> OutreachImport:
    """Check every row of a CSV or JSON file; write all of it or nothing (TableError)."""
    _, rows = read_table(path)
    codes = set(State.objects.values_list("code", flat=True))
    records, problems = read_outreach(str(path), rows, codes, today)
    if problems:
        raise TableError(problems)
    result = OutreachImport()
    with transaction.atomic():
        for record in records:
            _, outcome = save_outreach(record, Origin.IMPORT)
            result.counts[outcome] += 1
    return result
