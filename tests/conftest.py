"""Shared test set-up; the environment itself is set in tests/settings.py."""

from datetime import date

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the bundled dataset once into the test database; each test rolls its changes back.

    Loading it per test cost about two seconds a test. Transactional tests flush the database
    after them; those that need the data call `ensure_database` themselves, and pytest-django
    runs them after all the others.
    """
    from treatywatch.treaties.loading import ensure_database

    with django_db_blocker.unblock():
        ensure_database(date(2026, 11, 29))
