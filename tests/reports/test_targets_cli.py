"""`treatywatch targets` on the bundled record."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from treatywatch.cli import app

pytestmark = pytest.mark.django_db
runner = CliRunner()


def targets_json(*args):
    result = runner.invoke(app, ["targets", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return {row["code"]: row for row in json.loads(result.stdout)}


def factor(row, name):
    return next(f for f in row["factors"] if f["name"] == name)


def test_every_state_has_a_next_step_and_a_score_that_adds_up():
    """198 States; each score is the sum of its factors' contributions."""
    rows = targets_json()
    assert len(rows) == 198
    for row in rows.values():
        assert set(row) >= {"code", "name", "next_step", "score", "factors"}
        assert row["score"] == sum(f["contribution"] for f in row["factors"])


def test_next_steps_follow_the_depositary_record():
    """Latvia is bound (use it), Ghana signed (ratify), Brazil did not sign (sign)."""
    rows = targets_json()
    assert rows["LVA"]["next_step"] == "use_convention"
    assert rows["GHA"]["next_step"] == "ratify"
    assert rows["BRA"]["next_step"] == "sign"


def test_factors_read_the_record():
    """France is covered by the EU pledge and is a Rome Statute party; Ghana is not in the EU;
    the Republic of Korea is named at the Diplomatic Conference."""
    rows = targets_json()
    assert factor(rows["FRA"], "pledged_to_consider_ratification")["value"] == 1
    assert factor(rows["GHA"], "pledged_to_consider_ratification")["value"] == 0
    assert factor(rows["FRA"], "rome_statute_party")["value"] == 1
    assert factor(rows["KOR"], "diplomatic_conference")["value"] == 1


def test_as_of_before_the_opening_makes_everyone_a_non_signatory():
    rows = targets_json("--as-of", "2024-01-01")
    assert {row["next_step"] for row in rows.values()} == {"sign"}


def test_csv_has_value_and_contribution_columns_and_filters_apply():
    result = runner.invoke(app, ["targets", "--format", "csv", "--step", "ratify"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 39 and {row["next_step"] for row in rows} == {"ratify"}
    assert "regional_peers_signed_value" in rows[0] and "follow_up_due" in rows[0]
    assert runner.invoke(app, ["targets", "--step", "hope"]).exit_code == 2
