"""What the public site keeps for itself: when the published data last changed."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DataStamp(models.Model):
    """One row, bumped whenever a State, action, event or reference changes.

    Every worker process reads it (one tiny query per request) to know whether its cached
    pages are still current; a per-process signal alone would not reach the other workers.
    """

    version = models.PositiveBigIntegerField(_("version"), default=0)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("data stamp")

    def __str__(self) -> str:
        return f"data version {self.version}"
