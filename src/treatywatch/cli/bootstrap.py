"""Getting Django and the database ready before any command touches the record."""

from __future__ import annotations

import os
from datetime import date

import django
import typer
from rich.console import Console

from treatywatch.core.dates import DateError, parse_date

__all__ = ["date_option", "err_console", "ready", "setup_django"]

err_console = Console(stderr=True)


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "treatywatch.settings")
    django.setup()


def ready() -> None:
    """Set Django up, create and fill the database on first use, and warn when it is stale."""
    setup_django()
    from treatywatch.config import today
    from treatywatch.core.tabular import TableError
    from treatywatch.treaties.loading import ensure_database

    try:
        freshness = ensure_database(today())
    except TableError as error:
        for problem in error.problems:
            err_console.print(str(problem), markup=False, highlight=False, soft_wrap=True)
        err_console.print("[red]The bundled dataset has errors; nothing was loaded.[/red]")
        raise typer.Exit(1) from None
    if freshness.just_loaded:
        err_console.print("[green]Created the database and loaded the bundled dataset.[/green]")
    elif freshness.outdated:
        err_console.print(
            "[yellow]The bundled data is newer than the database "
            f"({freshness.bundled_digest} vs {freshness.loaded_digest}): run "
            "`treatywatch update-data` to bring it in (what staff entered is kept).[/yellow]"
        )


def date_option(value: str | None) -> date | None:
    """Typer callback: a date option, with a clear message when it is not one."""
    if value is None:
        return None
    try:
        parsed = parse_date(value)
    except DateError as error:
        raise typer.BadParameter(str(error)) from None
    if parsed is None:
        raise typer.BadParameter(f"{value!r} is a placeholder, not a date")
    return parsed
