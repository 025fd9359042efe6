"""Bringing the bundled references into the database, keeping what reviewers decided."""

from __future__ import annotations

from collections.abc import Iterable

from treatywatch.core.evidence import ReferenceRecord
from treatywatch.events.models import ReviewStatus
from treatywatch.references.models import Reference
from treatywatch.treaties.models import Origin

__all__ = ["merge_bundled_references", "reference_fields"]


def reference_fields(reference: ReferenceRecord) -> dict[str, object]:
    return {
        "title": reference.title,
        "published_on": reference.published_on,
        "kind": str(reference.kind),
        "language": reference.language,
        "forum": reference.forum,
        "publisher": reference.publisher,
        "country_id": reference.country or None,
        "summary": reference.summary,
        "source_date": reference.source_date,
        "note": reference.note,
    }


def merge_bundled_references(references: Iterable[ReferenceRecord]) -> dict[str, int]:
    """Add or refresh bundled references (confirmed: each was read and cited by us)."""
    counts = {"added": 0, "changed": 0, "unchanged": 0, "kept": 0}
    existing = {reference.url: reference for reference in Reference.objects.all()}
    for record in references:
        fields = reference_fields(record)
        row = existing.get(record.url)
        if row is None:
            Reference.objects.create(
                url=record.url, origin=Origin.BUNDLED, review=ReviewStatus.CONFIRMED, **fields
            )
            counts["added"] += 1
        elif row.origin != Origin.BUNDLED:
            counts["kept"] += 1
        elif any(getattr(row, name) != value for name, value in fields.items()):
            Reference.objects.filter(pk=row.pk).update(**fields)
            counts["changed"] += 1
        else:
            counts["unchanged"] += 1
    return counts
