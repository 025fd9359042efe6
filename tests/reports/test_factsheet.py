"""One-page State factsheets in English, French and Spanish."""

import json
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from treatywatch.cli import app

pytestmark = pytest.mark.django_db
runner = CliRunner()


def factsheet(tmp_path, code, language, suffix="html"):
    out = tmp_path / f"{code}-{language}.{suffix}"
    result = runner.invoke(app, ["factsheet", code, "--lang", language, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_pdf_factsheet_fits_on_one_page_and_shows_the_target_score(tmp_path):
    out = factsheet(tmp_path, "GH", "fr", "pdf")
    assert len(PdfReader(out).pages) == 1
    targets = json.loads(runner.invoke(app, ["targets", "--format", "json"]).stdout)
    ghana = next(row for row in targets if row["code"] == "GHA")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        text = re.sub(r"\s+", " ", text)
        assert "Ghana" in text and "ratifier" in text and "14 février 2024" in text
        assert f"Score de priorité: {ghana['score']}" in text.replace(" :", ":")


@pytest.mark.parametrize(
    ("code", "language", "words"),
    [
        ("BRA", "es", ["no firmante", "firmar", "Estados de América Latina y el Caribe"]),
        ("LVA", "en", ["in force", "use the Convention", "1 December 2025"]),
        ("FRA", "en", ["signed", "ratify", "Fighting impunity of serious violations of IHL"]),
    ],
)
def test_factsheet_words_follow_the_state_and_language(tmp_path, code, language, words):
    html = factsheet(tmp_path, code, language).read_text()
    for word in words:
        assert word in html, word


def test_unknown_state_or_suffix_is_a_usage_error(tmp_path):
    assert runner.invoke(app, ["factsheet", "ATL", "--out", str(tmp_path / "x.pdf")]).exit_code == 2
    assert runner.invoke(app, ["factsheet", "GHA", "--out", str(tmp_path / "x.doc")]).exit_code == 2
