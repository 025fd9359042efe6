"""Events about the Convention, with the audiences reached and the action-plan measures served."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from treatywatch.core.evidence import Review
from treatywatch.treaties.models import Origin, State


class ReviewStatus(models.TextChoices):
    PENDING = Review.PENDING.value, _("Pending review")
    CONFIRMED = Review.CONFIRMED.value, _("Confirmed")
    REJECTED = Review.REJECTED.value, _("Rejected")


class Event(models.Model):
    class Level(models.TextChoices):
        INTERNATIONAL = "international", _("International")
        REGIONAL = "regional", _("Regional")
        NATIONAL = "national", _("National")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.TextField(_("title"))
    starts_on = models.DateField(
        _("starts on"), null=True, blank=True, help_text=_("Empty when unknown.")
    )
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    level = models.CharField(_("forum level"), max_length=20, choices=Level.choices)
    forum = models.TextField(_("forum or body"), blank=True)
    organisers = models.TextField(_("organisers"), blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), null=True, blank=True)
    audiences = models.JSONField(
        _("audiences"),
        default=list,
        blank=True,
        help_text=_("A list of {role, count}; count may be null."),
    )
    states = models.ManyToManyField(
        State, blank=True, related_name="events", verbose_name=_("States involved")
    )
    measures = models.JSONField(_("action-plan measures"), default=list, blank=True)
    materials = models.TextField(_("materials"), blank=True)
    source_url = models.TextField(_("source URL"))
    source_date = models.DateField(_("date read"))
    note = models.TextField(_("note"), blank=True)
    review = models.CharField(
        _("review"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING
    )
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.STAFF
    )

    class Meta:
        ordering = ["-starts_on", "slug"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("review_event", _("Can confirm or reject events"))]

    def __str__(self) -> str:
        return self.title
