"""WARC and WET: streamed record by record, with language, URL and record-ID sources."""

import gzip
import io
import random

import pytest
from makers import make_pdf, make_warc

from treatywatch.core.extract import (
    Extracted,
    Limits,
    Skipped,
    extract_bytes,
    extract_path,
    iter_warc_records,
)

PAGE = (
    b"<html lang='es'><head><title>Convenio | Diario</title>"
    b"<link rel='canonical' href='https://diario.example/canonical'></head><body>"
    b"<nav>Inicio Deportes</nav><article><h1>Convenio de Liubliana-La Haya</h1><p>"
    + "Argentina firmó el Convenio de Liubliana-La Haya sobre cooperación internacional. ".encode()
    * 4
    + b"</p></article></body></html>"
)


def wet_records():
    return [
        {
            "kind": "conversion",
            "url": "https://news.example/sl/1",
            "payload": "Ljubljansko-haaška konvencija\nDrugi odstavek.".encode(),
            "content_type": "text/plain",
            "headers": {"WARC-Identified-Content-Language": "slv,eng"},
        },
        {
            "kind": "conversion",
            "url": "https://news.example/pl/2",
            "payload": "Konwencja lublańsko-haska".encode(),
            "content_type": "text/plain",
            "headers": {"WARC-Identified-Content-Language": "pol"},
        },
    ]


def warc_records():
    return [
        {"kind": "request", "url": "https://diario.example/a", "payload": b""},
        {"kind": "response", "url": "https://diario.example/a", "payload": PAGE},
        {
            "kind": "response",
            "url": "https://diario.example/missing",
            "payload": b"<html><body>Not found</body></html>",
            "status": "404 Not Found",
        },
        {
            "kind": "response",
            "url": "https://diario.example/logo.png",
            "payload": b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
            "content_type": "image/png",
        },
        {
            "kind": "response",
            "url": "https://diario.example/tratado.pdf",
            "payload": make_pdf(["Tratado de Asistencia Judicial"]),
            "content_type": "application/pdf",
        },
    ]


@pytest.mark.parametrize("compress", [True, False], ids=["gz", "plain"])
def test_wet_records_carry_text_url_language_and_record_id(compress):
    """Each WET conversion record yields its UTF-8 text, URI, declared language and ID."""
    data = make_warc(wet_records(), compress=compress)
    results = list(iter_warc_records(io.BytesIO(data), "crawl.wet.gz"))
    assert [r.format for r in results] == ["wet", "wet"]
    first, second = results
    assert first.text == "Ljubljansko-haaška konvencija\nDrugi odstavek."
    assert (first.url, first.language) == ("https://news.example/sl/1", "slv,eng")
    assert first.source.startswith("crawl.wet.gz#urn:uuid:")
    assert second.language == "pol" and second.text == "Konwencja lublańsko-haska"
    assert first.source != second.source


def test_warc_responses_go_through_the_right_extractor_and_the_rest_is_passed_over():
    """The HTML response is extracted as main text with the target URI; the request, the
    404, and the image produce nothing; the PDF response is read as a PDF."""
    data = make_warc(warc_records())
    results = list(iter_warc_records(io.BytesIO(data), "site.warc.gz"))
    assert [type(r).__name__ for r in results] == ["Extracted", "Extracted"]
    page, pdf = results
    assert page.format == "warc"
    assert "Argentina firmó el Convenio de Liubliana-La Haya" in page.text
    assert "Deportes" not in page.text
    assert page.url == "https://diario.example/a"
    assert page.title == "Convenio de Liubliana-La Haya"
    assert page.language == "es"
    assert "Tratado de Asistencia Judicial" in pdf.text
    assert pdf.url == "https://diario.example/tratado.pdf"
    assert pdf.source.startswith("site.warc.gz#urn:uuid:")


def test_a_warc_file_is_streamed_not_subject_to_the_file_size_limit(tmp_path):
    """extract_path streams a .warc.gz larger than max_bytes; each record is still bounded."""
    records = [
        {
            "kind": "conversion",
            "url": f"https://x.example/{i}",
            "payload": (f"record {i} " * 200).encode(),
            "content_type": "text/plain",
        }
        for i in range(20)
    ]
    path = tmp_path / "big.wet.gz"
    path.write_bytes(make_warc(records))
    limits = Limits(max_bytes=3000)
    assert path.stat().st_size > limits.max_bytes
    results = list(extract_path(path, limits))
    assert len(results) == 20 and all(isinstance(r, Extracted) for r in results)
    tight = list(extract_path(path, Limits(max_bytes=1000)))
    assert all(isinstance(r, Skipped) and "over size limit" in r.reason for r in tight)
    assert len(tight) == 20


class ChunkOnlyStream(io.RawIOBase):
    """A one-way stream that fails the test if anyone asks for everything at once."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)
        self.largest_read = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        assert size is not None and size >= 0, "read() of the whole stream"
        self.largest_read = max(self.largest_read, size)
        return self._data.read(size)

    def readinto(self, buffer) -> int:
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_iter_warc_records_reads_in_bounded_chunks():
    """A 6 MB WET is read through a non-seekable stream in chunks of at most 1 MiB."""
    records = [
        {
            "kind": "conversion",
            "url": f"https://y.example/{i}",
            # Hex of random bytes compresses about 2:1, like real text, not like a bomb.
            "payload": random.Random(i).randbytes(30_000).hex().encode(),
            "content_type": "text/plain",
        }
        for i in range(100)
    ]
    stream = ChunkOnlyStream(make_warc(records))
    results = list(iter_warc_records(stream, "stream.wet.gz"))
    assert len(results) == 100
    assert 0 < stream.largest_read <= 1024 * 1024


def test_gzip_backends_give_identical_records():
    """ISA-L and zlib inflate the same WET file to the same records."""
    from treatywatch.core.extract.warc import read_records

    data = make_warc(wet_records())
    by_isal = list(read_records(io.BytesIO(data), "w", gzip_backend="isal"))
    by_zlib = list(read_records(io.BytesIO(data), "w", gzip_backend="zlib"))
    assert by_isal == by_zlib and len(by_isal) == 2


def test_truncated_warc_keeps_the_records_before_the_damage():
    """A gz WARC cut in the middle yields the whole records before the cut, then a Skipped
    naming the record that was cut. (zlib hands over output up to the damage; ISA-L may
    lose the last read's worth, up to 64 KiB, so the exact count is checked with zlib.)"""
    from treatywatch.core.extract.warc import read_records

    data = make_warc(wet_records() * 3)
    cut = data[: int(len(data) * 0.6)]
    results = list(read_records(io.BytesIO(cut), "cut.warc.gz", gzip_backend="zlib"))
    assert [type(r).__name__ for r in results] == ["Extracted"] * 3 + ["Skipped"]
    assert results[-1].source == "cut.warc.gz"
    assert results[-1].reason.startswith("corrupt WARC after 3 complete records; dropped cut")
    by_default = list(iter_warc_records(io.BytesIO(cut), "cut.warc.gz"))
    assert isinstance(by_default[-1], Skipped)
    assert by_default[-1].reason.startswith("corrupt WARC after ")


def test_warc_gzip_bomb_is_stopped_by_the_ratio_guard():
    """A gzipped WARC whose record is 50 MB of zeros stops with a ratio reason."""
    header = (
        b"WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:uuid:bomb>\r\n"
        b"Content-Type: text/plain\r\nContent-Length: 50000000\r\n\r\n"
    )
    bomb = gzip.compress(header + b"\0" * 50_000_000 + b"\r\n\r\n")
    results = list(iter_warc_records(io.BytesIO(bomb), "bomb.warc.gz"))
    assert results[-1].source == "bomb.warc.gz"
    assert results[-1].reason.startswith("decompression ratio at least")


def test_warc_inside_a_zip_and_garbage_after_the_magic():
    """A WARC in a zip is read with nested sources; 'WARC/' followed by junk is no crash."""
    from makers import zip_of

    data = zip_of({"crawl.warc": make_warc(wet_records(), compress=False)})
    results = list(extract_bytes(data, "pack.zip"))
    assert len(results) == 2 and results[0].source.startswith("pack.zip!crawl.warc#urn:uuid:")
    junk = list(extract_bytes(b"WARC/1.0\r\n\x00\x01garbage\r\n\r\n", "junk.warc"))
    assert all(isinstance(r, Skipped) for r in junk)
