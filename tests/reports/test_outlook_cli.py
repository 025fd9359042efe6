"""`treatywatch outlook` on the bundled record."""

import json

import pytest
from typer.testing import CliRunner

from treatywatch.cli import app

pytestmark = pytest.mark.django_db
runner = CliRunner()


def test_pace_and_what_if_on_the_bundled_record():
    """One instrument (Latvia, 28 Aug 2025) in 24 months; if Ghana and France deposit on
    30 June 2027, the unverified three-instrument rule gives 1 October 2027."""
    result = runner.invoke(
        app,
        ["outlook", "--scenario", "pace", "--scenario", "deposit:GH,FRA@2027-06-30",
         "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["rule_verified"] is False and data["deposits_in_window"] == 1
    assert data["deposits_recorded"] == [{"state": "LVA", "on": "2025-08-28"}]
    by_key = {(p["scenario"], p["threshold"]): p for p in data["projections"]}
    assert by_key[("pace", 3)]["entry_into_force"] == "2031-03-01"
    assert by_key[("deposit:GHA,FRA@2027-06-30", 3)]["entry_into_force"] == "2027-10-01"
    assert by_key[("deposit:GHA,FRA@2027-06-30", 15)]["entry_into_force"] is None
    assert len(data["signatories_without_consent"]) == 39


def test_unknown_states_and_scenarios_are_usage_errors():
    assert runner.invoke(app, ["outlook", "--scenario", "deposit:ATL@2027-01-01"]).exit_code == 2
    assert runner.invoke(app, ["outlook", "--scenario", "soon"]).exit_code == 2
