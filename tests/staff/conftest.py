"""Staff tests: the bundled dataset, and one signed-in user per role."""

from datetime import date

import pytest
from django.contrib.auth.models import Group, User

from treatywatch.treaties.loading import ensure_database

TODAY = date(2026, 11, 29)
PASSWORD = "correct horse battery staple"


@pytest.fixture
def bundle(db):
    ensure_database(TODAY)


@pytest.fixture
def make_user(db):
    """A staff user in one role (viewer, editor, reviewer, admin)."""

    def make(role: str, username: str | None = None) -> User:
        user = User.objects.create_user(username or role, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def signed_in(client, make_user):
    """A test client signed in with the given role."""

    def sign_in(role: str):
        client.force_login(make_user(role))
        return client

    return sign_in
