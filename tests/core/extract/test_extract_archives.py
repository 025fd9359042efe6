"""gz and zip archives: recursive extraction, and every limit that stops a bomb."""

import io
import zipfile

from makers import gz_of, make_docx, make_pdf, zip_of

from treatywatch.core.extract import Extracted, Limits, Skipped, extract_bytes


def test_gzip_member_is_extracted_under_a_bang_source():
    """x.txt.gz yields the text of x.txt with source 'x.txt.gz!x.txt' and exact content."""
    results = list(extract_bytes(gz_of("Konwencja lublańsko-haska\n".encode()), "pl.txt.gz"))
    assert results == [
        Extracted(source="pl.txt.gz!pl.txt", text="Konwencja lublańsko-haska\n", format="txt")
    ]


def test_zip_members_of_every_kind_are_extracted_in_archive_order():
    """A zip of text, PDF and DOCX yields one result per member, each with its own format."""
    data = zip_of(
        {
            "a/readme.txt": b"plain member",
            "b/doc.pdf": make_pdf(["pdf member"]),
            "c/brief.docx": make_docx(["docx member"]),
        }
    )
    results = list(extract_bytes(data, "bundle.zip"))
    assert [(r.source, r.format) for r in results] == [
        ("bundle.zip!a/readme.txt", "txt"),
        ("bundle.zip!b/doc.pdf", "pdf"),
        ("bundle.zip!c/brief.docx", "docx"),
    ]
    assert "pdf member" in results[1].text and "docx member" in results[2].text


def test_nested_archives_are_followed_to_the_depth_limit():
    """A gz in a zip in a zip is read; with max_depth=2 the innermost is reported as too deep."""
    inner = zip_of({"note.txt.gz": gz_of(b"deep text")})
    outer = zip_of({"inner.zip": inner})
    results = list(extract_bytes(outer, "outer.zip"))
    assert results == [
        Extracted(source="outer.zip!inner.zip!note.txt.gz!note.txt", text="deep text", format="txt")
    ]
    limited = list(extract_bytes(outer, "outer.zip", Limits(max_depth=2)))
    assert limited == [
        Skipped("outer.zip!inner.zip!note.txt.gz!note.txt", "nested too deep: depth 3 > 2")
    ]


def zip_bomb() -> bytes:
    """20 MB of zeros deflates to about 20 KB: a ratio near 1000:1."""
    return zip_of({"zeros.txt": b"\0" * 20_000_000, "ok.txt": b"fine"})


def test_zip_bomb_is_skipped_whole_before_anything_is_inflated():
    """The declared sizes give a ratio far over 100:1, so the archive is skipped at once."""
    results = list(extract_bytes(zip_bomb(), "bomb.zip"))
    assert len(results) == 1
    skipped = results[0]
    assert isinstance(skipped, Skipped) and skipped.source == "bomb.zip"
    assert skipped.reason.startswith("decompression ratio ")
    assert skipped.reason.endswith(":1 over limit 100:1")
    ratio = int(skipped.reason.split()[2].split(":")[0])
    assert 500 < ratio < 2000


def test_one_bomb_member_is_skipped_while_its_neighbours_are_read():
    """Inside a big archive of incompressible data, a single highly compressible member is
    skipped by its own ratio and the other members are still extracted."""
    import random

    noise = random.Random(7).randbytes(3_000_000).hex()  # hex text compresses only ~2:1
    data = zip_of({"noise.txt": noise.encode(), "zeros.txt": b" " * 5_000_000, "ok.txt": b"ok"})
    results = list(extract_bytes(data, "mixed.zip"))
    assert [type(r).__name__ for r in results] == ["Extracted", "Skipped", "Extracted"]
    assert results[1].source == "mixed.zip!zeros.txt"
    assert "over limit 100:1" in results[1].reason


def test_gzip_bomb_is_stopped_while_inflating():
    """gzip declares no size, so inflation stops as soon as the ratio passes the limit."""
    results = list(extract_bytes(gz_of(b"\0" * 50_000_000), "zeros.gz"))
    assert len(results) == 1
    assert results[0].source == "zeros.gz"
    assert results[0].reason.startswith("decompression ratio at least ")


def test_member_count_and_total_size_limits():
    """Too many members, or more declared bytes than the budget, skip the archive."""
    many = zip_of({f"f{i}.txt": b"x" for i in range(12)})
    assert list(extract_bytes(many, "many.zip", Limits(max_archive_members=10))) == [
        Skipped("many.zip", "too many archive members: 12 > 10")
    ]
    big = zip_of({"a.txt": b"abc" * 1000, "b.txt": b"def" * 1000})
    result = list(extract_bytes(big, "big.zip", Limits(max_decompressed_bytes=4000)))
    assert len(result) == 1 and result[0].reason.startswith("decompressed size over limit")


def test_member_over_size_limit_is_skipped_alone():
    """A member larger than max_bytes is skipped; smaller members are still read."""
    data = zip_of({"big.txt": b"y" * 5000, "small.txt": b"small"})
    results = list(extract_bytes(data, "sizes.zip", Limits(max_bytes=4000)))
    assert results == [
        Skipped("sizes.zip!big.txt", "over size limit: 5000 bytes > 4000 bytes"),
        Extracted(source="sizes.zip!small.txt", text="small", format="txt"),
    ]


def test_input_over_size_limit_is_skipped():
    """A file larger than max_bytes is reported without being parsed."""
    assert list(extract_bytes(b"z" * 101, "big.txt", Limits(max_bytes=100))) == [
        Skipped("big.txt", "over size limit: 101 bytes > 100 bytes")
    ]


def test_corrupt_and_truncated_archives_are_skipped():
    """Garbage after a zip or gzip signature is reported as corrupt, never raised."""
    good_zip = zip_of({"a.txt": b"hello " * 100})
    bad_zip = list(extract_bytes(b"PK\x03\x04garbage", "bad.zip"))
    assert len(bad_zip) == 1 and bad_zip[0].reason.startswith("corrupt")
    truncated = list(extract_bytes(good_zip[: len(good_zip) // 2], "half.zip"))
    assert all(isinstance(r, Skipped) for r in truncated) and truncated
    bad_gz = list(extract_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 40, "bad.gz"))
    assert len(bad_gz) == 1 and bad_gz[0].reason.startswith("corrupt gzip")


def test_zip_members_compressed_with_bzip2_are_refused():
    """Only stored and deflated members are inflated; bzip2 could bypass the output bound."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("a.txt", b"text")
    assert list(extract_bytes(out.getvalue(), "bz.zip")) == [
        Skipped("bz.zip!a.txt", "unsupported zip compression 12")
    ]


def test_docx_bomb_is_refused_before_python_docx_opens_it():
    """A DOCX whose document.xml declares a huge expansion is skipped by the same guard."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * 30_000_000)
    result = list(extract_bytes(out.getvalue(), "bomb.docx"))
    assert len(result) == 1 and "over limit 100:1" in result[0].reason


def test_tar_inside_gzip_is_reported_as_unsupported():
    """A .tgz is unpacked to a tar, which is named as unsupported rather than misread."""
    import tarfile

    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as archive:
        info = tarfile.TarInfo("a.txt")
        info.size = 5
        archive.addfile(info, io.BytesIO(b"hello"))
    assert list(extract_bytes(gz_of(out.getvalue()), "bundle.tgz")) == [
        Skipped("bundle.tgz!bundle.tar", "unsupported format: tar archive")
    ]
