"""What several pages share: dates in words, source lists, and paging of long lists."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils.formats import date_format

from treatywatch.site.context import query_with
from treatywatch.site.params import page_param

PAGE_SIZE = 100


def long_date(day: date | None) -> str:
    return date_format(day, "DATE_FORMAT") if day else ""


def source_list(urls: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if not urls:
        return []
    return urls.split() if isinstance(urls, str) else list(urls)


def paged(request: HttpRequest, items: Any, total: int) -> tuple[Any, dict[str, Any]]:
    pages = max(math.ceil(total / PAGE_SIZE), 1)
    page = page_param(request, pages)
    start = (page - 1) * PAGE_SIZE
    return items[start : start + PAGE_SIZE], {
        "page": page,
        "pages": pages,
        "previous": query_with(request, page=str(page - 1)) if page > 1 else "",
        "next": query_with(request, page=str(page + 1)) if page < pages else "",
        "first_index": start + 1,
    }
