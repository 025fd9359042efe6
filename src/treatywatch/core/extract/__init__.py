"""Text extraction from documents, archives and web crawls, for reference detection.

Pure core: no Django and no network. Every input yields ``Extracted`` or ``Skipped``;
bad input never raises. An empty file (zero bytes) is ``Skipped("empty file")``, whatever
its extension: there is no document in it, and a zero-byte ``.pdf`` is not a PDF.
"""

from treatywatch.core.extract.dispatch import extract_bytes, extract_path, iter_warc_records
from treatywatch.core.extract.records import DEFAULT_LIMITS, Extracted, Limits, Skipped

__all__ = [
    "DEFAULT_LIMITS",
    "Extracted",
    "Limits",
    "Skipped",
    "extract_bytes",
    "extract_path",
    "iter_warc_records",
]
