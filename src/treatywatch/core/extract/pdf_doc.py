"""PDF through pypdf: pages joined by form feeds; encrypted, corrupt and overlong files skipped."""

from __future__ import annotations

import io
import logging
from datetime import datetime

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from treatywatch.core.extract.records import Extracted, Limits, Result, Skipped

logger = logging.getLogger("treatywatch.core.extract")

PAGE_SEPARATOR = "\f"


def _metadata(reader: PdfReader) -> dict[str, str | None]:
    try:
        info = reader.metadata
        if info is None:
            return {}
        created = info.creation_date
        return {
            "title": (info.title or "").strip() or None,
            "author": (info.author or "").strip() or None,
            "published": created.date().isoformat() if isinstance(created, datetime) else None,
        }
    except Exception:  # malformed Info dictionaries are common and never worth losing the text
        return {}


def extract_pdf(data: bytes, source: str, limits: Limits) -> Result:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # Owner-password-only PDFs open with an empty user password, as in any viewer.
            try:
                opened = reader.decrypt("")
            except Exception as exc:
                return Skipped(source, f"encrypted PDF: {exc}")
            if not opened:
                return Skipped(source, "encrypted PDF")
        page_count = len(reader.pages)
    except (PdfReadError, ValueError, TypeError, KeyError, OSError, AttributeError) as exc:
        return Skipped(source, f"corrupt PDF: {exc}")
    if page_count > limits.max_pdf_pages:
        return Skipped(source, f"over page limit: {page_count} pages > {limits.max_pdf_pages}")
    texts = []
    failed = 0
    for page in reader.pages:
        try:
            texts.append(page.extract_text() or "")
        except Exception:  # one broken page should not cost the rest of the document
            failed += 1
            texts.append("")
    if page_count and failed == page_count:
        return Skipped(source, "corrupt PDF: no page could be read")
    if failed:
        logger.warning("%s: %d of %d PDF pages could not be read", source, failed, page_count)
    return Extracted(
        source=source, text=PAGE_SEPARATOR.join(texts), format="pdf", **_metadata(reader)
    )
