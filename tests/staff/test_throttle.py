"""Login attempts are throttled per account and address (django-axes)."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import RequestFactory

from tests.staff.conftest import PASSWORD
from treatywatch.staff.client_address import client_address

pytestmark = pytest.mark.django_db
LIMIT = settings.AXES_FAILURE_LIMIT


def attempt(client, password, address="192.0.2.10"):
    return client.post(
        "/staff/login/?next=/staff/",
        {"username": "editor", "password": password},
        REMOTE_ADDR=address,
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def test_the_limit_is_small():
    assert 3 <= LIMIT <= 10


def test_after_too_many_failures_even_the_right_password_is_refused(client, make_user):
    make_user("editor")
    for _ in range(LIMIT - 1):
        assert attempt(client, "wrong").status_code == 200  # the form again, with an error
    assert attempt(client, "wrong").status_code == 429
    locked = attempt(client, PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()
    assert not signed_in(client)
    assert AccessAttempt.objects.filter(username="editor").exists()


def test_the_lock_holds_one_account_at_one_address(client, make_user):
    """A stranger guessing elsewhere cannot lock the colleague out of their own office."""
    make_user("editor")
    for _ in range(LIMIT):
        attempt(client, "wrong", address="198.51.100.7")
    response = attempt(client, PASSWORD, address="192.0.2.10")
    assert response.status_code == 302 and signed_in(client)


def test_a_success_before_the_limit_resets_the_count(client, make_user):
    make_user("editor")
    for _ in range(LIMIT - 1):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(LIMIT - 1):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302


def request_from(remote, forwarded=None):
    request = RequestFactory().get("/staff/login/", REMOTE_ADDR=remote)
    if forwarded:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return request


def test_behind_the_proxy_in_production_the_address_it_saw_counts(settings):
    """The last X-Forwarded-For entry is the proxy's own record; earlier ones can be forged."""
    settings.PRODUCTION = True
    request = request_from("127.0.0.1", "203.0.113.9, 198.51.100.20")
    assert client_address(request) == "198.51.100.20"
    assert client_address(request_from("127.0.0.1")) == "127.0.0.1"


def test_without_production_a_forwarded_header_is_ignored(settings):
    settings.PRODUCTION = False
    assert client_address(request_from("192.0.2.10", "203.0.113.9")) == "192.0.2.10"
