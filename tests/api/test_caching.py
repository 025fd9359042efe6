"""Cached answers follow the data: saves here, audit entries from other processes, loads, TTL."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType

from treatywatch.api import caching
from treatywatch.treaties.loading import update_data
from treatywatch.treaties.models import State, TreatyAction

pytestmark = pytest.mark.usefixtures("bundle")
LATVIA = "ljubljana-the-hague/LVA/ratification/2025-08-28"


def consenting(client):
    return client.get("/api/status").json()["consenting"]


def retract_latvia_without_signals():
    """As `treatywatch import` does for changed rows: an UPDATE no signal sees."""
    TreatyAction.objects.filter(key=LATVIA).update(retracted_on=date(2026, 1, 1))


def test_an_update_no_signal_sees_shows_once_the_answer_expires(client, monkeypatch):
    assert consenting(client) == 1
    retract_latvia_without_signals()
    assert consenting(client) == 1  # still the cached answer
    now = caching.time.monotonic()
    monkeypatch.setattr(caching.time, "monotonic", lambda: now + caching.TTL_SECONDS + 1)
    assert consenting(client) == 0


def test_an_audit_entry_written_by_another_process_refreshes_the_answer(client):
    """Another gunicorn worker's admin save leaves an audit entry; this process sees it."""
    assert consenting(client) == 1
    retract_latvia_without_signals()
    row = TreatyAction.objects.get(key=LATVIA)
    # bulk_create sends no signal, as a write from another process would not here.
    LogEntry.objects.bulk_create(
        [
            LogEntry(
                content_type=ContentType.objects.get_for_model(TreatyAction),
                object_pk=str(row.pk),
                object_repr=str(row),
                action=LogEntry.Action.UPDATE,
                changes={"retracted_on": ["None", "2026-01-01"]},
            )
        ]
    )
    assert consenting(client) == 0


def test_a_dataset_load_refreshes_the_answer(client):
    assert consenting(client) == 1
    retract_latvia_without_signals()
    update_data(today=date(2026, 11, 29))  # restores the bundled row and logs a load
    assert consenting(client) == 1
    assert client.get("/api/status")["ETag"]


def test_a_save_in_this_process_refreshes_at_once(client):
    assert client.get("/api/states?status=in_force&lang=fr").json()["items"][0]["name"] == (
        "Lettonie"
    )
    State.objects.filter(code="LVA").update(name_fr="Lettonie (test)")
    State.objects.get(code="LVA").save()  # the save is what the admin does
    items = client.get("/api/states?status=in_force&lang=fr").json()["items"]
    assert items[0]["name"] == "Lettonie (test)"


def test_saving_something_that_is_not_a_record_keeps_the_cache(client):
    before = caching.data_version()
    User.objects.create_user("someone")
    assert caching.data_version() == before
