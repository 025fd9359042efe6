"""The `treatywatch` command end to end on the bundled data."""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from treatywatch.cli import app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "imports"
pytestmark = pytest.mark.django_db
runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


def status_json(*args):
    result = run("status", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("as_of", "signatories"),
    [("2024-02-14", 32), ("2024-02-15", 33), ("2024-09-24", 36), ("2025-05-26", 40)],
)
def test_signatory_counts_match_the_sources(as_of, signatories):
    """33 on 14–15 Feb 2024, 36 by 24 Sep 2024 (pledge text), 40 by 26 May 2025 (gov.si)."""
    assert status_json("--as-of", as_of)["signatories"] == signatories


def test_newest_status_is_the_depositary_record_with_its_sources():
    """Today: 40 signatories, Latvia's instrument, each State citing where its row came from."""
    report = status_json()
    assert report["signatories"] == 40 and report["consenting"] == 1
    latvia = next(s for s in report["states"] if s["code"] == "LVA")
    assert latvia["consent_type"] == "ratification" and latvia["in_force"] == "2025-12-01"
    assert "https://verdragen.nl/en/Treaty/Details/013717_p.html" in latvia["sources"]
    assert any("LVA" in warning and "2025-12-01" in warning for warning in report["warnings"])
    assert report["denominator"]["name"] == "all" and report["denominator"]["size"] == 198


def test_status_json_keys_are_stable():
    report = status_json("--as-of", "2024-09-24")
    for key in (
        "as_of", "as_known_on", "treaty", "signatories", "consenting", "in_force_for",
        "treaty_in_force", "entry_into_force", "denominator", "warnings", "states",
    ):  # fmt: skip
        assert key in report
    for key in (
        "code",
        "name",
        "status",
        "signed",
        "consented",
        "consent_type",
        "in_force",
        "sources",
    ):
        assert key in report["states"][0]


def test_denominator_excludes_kosovo_from_un_members():
    assert status_json("--as-of", "2025-05-26", "--denominator", "un-members")["signatories"] == 39


def test_as_known_on_before_we_learnt_anything_shows_nothing():
    """Bundled rows were read on 2026-11-29, so a report as known a day earlier counts none."""
    assert status_json("--as-known-on", "2026-11-28")["signatories"] == 0


def test_bad_date_and_denominator_are_usage_errors():
    assert run("status", "--as-of", "2024-02-30").exit_code == 2
    result = run("status", "--denominator", "everyone")
    assert result.exit_code == 2 and "un-members" in result.output


def test_status_csv_has_a_row_per_state():
    result = run("status", "--format", "csv", "--as-of", "2024-09-24")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 198
    assert sum(1 for row in rows if row["signed"]) == 36


def test_states_filters_by_region_group_and_status():
    result = run(
        "states", "--group", "EU", "--status", "signed", "--format", "json", "--as-of", "2025-05-26"
    )
    assert result.exit_code == 0, result.output
    codes = {row["code"] for row in json.loads(result.stdout)}
    assert (
        {"FRA", "DEU", "SVN"} <= codes
        and "LVA" in codes
        and "NOR" not in codes
        and "ESP" not in codes
    )
    african = json.loads(run("states", "--region", "african", "--format", "json").stdout)
    assert {"GHA", "SEN", "RWA"} <= {row["code"] for row in african}
    assert run("states", "--region", "atlantis").exit_code == 2


def test_state_history_accepts_alpha2_in_any_case():
    result = run("state", "lv", "--format", "json")
    assert result.exit_code == 0, result.output
    history = json.loads(result.stdout)
    assert history["code"] == "LVA"
    assert [
        a["action_class"] for a in history["actions"] if a["treaty"] == "ljubljana-the-hague"
    ] == [
        "signature",
        "ratification",
    ]
    assert all(a["source_url"].startswith("https://") for a in history["actions"])
    assert run("state", "zz").exit_code == 2


def test_import_cli_prints_problems_and_exits_non_zero():
    result = run("import", str(FIXTURES / "bad_actions.csv"))
    assert result.exit_code == 1
    assert "bad_actions.csv:2: state: unknown State 'ATL'" in result.output
    assert "nothing was written" in result.output


def test_import_then_export_round_trips(tmp_path):
    """Exported CSV imports back with nothing added or changed."""
    assert run("import", str(FIXTURES / "good_actions.csv")).exit_code == 0
    assert run("export", "--format", "csv", "--out", str(tmp_path)).exit_code == 0
    result = run("import", str(tmp_path / "actions.csv"))
    assert result.exit_code == 0, result.output
    assert re.search(r"Imported actions: \d+ unchanged\n", result.stdout)
    assert not re.search(r"\d+ (added|changed)\b", result.stdout)
    exported = json.loads(run("export", "--format", "json").stdout)
    assert {"states", "actions", "declarations", "memberships"} <= set(exported)
    assert all(row["source_url"] for row in exported["actions"])
