"""The UN Digital Library's search, read as MARCXML (``of=xm``).

The library runs on Invenio: a search answers a MARC21 ``<collection>`` of ``<record>``s,
preceded by a comment ``Search-Engine-Total-Number-Of-Results: N``, and pages with ``rg``
(records per page) and ``jrec`` (first record, from 1). The fields read are the UN's own
cataloguing practice: 001 record id, 191 $a document symbol, 245 $a/$b title, 269 $a date,
856 $u a file, with its language in $y (or $3 in older records).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode, urlsplit

from lxml import etree

from treatywatch.core.dates import DateError, parse_date
from treatywatch.monitor.fetcher import XML_TYPES
from treatywatch.sources.base import Candidate, Context, Found, Notice, SourceError

__all__ = ["UnRecord", "discover_undl", "parse_marcxml", "search_url"]

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_TOTAL = re.compile(rb"Search-Engine-Total-Number-Of-Results:\s*(\d+)")
_LANGUAGE_SUFFIX = {
    "english": "EN",
    "french": "FR",
    "spanish": "ES",
    "russian": "RU",
    "arabic": "AR",
    "chinese": "ZH",
}


@dataclass(frozen=True)
class UnRecord:
    recid: str
    symbol: str
    title: str
    day: date | None
    files: tuple[tuple[str, str], ...]  # (URL, language label)

    def file_in(self, language: str) -> str | None:
        """The PDF in ``language`` (a label such as 'English'), or None."""
        wanted = language.casefold()
        suffix = _LANGUAGE_SUFFIX.get(wanted, "")
        for url, label in self.files:
            if label.casefold() == wanted:
                return url
        for url, _ in self.files:
            if suffix and re.search(rf"[-_]{suffix}\.pdf$", url, re.IGNORECASE):
                return url
        return None


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _subfields(field: etree._Element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for child in field:
        if _local(child.tag) == "subfield":
            found.setdefault(child.get("code", ""), []).append((child.text or "").strip())
    return found


def _day(text: str) -> date | None:
    cleaned = text.strip()
    for candidate in (cleaned[:10], cleaned):
        try:
            return parse_date(candidate)
        except DateError:
            continue
    if re.fullmatch(r"\d{8}", cleaned):
        return _day(f"{cleaned[:4]}-{cleaned[4:6]}-{cleaned[6:]}")
    return None


def parse_marcxml(content: bytes) -> tuple[int | None, list[UnRecord]]:
    """The total the search reports (None if absent) and the records of this page."""
    total_match = _TOTAL.search(content[:4096])
    total = int(total_match.group(1)) if total_match else None
    try:
        root = etree.fromstring(content, _PARSER)
    except etree.XMLSyntaxError as error:
        raise SourceError(f"not MARCXML: {error}") from None
    if _local(root.tag) not in ("collection", "record"):
        raise SourceError(f"not MARCXML: the root element is <{_local(root.tag)}>")
    elements = (
        [root]
        if _local(root.tag) == "record"
        else [element for element in root if _local(element.tag) == "record"]
    )
    records = []
    for element in elements:
        recid, symbol, title, day, files = "", "", "", None, []
        for field in element:
            tag = field.get("tag", "")
            if _local(field.tag) == "controlfield" and tag == "001":
                recid = (field.text or "").strip()
                continue
            if _local(field.tag) != "datafield":
                continue
            sub = _subfields(field)
            if tag == "191" and not symbol:
                symbol = (sub.get("a") or [""])[0]
            elif tag == "245" and not title:
                title = " ".join(part for part in (*sub.get("a", []), *sub.get("b", [])) if part)
                title = title.rstrip(" /:")
            elif tag == "269" and day is None:
                day = _day((sub.get("a") or [""])[0])
            elif tag == "856":
                for url in sub.get("u", []):
                    label = (sub.get("y") or sub.get("3") or [""])[0]
                    files.append((url, label))
        if recid:
            records.append(UnRecord(recid, symbol, title, day, tuple(files)))
    return total, records


def search_url(endpoint: str, query: str, page_size: int, first: int) -> str:
    params = {"p": query, "of": "xm", "rg": str(page_size), "jrec": str(first), "so": "d"}
    return f"{endpoint}?{urlencode(params)}"


def discover_undl(context: Context) -> Iterator[Found]:
    options = context.source.options
    parts = urlsplit(options["endpoint"])
    record_base = f"{parts.scheme}://{parts.netloc}/record/"
    first = 1
    for _ in range(options["max_pages"]):
        url = search_url(options["endpoint"], options["query"], options["page_size"], first)
        fetched = context.fetch(url, (*XML_TYPES, "application/marcxml+xml"))
        total, records = parse_marcxml(fetched.content)
        for record in records:
            if context.since and record.day and record.day < context.since:
                continue
            file_url = record.file_in(options["prefer_language"])
            if file_url is None:
                yield Notice(
                    f"record {record.recid} ({record.symbol or 'no symbol'}) has no "
                    f"{options['prefer_language']} file; its record page is read instead"
                )
            title = f"{record.symbol}: {record.title}" if record.symbol else record.title
            yield Candidate(
                key=f"record/{record.recid}",
                url=file_url or f"{record_base}{record.recid}",
                title=title,
                published=record.day,
                language="en" if file_url and options["prefer_language"] == "English" else "",
            )
        first += options["page_size"]
        if not records or (total is not None and first > total):
            break
