"""HTML: trafilatura's main text and metadata, with a whole-page text dump when it finds nothing."""

from __future__ import annotations

import logging
import re

import lxml.etree
import lxml.html
import trafilatura

from treatywatch.core.extract.plain import decode_text
from treatywatch.core.extract.records import Extracted, Result, Skipped

logger = logging.getLogger("treatywatch.core.extract")

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_NON_CONTENT = ("script", "style", "noscript", "template", "svg")
_BLOCK_GAPS = re.compile(r"[ \t\r\f\v]*\n\s*")


def decode_html(data: bytes, charset: str | None = None) -> str | None:
    """Decode with the server's or the page's declared charset, else as text is decoded."""
    declared = _META_CHARSET.search(data[:4096])
    for candidate in (charset, declared.group(1).decode("ascii") if declared else None):
        if not candidate:
            continue
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    decoded = decode_text(data)
    return decoded[0] if decoded else None


def _parse(markup: str) -> lxml.html.HtmlElement | None:
    # An XML declaration in a str makes lxml refuse to parse; it carries nothing we need.
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup, count=1)
    if not markup.strip():
        return None
    try:
        return lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError):
        return None


def _page_facts(tree: lxml.html.HtmlElement) -> dict[str, str | None]:
    """Title, declared language and canonical URL, read before trafilatura prunes the tree."""
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not lang:
        metas = tree.xpath(
            '//meta[translate(@http-equiv,"CONTENTLAGU","contentlagu")="content-language"]/@content'
        )
        lang = metas[0] if metas else None
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    title = tree.findtext(".//title")
    return {
        "language": lang.strip() or None if lang else None,
        "url": canonical[0].strip() or None if canonical else None,
        "title": " ".join(title.split()) or None if title else None,
    }


def text_dump(tree: lxml.html.HtmlElement) -> str:
    """Every visible string of the page, one block per line: the fallback for odd pages."""
    for element in tree.iter(*_NON_CONTENT):
        element.drop_tree()
    for element in tree.iter("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "td", "th"):
        element.tail = "\n" + (element.tail or "")
    text = tree.text_content()
    return _BLOCK_GAPS.sub("\n", " ".join(text.split(" "))).strip()


def extract_html(
    data: bytes, source: str, *, charset: str | None = None, url: str | None = None
) -> Result:
    markup = decode_html(data, charset)
    if markup is None:
        return Skipped(source, "not text: HTML in an unknown encoding")
    tree = _parse(markup)
    if tree is None:
        return Extracted(source=source, text="", format="html")
    facts = _page_facts(tree)
    document = None
    try:
        document = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as exc:  # trafilatura has many internal failure modes; fall back, never fail
        logger.info("%s: trafilatura failed (%s); using a plain text dump", source, exc)
    main_text = (getattr(document, "text", None) or "").strip()
    if not main_text:
        fresh = _parse(markup)
        main_text = text_dump(fresh) if fresh is not None else ""

    def meta(name: str) -> str | None:
        value = getattr(document, name, None)
        return value.strip() or None if isinstance(value, str) else None

    return Extracted(
        source=source,
        text=main_text,
        format="html",
        title=meta("title") or facts["title"],
        published=meta("date"),
        author=meta("author"),
        site=meta("sitename") or meta("hostname"),
        url=facts["url"] or meta("url"),
        language=facts["language"] or meta("language"),
    )
