"""Knowing when the published data changed, so that cached pages are rebuilt then and only then.

Saves and deletes through the ORM (staff workspace, loaders) bump `DataStamp` through signals.
Bulk `QuerySet.update()` sends no signal, so cached results also expire after `MAX_AGE`.
"""

from __future__ import annotations

import time

from django.apps import apps
from django.db import DatabaseError
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

__all__ = ["MAX_AGE", "bump", "data_version", "watch_data_models"]

MAX_AGE = 300  # seconds: the backstop for writes that bypass signals
WATCHED = (
    "treaties.State",
    "treaties.Membership",
    "treaties.Treaty",
    "treaties.TreatyAction",
    "treaties.Declaration",
    "treaties.SourceConflict",
    "treaties.DatasetLoad",
    "events.Event",
    "references.Reference",
    "outreach.OutreachContact",  # the targets' scores read the outreach log
    "monitor.ScanCount",  # attention: the documents the monitor read
)


def bump(**_: object) -> None:
    """Record that the data changed (signal receiver, also callable after bulk writes)."""
    from treatywatch.site.models import DataStamp

    if not DataStamp.objects.filter(pk=1).update(version=F("version") + 1):
        DataStamp.objects.get_or_create(pk=1, defaults={"version": 1})


def data_version() -> tuple[int, int]:
    """A key that changes when the data changes, and at least every MAX_AGE seconds."""
    from treatywatch.site.models import DataStamp

    try:
        stamp = DataStamp.objects.filter(pk=1).values_list("version", flat=True).first()
    except DatabaseError:  # the table does not exist yet (before migrations)
        stamp = None
    return (stamp or 0, int(time.time() // MAX_AGE))


def watch_data_models() -> None:
    for label in WATCHED:
        model = apps.get_model(label)
        post_save.connect(bump, sender=model, dispatch_uid=f"site-bump-save-{label}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"site-bump-delete-{label}")
    event = apps.get_model("events.Event")
    m2m_changed.connect(bump, sender=event.states.through, dispatch_uid="site-bump-event-states")
