"""Every setting TreatyWatch reads from the environment, declared once with its default and help."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import platformdirs

__all__ = ["SETTINGS", "Setting", "data_home", "read", "today"]


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS = (
    Setting(
        "TREATYWATCH_HOME",
        "",
        "Folder for the SQLite database and other local data; default: the user's data "
        "directory (e.g. ~/.local/share/treatywatch).",
    ),
    Setting(
        "DATABASE_URL",
        "",
        "Database URL, e.g. postgres://user@127.0.0.1:5432/treatywatch; default: SQLite in "
        "TREATYWATCH_HOME.",
    ),
    Setting("TREATYWATCH_DEBUG", "0", "1 to run Django in debug mode (never in production)."),
    Setting(
        "TREATYWATCH_SECRET_KEY",
        "",
        "Django secret key; required when TREATYWATCH_DEBUG is 0 and TREATYWATCH_PRODUCTION is 1.",
    ),
    Setting("TREATYWATCH_PRODUCTION", "0", "1 for production: secure cookies, HSTS, strict hosts."),
    Setting(
        "TREATYWATCH_ALLOWED_HOSTS",
        "localhost,127.0.0.1,[::1],testserver",
        "Comma-separated host names the site answers to.",
    ),
    Setting(
        "TREATYWATCH_TODAY",
        "",
        "Pretend today is this date (YYYY-MM-DD); for reproducible reports and tests.",
    ),
)
_BY_NAME = {setting.name: setting for setting in SETTINGS}


def read(name: str) -> str:
    """The setting's value from the environment, or its declared default."""
    return os.environ.get(name, _BY_NAME[name].default)


def data_home() -> Path:
    """The folder for local data, created on first use."""
    home = Path(read("TREATYWATCH_HOME") or platformdirs.user_data_dir("treatywatch"))
    home.mkdir(parents=True, exist_ok=True)
    return home


def today() -> date:
    """Today's date, or the one TREATYWATCH_TODAY pins for reproducible runs."""
    pinned = read("TREATYWATCH_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()
