"""The README documents every command and setting, and opens with the two commands."""

from pathlib import Path

from typer.main import get_command

from treatywatch.cli import app
from treatywatch.config import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented():
    """Adding a command without a README line fails here."""
    commands = get_command(app).commands  # type: ignore[attr-defined]
    missing = [name for name in commands if f"treatywatch {name}" not in README]
    assert not missing, f"undocumented commands: {missing}"


def test_every_setting_is_documented():
    missing = [setting.name for setting in SETTINGS if f"`{setting.name}`" not in README]
    assert not missing, f"undocumented settings: {missing}"


def test_readme_opens_with_the_run_and_test_commands():
    opening = README.split("---", 1)[0]
    assert "treatywatch serve" in opening
    assert "./scripts/test" in opening
