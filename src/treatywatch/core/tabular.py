"""Reading CSV and JSON rows with the line each row starts on, for `file:line` errors."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Problem", "Row", "TableError", "read_csv_text", "read_json_text", "read_table"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of one row."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class TableError(Exception):
    """Bad input: every problem found, so the user can fix them all in one go."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]


def read_table(path: Path) -> tuple[list[str], list[Row]]:
    """The column names and rows of a CSV or JSON file, chosen by its extension."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise TableError([Problem(name, 0, "file", "no such file")]) from None
    except UnicodeDecodeError as error:
        raise TableError([Problem(name, 0, "file", f"not UTF-8 text ({error.reason})")]) from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv_text(text, name)
    if suffix == ".json":
        return read_json_text(text, name)
    raise TableError(
        [Problem(name, 0, "file", f"unsupported format {suffix!r}: use .csv or .json")]
    )


def read_csv_text(text: str, name: str) -> tuple[list[str], list[Row]]:
    reader = csv.DictReader(io.StringIO(text))
    columns = [column.strip() for column in reader.fieldnames or []]
    if not columns:
        raise TableError([Problem(name, 1, "header", "the file has no header row")])
    problems = [
        Problem(name, 1, "header", f"column {column!r} appears twice")
        for index, column in enumerate(columns)
        if column in columns[:index]
    ]
    rows = []
    line = reader.line_num + 1
    for record in reader:
        if None in record:
            problems.append(Problem(name, line, "row", "more cells than header columns"))
        values = {
            (key or "").strip(): (value or "").strip()
            for key, value in record.items()
            if key is not None and not isinstance(value, list)
        }
        if any(values.values()):
            rows.append(Row(line, values))
        line = reader.line_num + 1
    if problems:
        raise TableError(problems)
    return columns, rows


def read_json_text(text: str, name: str) -> tuple[list[str], list[Row]]:
    """A JSON array of flat objects; each row's line is where its object starts."""
    decoder = json.JSONDecoder()
    problems: list[Problem] = []
    rows: list[Row] = []
    columns: list[str] = []
    position = _skip_space(text, 0)
    if position >= len(text) or text[position] != "[":
        raise TableError([Problem(name, _line_of(text, position), "file", "expected a JSON array")])
    position = _skip_space(text, position + 1)
    while position < len(text) and text[position] != "]":
        line = _line_of(text, position)
        try:
            item, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise TableError([Problem(name, error.lineno, "file", error.msg)]) from None
        if not isinstance(item, dict):
            problems.append(Problem(name, line, "row", "expected a JSON object"))
        else:
            values = {}
            for key, value in item.items():
                if key not in columns:
                    columns.append(key)
                if isinstance(value, (dict, list)):
                    problems.append(Problem(name, line, key, "expected a single value"))
                    continue
                values[key] = "" if value is None else str(value).strip()
            rows.append(Row(line, values))
        position = _skip_space(text, position)
        if position < len(text) and text[position] == ",":
            position = _skip_space(text, position + 1)
    if position >= len(text):
        problems.append(Problem(name, _line_of(text, position), "file", "the array is not closed"))
    if problems:
        raise TableError(problems)
    return columns, rows


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1
