"""`treatywatch scan PATH...`: references to the Convention in local files, no database needed."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from treatywatch.cli import app
from treatywatch.cli.bootstrap import err_console
from treatywatch.core.detect import Detector, default_detector
from treatywatch.core.extract import Extracted, Skipped, extract_path
from treatywatch.core.scanning import document_mentions, files_under, mention_row, quiet_parsers

TABLE_COLUMNS = ("path", "start", "end", "form", "lang", "confidence", "text")


class ScanFormat(StrEnum):
    JSONL = "jsonl"
    TABLE = "table"


@dataclass
class FileSummary:
    """What one file held: documents read, mentions found, and what was skipped and why."""

    path: str
    documents: int = 0
    mentions: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def skipped_whole(self) -> bool:
        """True when the file itself was skipped (empty, corrupt, unsupported…)."""
        return not self.documents and len(self.skipped) == 1 and self.skipped[0].source == self.path

    def line(self) -> str:
        if self.skipped_whole:
            return f"{self.path}: skipped: {self.skipped[0].reason}"
        parts = [_count(self.documents, "document"), _count(self.mentions, "mention")]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return f"{self.path}: {', '.join(parts)}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def lang_option(value: str | None) -> str | None:
    """Typer callback: a two-letter language code (ISO 639-1), in any case."""
    if value is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{2}", value):
        raise typer.BadParameter(f"{value!r} is not a two-letter language code such as 'en'")
    return value.lower()


def input_files(paths: Iterable[Path]) -> list[Path]:
    """Every file named or under a folder named, in the order given then sorted by path."""
    files: list[Path] = []
    for path in paths:
        files.extend(files_under(path) if path.is_dir() else [path])
    return files


def missing_paths(paths: Iterable[Path]) -> list[Path]:
    return [path for path in paths if not path.exists()]


def scan_file(
    path: Path, detector: Detector, lang: str | None
) -> tuple[FileSummary, list[dict[str, Any]]]:
    """The mention rows of one file and its summary; bad input is a skip, never an error."""
    summary = FileSummary(str(path))
    rows: list[dict[str, Any]] = []
    for result in extract_path(path):
        if isinstance(result, Extracted):
            summary.documents += 1
            mentions = document_mentions(result, detector, lang)
            summary.mentions += len(mentions)
            rows.extend(mention_row(result, mention) for mention in mentions)
        else:
            summary.skipped.append(result)
    return summary, rows


def _report(summary: FileSummary) -> None:
    err_console.print(summary.line(), markup=False, highlight=False, soft_wrap=True)
    for skip in [] if summary.skipped_whole else summary.skipped:
        err_console.print(
            f"  {skip.source}: skipped: {skip.reason}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


def _print_table(rows: list[dict[str, Any]]) -> None:
    table = Table(*TABLE_COLUMNS)
    for row in rows:
        table.add_row(*(str(row[column]) for column in TABLE_COLUMNS))
    Console().print(table)


@app.command()
def scan(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files or folders (searched recursively, in sorted order)."),
    ],
    output: Annotated[
        ScanFormat, typer.Option("--format", help="jsonl: one JSON object per mention.")
    ] = ScanFormat.JSONL,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            callback=lang_option,
            help="Language hint (ISO 639-1) where a mention's words fit several languages; "
            "default: the language each document declares.",
        ),
    ] = None,
) -> None:
    """Find references to the Convention in files of any format, archives and WARC/WET."""
    missing = missing_paths(paths)
    if missing:
        for path in missing:
            err_console.print(
                f"treatywatch scan: no such file or folder: {path}",
                style="red",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        raise typer.Exit(2)
    quiet_parsers()
    detector = default_detector()
    table_rows: list[dict[str, Any]] = []
    totals = FileSummary("")
    files = input_files(paths)
    for path in files:
        summary, rows = scan_file(path, detector, lang)
        if output is ScanFormat.JSONL:
            sys.stdout.write("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
            sys.stdout.flush()
        else:
            table_rows.extend(rows)
        _report(summary)
        totals.documents += summary.documents
        totals.mentions += summary.mentions
        totals.skipped.extend(summary.skipped)
    if output is ScanFormat.TABLE:
        _print_table(table_rows)
    err_console.print(
        f"scanned {_count(len(files), 'file')}: {_count(totals.documents, 'document')}, "
        f"{_count(totals.mentions, 'mention')}, {len(totals.skipped)} skipped",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
