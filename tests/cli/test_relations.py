"""`treatywatch relations` through Typer's CliRunner, on a handmade record (no database)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from tests.factories import make_action, make_state, make_treaty
from treatywatch.cli import app
from treatywatch.cli import relations as relations_cli
from treatywatch.core.records import ActionClass

SLUG = "ljubljana-the-hague"
runner = CliRunner()


@pytest.fixture(autouse=True)
def record(monkeypatch: pytest.MonkeyPatch) -> None:
    """LVA and BEL in force from 2024-11-01, FRA only signed; today is 2026-11-29 (conftest)."""
    states = [make_state(code) for code in ("LVA", "BEL", "FRA")]
    states = [
        replace(state, alpha2=code) for state, code in zip(states, ("LV", "BE", "FR"), strict=True)
    ]
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
    monkeypatch.setattr(relations_cli, "_record", lambda: loaded)


def test_json_answer_with_the_stable_keys() -> None:
    """Alpha-2 codes in lower case; the JSON has the documented keys and a 'no' for FRA."""
    result = runner.invoke(
        app,
        [
            "relations",
            "lv",
            "fr",
            "--crime",
            "genocide",
            "--cooperation",
            "mla",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["applicable"] == "no"
    assert (data["requesting"]["code"], data["requested"]["code"]) == ("LVA", "FRA")
    assert data["date"] == "2026-11-29" and data["cooperation"] == "mutual_legal_assistance"
    assert "signed_only" in {reason["code"] for reason in data["reasons"]}
    assert "checklist" not in data


def test_text_answer_between_two_states_in_force() -> None:
    """Between two States in force under a verified rule the text says YES and gives Part III."""
    result = runner.invoke(
        app,
        [
            "relations",
            "LVA",
            "BEL",
            "--crime",
            "war-crimes",
            "--cooperation",
            "mutual_legal_assistance",
            "--date",
            "2025-01-01",
            "--checklist",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "YES" in result.output
    assert "Part III" in result.output
    assert "It may be refused if" in result.output


def test_the_date_decides() -> None:
    """Before entry into force (2024-11-01) the same pair gets 'no'."""
    result = runner.invoke(
        app,
        [
            "relations",
            "LVA",
            "BEL",
            "--crime",
            "genocide",
            "--cooperation",
            "mla",
            "--date",
            "2024-10-31",
            "--format",
            "json",
        ],
    )
    assert json.loads(result.output)["applicable"] == "no"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["XX", "BEL", "--crime", "genocide", "--cooperation", "mla"], "unknown State 'XX'"),
        (["LVA", "BEL", "--crime", "piracy", "--cooperation", "mla"], "unknown crime 'piracy'"),
        (["LVA", "BEL", "--crime", "genocide", "--cooperation", "x"], "unknown cooperation 'x'"),
        (["LVA", "LV", "--crime", "genocide", "--cooperation", "mla"], "are the same"),
    ],
)
def test_bad_input_exits_2_with_a_message(arguments: list[str], message: str) -> None:
    """Unknown State, crime or cooperation: exit code 2 and a message naming the bad value."""
    result = runner.invoke(app, ["relations", *arguments])
    assert result.exit_code == 2
    assert message in result.output
