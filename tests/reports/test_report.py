"""Progress reports: the same figures as `treatywatch status`/`indicators`, in every format."""

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from treatywatch.cli import app

pytestmark = pytest.mark.django_db
runner = CliRunner()
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
START, END = "2024-09-24", "2026-11-29"


def cli_json(*args):
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def write_report(tmp_path, output_format, *extra, start=START, end=END):
    out = tmp_path / f"report.{output_format}"
    result = runner.invoke(
        app,
        ["report", "--from", start, "--to", end, "--format", output_format, "--out", str(out),
         *extra],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return out


def pdf_text(path: Path) -> str:
    """The PDF's text, with every space removed so line breaks and layout do not matter."""
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout
    else:
        text = "".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", "", text)


def test_pdf_report_holds_the_cli_figures_and_a_page_is_saved_as_png(tmp_path):
    """Each indicator's start, end and change in the PDF equal `treatywatch indicators` on the
    two dates, and the signatory count equals `treatywatch status` at the end of the period."""
    out = write_report(tmp_path, "pdf")
    text = pdf_text(out)
    start = {row["code"]: row["value"] for row in cli_json("indicators", "--as-of", START)}
    end = {row["code"]: row["value"] for row in cli_json("indicators", "--as-of", END)}
    status = cli_json("status", "--as-of", END)
    assert end["signatories"] == status["signatories"] == 40
    assert end["consenting"] == status["consenting"] == 1
    for code in ("signatories", "consenting", "events", "adopted_documents", "public_domain"):
        change = end[code] - start[code]
        card = (
            f"{start[code]}→{end[code]}({change:+d})" if change else f"{start[code]}→{end[code]}(0)"
        )
        assert card in text, (code, card)
    assert "Statesthathavesigned:36→40" in text
    assert "Evidenceforindicator1:Statesthathavesigned(40)" in text
    assert "https://verdragen.nl/en/Treaty/Details/013717_p.html" in text
    assert len(PdfReader(out).pages) > 5
    if shutil.which("pdftoppm"):
        ARTIFACTS.mkdir(exist_ok=True)
        for page in (1, 5, 6):
            subprocess.run(
                ["pdftoppm", "-png", "-r", "90", "-f", str(page), "-l", str(page),
                 "-singlefile", str(out), str(ARTIFACTS / f"report-page-{page}")],
                check=True,
            )  # fmt: skip
        assert (ARTIFACTS / "report-page-1.png").stat().st_size > 10_000


def test_html_report_is_standalone_and_traces_every_count(tmp_path):
    """No script, stylesheet or image is fetched; every indicator's evidence is listed."""
    html = write_report(tmp_path, "html").read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html
    assert not re.search(r'(src|href)="//', html)
    assert not re.search(r'<img[^>]+src="http', html)
    end = {row["code"]: row["value"] for row in cli_json("indicators", "--as-of", END)}
    for code, value in end.items():
        assert f'<div class="value" data-indicator="{code}">{value}</div>' in html
    assert html.count("<svg") == 3 and html.count("<title>") >= 3 + 198
    assert (
        "Evidence for indicator 3: Events in international, regional or national fora (18)" in html
    )


def test_period_lists_the_new_signatures_and_the_provisional_application(tmp_path):
    """From 15 Feb to 24 Sep 2024: CAR, Mongolia and Costa Rica signed; the Netherlands began
    applying Part III provisionally on 15 Feb, so it is outside the period (start excluded)."""
    html = write_report(tmp_path, "html", start="2024-02-15", end="2024-09-24").read_text()
    section = html.split("3.1 ")[1].split("3.2 ")[0]
    assert "Central African Republic" in section and "Mongolia" in section
    assert "Costa Rica" in section and "provisional application" not in section
    assert "33 → 36 (+3)" in html


def test_public_outreach_is_named_internal_outreach_only_counted(tmp_path):
    runner.invoke(app, ["outreach", "import", str(FIXTURES / "outreach" / "contacts.csv")])
    html = write_report(tmp_path, "html", start="2026-01-01", end=END).read_text()
    section = html.split("3.4 ")[1].split("3.5 ")[0]
    assert "3 contacts with States were logged in the period; 2 of them are public" in section
    assert "https://example.org/letter" in section and "Brazil" in section
    assert "Ghana" not in section  # the Netherlands–Ghana meeting is internal
    assert "bilateral meeting" in section  # but counted by channel


@pytest.mark.parametrize(
    ("language", "heading", "english"),
    [("fr", "Actions menées", "Actions taken"), ("es", "Medidas adoptadas", "Actions taken")],
)
def test_french_and_spanish_reports_are_translated(tmp_path, language, heading, english):
    html = write_report(tmp_path, "html", "--lang", language).read_text()
    assert f'lang="{language}"' in html and heading in html and english not in html
    assert "29 novembre 2026" in html if language == "fr" else "29 de noviembre de 2026" in html


def test_docx_report_has_the_indicator_table_and_charts(tmp_path):
    document = docx.Document(write_report(tmp_path, "docx"))
    tables = [[[cell.text for cell in row.cells] for row in t.rows] for t in document.tables]
    indicators = next(t for t in tables if t[0][0] == "#")
    assert indicators[1][1:] == ["States that have signed", "36", "40", "+4"]
    assert len(document.inline_shapes) == 3
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "3.5 Challenges" in headings and "7. Evidence" in headings


def test_xlsx_report_has_numbers_dates_and_links(tmp_path):
    book = openpyxl.load_workbook(io.BytesIO(write_report(tmp_path, "xlsx").read_bytes()))
    summary = book[book.sheetnames[0]]
    rows = {row[1]: row for row in summary.iter_rows(min_row=12, max_row=16, values_only=True)}
    assert rows["signatories"][3:] == (36, 40, 4)
    evidence = book["Evidence 1"]
    assert evidence.cell(4, 1).value == "Albania"
    assert evidence.cell(4, 3).hyperlink.target.startswith("https://")
    targets = book["What comes next"]
    assert targets.max_row == 199  # header and every State


def test_bad_periods_and_formats_are_usage_errors(tmp_path):
    out = str(tmp_path / "r.pdf")
    base = ["report", "--format", "pdf", "--out", out]
    assert runner.invoke(app, [*base, "--from", END, "--to", START]).exit_code == 2
    assert runner.invoke(app, [*base, "--from", "2024-02-30", "--to", END]).exit_code == 2
    result = runner.invoke(app, ["report", "--from", START, "--to", END, "--format", "odt",
                                 "--out", out])  # fmt: skip
    assert result.exit_code == 2
