"""What the monitor stored, as plain sorted data, to compare two databases.

Run and timing columns are left out (a resumed run has one more Run row and other times);
everything a run derives from what it read is in. ``python -m tests.monitor.snapshot``
prints the snapshot of the configured database as JSON, for the subprocess tests.
"""

from __future__ import annotations

import json
from typing import Any


def snapshot(*, cursors: bool = True) -> dict[str, Any]:
    from treatywatch.monitor.models import (
        DocumentSignature,
        ItemFailure,
        Proposal,
        ScanCount,
        SeenItem,
        SourceState,
    )
    from treatywatch.references.models import Mention, Reference

    references = Reference.objects.exclude(source_name="")
    data: dict[str, Any] = {
        "seen": sorted(
            SeenItem.objects.values_list(
                "source", "key", "url", "outcome", "documents", "mentions", "error"
            )
        ),
        "retrying": sorted(ItemFailure.objects.values_list("source", "key", "url")),
        "references": sorted(
            (
                row[0],
                row[1],
                str(row[2]),
                row[3],
                row[4],
                row[5] or "",
                row[6],
                row[7],
                row[8],
                row[9],
                row[10],
                row[11],
                str(row[12]),
            )
            for row in references.values_list(
                "url",
                "title",
                "published_on",
                "kind",
                "language",
                "country_id",
                "cluster",
                "review",
                "source_name",
                "document_hash",
                "forum",
                "publisher",
                "source_date",
            )
        ),
        "mentions": sorted(
            Mention.objects.filter(reference__in=references).values_list(
                "reference__url",
                "start",
                "end",
                "text",
                "form",
                "language",
                "snippet",
                "confidence",
            )
        ),
        "signatures": sorted(
            (key, text_hash, bytes(minhash).hex(), cluster, match)
            for key, text_hash, minhash, cluster, match in DocumentSignature.objects.values_list(
                "doc_key", "text_hash", "minhash", "cluster", "match"
            )
        ),
        "scan_counts": sorted(
            (source, str(month), language, country, documents)
            for source, month, language, country, documents in ScanCount.objects.values_list(
                "source", "month", "language", "country", "documents"
            )
        ),
        "proposals": sorted(
            Proposal.objects.values_list("kind", "state", "fingerprint", "status", "summary")
        ),
    }
    if cursors:
        data["sources"] = sorted(
            (name, json.dumps(cursor, sort_keys=True), json.dumps(validators, sort_keys=True))
            for name, cursor, validators in SourceState.objects.values_list(
                "name", "cursor", "validators"
            )
        )
    return json.loads(json.dumps(data, default=str))  # tuples → lists, as JSON would


def reset() -> None:
    """Forget everything the monitor stored, as on a fresh install (the record stays)."""
    from treatywatch.monitor.models import (
        DocumentSignature,
        ItemFailure,
        Proposal,
        Run,
        ScanCount,
        SeenItem,
        SourceState,
    )
    from treatywatch.references.models import Reference

    Reference.objects.exclude(source_name="").delete()
    for model in (DocumentSignature, ItemFailure, Proposal, Run, ScanCount, SeenItem, SourceState):
        model.objects.all().delete()


if __name__ == "__main__":
    from treatywatch.cli.bootstrap import setup_django

    setup_django()
    print(json.dumps(snapshot(cursors=False), ensure_ascii=False))
