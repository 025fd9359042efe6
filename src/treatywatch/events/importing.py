"""`treatywatch events import`: a CSV or JSON file of events, checked whole, written whole."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from django.db import transaction

from treatywatch.core.event_duplicates import LikelyDuplicate
from treatywatch.core.event_rules import read_events
from treatywatch.core.evidence import Review
from treatywatch.core.tabular import TableError, read_table
from treatywatch.events.services import duplicates_of, save_event
from treatywatch.treaties.models import Origin, State

__all__ = ["EventImport", "import_events"]


@dataclass
class EventImport:
    """What an import did, and the pairs of events that look like the same one."""

    counts: Counter[str] = field(default_factory=Counter)
    slugs: list[str] = field(default_factory=list)
    duplicates: list[LikelyDuplicate] = field(default_factory=list)


def import_events(path: Path, today: date, *, confirm: bool = False) -> EventImport:
    """Check every row of `path`; write nothing if one is bad (TableError), all otherwise.

    Importing the same file twice changes nothing the second time. Rows are pending review
    unless the file has a `review` column or `confirm` is set; a file without a `review`
    column leaves the review of events already in the database as it was.
    """
    columns, rows = read_table(path)
    codes = set(State.objects.values_list("code", flat=True))
    records, problems = read_events(str(path), rows, codes, today)
    if problems:
        raise TableError(problems)
    explicit_review = confirm or "review" in columns
    result = EventImport()
    with transaction.atomic():
        for record in records:
            if confirm:
                record = replace(record, review=Review.CONFIRMED)
            _, outcome = save_event(record, Origin.IMPORT, set_review=explicit_review)
            result.counts[outcome] += 1
            result.slugs.append(record.slug)
    result.duplicates = duplicates_of(set(result.slugs))
    return result
