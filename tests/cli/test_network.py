"""`treatywatch network` through Typer's CliRunner, on a handmade record (no database)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from tests.factories import make_action, make_state, make_treaty
from treatywatch.cli import app
from treatywatch.cli import network as network_cli
from treatywatch.core.records import ActionClass

SLUG = "ljubljana-the-hague"
runner = CliRunner()


@pytest.fixture(autouse=True)
def record(monkeypatch: pytest.MonkeyPatch) -> None:
    """LVA and BEL in force from 2024-11-01 under a verified rule of 2; FRA signed; DEU nothing."""
    states = [make_state(code) for code in ("LVA", "BEL", "FRA", "DEU")]
    actions = [
        make_action(code, ActionClass.SIGNATURE, date(2024, 2, 14), treaty=SLUG)
        for code in ("LVA", "BEL", "FRA")
    ]
    actions += [
        make_action("LVA", ActionClass.RATIFICATION, date(2024, 6, 3), treaty=SLUG),
        make_action("BEL", ActionClass.RATIFICATION, date(2024, 7, 10), treaty=SLUG),
    ]
    treaty = replace(make_treaty(threshold=2), slug=SLUG)
    loaded = SimpleNamespace(
        states=tuple(states), treaties={SLUG: treaty}, actions=tuple(actions), declarations=()
    )
    monkeypatch.setattr(network_cli, "_record", lambda: loaded)


def test_json_has_size_pairs_series_and_impacts() -> None:
    """One firm pair (BEL–LVA) from November 2024; each other consent would open two more."""
    result = runner.invoke(app, ["network", "--as-of", "2026-11-29", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["indicator"]["code"] == "cooperation_pairs"
    assert data["size"] == {"yes": 1, "uncertain": 0, "states_bound": 2, "states_possibly_bound": 0}
    assert data["pairs"] == {"yes": [["BEL", "LVA"]], "uncertain": []}
    by_month = {point["date"]: point["yes"] for point in data["series"]}
    assert data["series"][0]["date"] == "2024-02-01"
    assert data["series"][-1]["date"] == "2026-11-01"
    assert (by_month["2024-10-01"], by_month["2024-11-01"]) == (0, 1)
    assert [(i["code"], i["new_pairs"]) for i in data["impacts"]] == [("DEU", 2), ("FRA", 2)]


def test_before_entry_into_force_no_pair_and_the_second_consent_opens_one() -> None:
    """On 2024-07-01 only LVA has consented: no pair; any other consent reaches the threshold."""
    result = runner.invoke(app, ["network", "--as-of", "2024-07-01", "--format", "json"])
    data = json.loads(result.output)
    assert data["size"]["yes"] == data["size"]["uncertain"] == 0
    assert {i["code"]: i["triggers_entry_into_force"] for i in data["impacts"]} == {
        "BEL": True,
        "DEU": True,
        "FRA": True,
    }
    assert {i["new_pairs"] for i in data["impacts"]} == {1}


def test_table_lists_the_pair_and_a_bad_date_is_refused() -> None:
    """The table names the pair; a date that is not one exits with 2 and says why."""
    result = runner.invoke(app, ["network", "--as-of", "2026-11-29"])
    assert result.exit_code == 0, result.output
    assert "BEL – LVA" in result.output and "yes: 1 pairs" in result.output
    bad = runner.invoke(app, ["network", "--as-of", "2026-13-01"])
    assert bad.exit_code == 2
