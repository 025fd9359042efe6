"""Printing rows as a table, JSON or CSV, the same way in every pledge command."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["RowFormat", "console", "print_problems", "print_rows"]

console = Console()


class RowFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def print_rows(
    rows: Sequence[dict[str, Any]],
    output: RowFormat,
    columns: Sequence[str],
    title: str = "",
) -> None:
    """JSON prints every key; CSV and the table print `columns`."""
    if output is RowFormat.JSON:
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
        return
    if output is RowFormat.CSV:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(column)) for column in columns])
        return
    table = Table(*columns, title=title or None)
    for row in rows:
        table.add_row(*(_cell(row.get(column)) for column in columns))
    console.print(table)


def print_problems(problems: Sequence[object], err: Console) -> None:
    """One `file:line: field: message` per line, never wrapped, so editors can jump to it."""
    for problem in problems:
        err.print(str(problem), markup=False, highlight=False, soft_wrap=True)
