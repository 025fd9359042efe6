"""The States table: filters, sorting and the downloads of exactly the rows shown."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from openpyxl import Workbook

from treatywatch.core.dataset import REGIONAL_GROUPS
from treatywatch.core.status import STATUS_RANK, StateStatus, Status
from treatywatch.site import snapshot
from treatywatch.site.params import choice_param
from treatywatch.treaties.filters import GROUPS, filter_states

__all__ = [
    "COLUMNS",
    "SORT_KEYS",
    "StateTable",
    "download_response",
    "name_key",
    "state_table",
]

STATUSES = tuple(status.value for status in Status)
SORT_KEYS = ("name", "code", "region", "status", "signed", "consented", "in_force")
DIRECTIONS = ("asc", "desc")
COLUMNS = (
    "code",
    "name",
    "region",
    "status",
    "signed",
    "consented",
    "consent_type",
    "in_force",
    "in_force_basis",
)


@dataclass(frozen=True)
class StateTable:
    as_of: date
    region: str | None
    group: str | None
    status: str | None
    sort: str
    direction: str
    rows: list[tuple[StateStatus, str]]

    @property
    def filters(self) -> dict[str, str | None]:
        return {"region": self.region, "group": self.group, "status": self.status}


def name_key(name: str) -> str:
    # "Côte d’Ivoire" sorts with C, "Égypte" with E, whatever the language.
    return "".join(
        char
        for char in unicodedata.normalize("NFKD", name.casefold())
        if not unicodedata.combining(char)
    )


def _sort_key(sort: str, row: tuple[StateStatus, str]) -> tuple[Any, ...]:
    state, region = row
    name = name_key(state.name)
    if sort == "code":
        return (state.code,)
    if sort == "region":
        return (region, name)
    if sort == "status":
        return (STATUS_RANK[state.status], name)
    if sort in ("signed", "consented", "in_force"):
        day = getattr(state, sort)
        # States without the date go last in either direction.
        return (day is None, day or date.min, name)
    return (name,)


def state_table(request: HttpRequest, as_of: date, language: str) -> StateTable:
    """The rows the States page shows for the request's filters and sort (BadParameter if bad)."""
    region = choice_param(request, "region", REGIONAL_GROUPS)
    group = choice_param(request, "group", GROUPS)
    status = choice_param(request, "status", STATUSES)
    sort = choice_param(request, "sort", SORT_KEYS) or "name"
    direction = choice_param(request, "dir", DIRECTIONS) or "asc"
    report = snapshot.report(as_of, language)
    rows = filter_states(
        snapshot.record(), report, region=region, group=group, status=status, day=as_of
    )
    rows.sort(key=lambda row: _sort_key(sort, row))
    if direction == "desc":
        dated = sort in ("signed", "consented", "in_force")
        with_day = [row for row in rows if not dated or getattr(row[0], sort) is not None]
        without = [row for row in rows if dated and getattr(row[0], sort) is None]
        rows = list(reversed(with_day)) + without
    return StateTable(as_of, region, group, status, sort, direction, rows)


def _cells(state: StateStatus, region: str) -> dict[str, Any]:
    data = state.to_json()
    return {
        "code": state.code,
        "name": state.name,
        "region": region,
        "status": str(state.status),
        "signed": data["signed"],
        "consented": data["consented"],
        "consent_type": state.consent_type,
        "in_force": data["in_force"],
        "in_force_basis": state.in_force_basis,
    }


def download_response(table: StateTable, fmt: str, language: str) -> HttpResponse:
    """The table's rows, in order, as CSV, XLSX or JSON (fmt already checked)."""
    rows = [_cells(state, region) for state, region in table.rows]
    stem = f"treatywatch-states-{table.as_of.isoformat()}"
    if fmt == "json":
        body = {
            "as_of": table.as_of.isoformat(),
            "language": language,
            "filters": table.filters,
            "sort": table.sort,
            "direction": table.direction,
            "count": len(rows),
            "states": rows,
        }
        response = HttpResponse(
            json.dumps(body, ensure_ascii=False, indent=1),
            content_type="application/json; charset=utf-8",
        )
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({key: value or "" for key, value in row.items()} for row in rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("States")
        sheet.append(list(COLUMNS))
        for row in rows:
            sheet.append(
                [
                    date.fromisoformat(row[key])
                    if key in ("signed", "consented", "in_force") and row[key]
                    else row[key]
                    for key in COLUMNS
                ]
            )
        binary = io.BytesIO()
        workbook.save(binary)
        response = HttpResponse(
            binary.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response
