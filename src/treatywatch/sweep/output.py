"""What a sweep leaves in its output folder: mentions as Parquet, a JSON summary, the skips.

mentions.parquet  one row per mention (COLUMNS), in input order
summary.json      documents, bytes, mentions, documents_with_mentions, languages, …
skipped.jsonl     every input or record not read, with the reason
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from treatywatch.sweep.tasks import TaskResult

MENTIONS_FILE = "mentions.parquet"
SUMMARY_FILE = "summary.json"
SKIPPED_FILE = "skipped.jsonl"
SKIPPED_EXAMPLES = 20

SCHEMA = pa.schema(
    [
        pa.field("source", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("record_id", pa.string()),
        pa.field("lang", pa.string(), nullable=False),
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("form", pa.string(), nullable=False),
        pa.field("confidence", pa.float64(), nullable=False),
        pa.field("snippet", pa.string(), nullable=False),
    ]
)


def write_mentions(path: Path, results: Iterable[TaskResult]) -> int:
    """Write every mention row, task by task; return how many."""
    written = 0
    with pq.ParquetWriter(path, SCHEMA) as writer:
        for result in results:
            if result.rows:
                writer.write_table(pa.Table.from_pylist(result.rows, schema=SCHEMA))
                written += len(result.rows)
    if not written:
        # An empty sweep still leaves a readable file with the right columns.
        pq.write_table(SCHEMA.empty_table(), path)
    return written


def _by_count(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def summarise(results: list[TaskResult], **facts: Any) -> dict[str, Any]:
    """The totals over every task, with `facts` (inputs, elapsed…) merged in."""
    languages: Counter[str] = Counter()
    documents_by_language: Counter[str] = Counter()
    skipped = [item for result in results for item in result.skipped]
    for result in results:
        languages.update(result.languages)
        documents_by_language.update(result.document_languages)
    summary: dict[str, Any] = {
        "documents": sum(result.documents for result in results),
        "bytes": sum(result.bytes for result in results),
        "mentions": sum(len(result.rows) for result in results),
        "documents_with_mentions": sum(result.documents_with_mentions for result in results),
        "languages": _by_count(languages),
        "documents_by_language": _by_count(documents_by_language),
        "skipped": len(skipped),
        "skipped_examples": [
            {"source": source, "reason": reason} for source, reason in skipped[:SKIPPED_EXAMPLES]
        ],
    }
    summary.update(facts)
    return summary


def write_outputs(folder: Path, results: list[TaskResult], summary: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_mentions(folder / MENTIONS_FILE, results)
    with (folder / SKIPPED_FILE).open("w", encoding="utf-8") as handle:
        for result in results:
            for source, reason in result.skipped:
                handle.write(json.dumps({"source": source, "reason": reason}, ensure_ascii=False))
                handle.write("\n")
    (folder / SUMMARY_FILE).write_text(
        json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
