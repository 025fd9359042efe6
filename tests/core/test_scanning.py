"""The definitions `scan` and `sweep` share: language hints, record IDs, mention rows."""

import pytest

from treatywatch.core.detect import Mention
from treatywatch.core.extract import Extracted
from treatywatch.core.scanning import language_hint, mention_row, record_id_of


@pytest.mark.parametrize(
    ("declared", "hint"),
    [
        ("en", "en"),
        ("en-US", "en"),
        ("pt_BR", "pt"),
        ("slv,eng", "sl"),  # Common Crawl lists the main language first
        ("fre", "fr"),  # a bibliographic ISO 639-2 code
        ("ukr", "uk"),
        ("SRP", "sr"),
        ("", None),
        (None, None),
        ("x-klingon", None),
        ("zzz", None),
        ("1234", None),
    ],
)
def test_language_hint_reads_what_documents_declare(declared, hint):
    assert language_hint(declared) == hint


def test_record_id_is_read_after_the_container_name_only():
    """A '#' in a folder name is not a record separator."""
    assert record_id_of("a#b/x.wet.gz#urn:uuid:1", "a#b/x.wet.gz") == "urn:uuid:1"
    assert record_id_of("x.warc.gz#urn:uuid:2!doc.pdf", "x.warc.gz") == "urn:uuid:2"
    assert record_id_of("a#b/x.txt", "a#b/x.txt") is None
    assert record_id_of("other.wet.gz#urn:uuid:1", "x.wet.gz") is None


def test_mention_row_has_url_only_when_known():
    mention = Mention(4, 9, "Conv.", "short", "en", "… Conv. …", 0.9)
    plain = mention_row(Extracted(source="a.txt", text="The Conv.", format="txt"), mention)
    assert "url" not in plain and plain["path"] == "a.txt" and plain["start"] == 4
    page = Extracted(source="p.html", text="The Conv.", format="html", url="https://x.example/")
    assert mention_row(page, mention)["url"] == "https://x.example/"
