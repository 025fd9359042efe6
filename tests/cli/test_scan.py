"""`treatywatch scan` on files of every format the tests write; no database is touched."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.core.extract.makers import make_docx, make_pdf, make_warc, zip_of
from treatywatch.cli import app

runner = CliRunner()
NAME = "Ljubljana–The Hague Convention"
SENTENCE = f"Slovenia welcomed new signatures of the {NAME}."


def scan(*args: str):
    return runner.invoke(app, ["scan", *args])


def rows_of(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_txt_with_bom_and_crlf_offsets_index_the_decoded_file(tmp_path: Path):
    """Offsets index the UTF-8-decoded file as it is: the BOM counts as a character and
    each CRLF as two."""
    path = tmp_path / "note.txt"
    content = (
        "\ufeffFirst line.\r\nSecond line.\r\n" + SENTENCE + "\r\nAgain: the " + NAME + ".\r\n"
    )
    path.write_bytes(content.encode("utf-8"))
    result = scan(str(path))
    assert result.exit_code == 0, result.output
    rows = rows_of(result)
    decoded = path.read_bytes().decode("utf-8")
    assert len(rows) == 2
    for row in rows:
        assert decoded[row["start"] : row["end"]] == row["text"]
        assert row["path"] == str(path)
        assert NAME in row["text"]
        assert set(row) == {
            "path", "start", "end", "text", "form", "lang", "confidence", "snippet"
        }  # fmt: skip
    assert rows[0]["start"] == decoded.index(NAME)


def test_markdown_offsets_are_exact_and_languages_are_told(tmp_path: Path):
    """Markdown is scanned as written: headings and emphasis stay in the offsets."""
    path = tmp_path / "post.md"
    content = (
        "# Ratification\n\n*Slovenija* je podpisala **Ljubljansko-haaško konvencijo**.\n\n"
        "La Argentina firmó la Convención de Liubliana-La Haya.\n"
    )
    path.write_text(content, encoding="utf-8")
    rows = rows_of(scan(str(path)))
    assert [content[row["start"] : row["end"]] for row in rows] == [row["text"] for row in rows]
    assert {row["lang"] for row in rows} == {"sl", "es"}


def test_lang_option_is_a_hint_and_must_be_a_code(tmp_path: Path):
    """--lang takes a two-letter code; anything else is a usage error (exit 2)."""
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    assert scan("--lang", "EN", str(path)).exit_code == 0
    bad = scan("--lang", "english", str(path))
    assert bad.exit_code == 2
    assert "two-letter" in bad.output


def test_every_format_in_a_folder_is_scanned_in_sorted_order(tmp_path: Path):
    """HTML, PDF, DOCX, a zip member and WET records are each found, with the extractor's
    source as the path (archive!member, file#record-id) and the record's URL."""
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.html").write_text(
        "<html lang='en'><head><title>News</title></head><body><article><p>"
        + SENTENCE * 3
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    # The handmade PDF's font speaks Latin-1: a hyphen for the en dash.
    (folder / "b.pdf").write_bytes(make_pdf([SENTENCE.replace("–", "-")]))
    (folder / "c.docx").write_bytes(make_docx(["Intro.", SENTENCE]))
    (folder / "sub" / "d.zip").write_bytes(zip_of({"inner/e.txt": SENTENCE.encode()}))
    wet = make_warc(
        [
            {
                "kind": "conversion",
                "url": "https://news.example/sl",
                "payload": "Podpis Ljubljansko-haaške konvencije je bil v Haagu.".encode(),
                "content_type": "text/plain",
                "headers": {"WARC-Identified-Content-Language": "slv"},
            }
        ]
    )
    (folder / "sub" / "f.wet.gz").write_bytes(wet)
    result = scan(str(folder))
    assert result.exit_code == 0, result.output
    rows = rows_of(result)
    paths = list(dict.fromkeys(row["path"] for row in rows))  # in order, once each
    assert len(rows) == 7  # the page repeats its sentence three times
    assert paths[:4] == [
        str(folder / "a.html"),
        str(folder / "b.pdf"),
        str(folder / "c.docx"),
        str(folder / "sub" / "d.zip") + "!inner/e.txt",
    ]
    assert paths[4].startswith(str(folder / "sub" / "f.wet.gz") + "#urn:uuid:")
    assert rows[-1]["url"] == "https://news.example/sl"
    assert rows[-1]["lang"] == "sl"
    assert all(NAME.replace("–", "-") in row["text"].replace("–", "-") for row in rows[:-1])
    assert "f.wet.gz: 1 document, 1 mention" in result.stderr


def test_corrupt_empty_and_unknown_files_are_reported_and_skipped(tmp_path: Path):
    """Bad files never stop the scan: each is named on stderr with its reason; exit 0."""
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.gz").write_bytes(gzip.compress(SENTENCE.encode())[:-12])
    (tmp_path / "ok.txt").write_text(SENTENCE, encoding="utf-8")
    result = scan(str(tmp_path))
    assert result.exit_code == 0, result.output
    assert len(rows_of(result)) == 1
    assert f"{tmp_path / 'broken.pdf'}: skipped: corrupt PDF" in result.stderr
    assert f"{tmp_path / 'empty.txt'}: skipped: empty file" in result.stderr
    assert f"{tmp_path / 'bad.gz'}: skipped: corrupt gzip" in result.stderr
    assert "scanned 4 files: 1 document, 1 mention, 3 skipped" in result.stderr


def test_nothing_found_is_exit_zero_with_no_output(tmp_path: Path):
    path = tmp_path / "weather.txt"
    path.write_text("Heavy rain is expected in The Hague and in Ljubljana.", encoding="utf-8")
    result = scan(str(path))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "0 mentions" in result.stderr


def test_missing_path_is_a_usage_error_naming_it(tmp_path: Path):
    """A path that does not exist: exit 2, the path named, nothing scanned."""
    (tmp_path / "ok.txt").write_text(SENTENCE, encoding="utf-8")
    result = scan(str(tmp_path / "ok.txt"), str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert f"no such file or folder: {tmp_path / 'nope.txt'}" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("args", [[], ["--format", "csv"]])
def test_bad_usage_exits_2(args, tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    assert scan(*args, *([str(path)] if args else [])).exit_code == 2


def test_table_format_lists_the_mentions(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    result = scan("--format", "table", str(path))
    assert result.exit_code == 0
    assert "Ljubljana" in result.stdout and "short" in result.stdout
    assert "{" not in result.stdout
