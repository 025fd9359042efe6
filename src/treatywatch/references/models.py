"""Known and detected references to the Convention, reviewed before they count."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from treatywatch.core.evidence import ReferenceKind
from treatywatch.events.models import ReviewStatus
from treatywatch.treaties.models import Origin, State


class Reference(models.Model):
    class Kind(models.TextChoices):
        ADOPTED_DOCUMENT = ReferenceKind.ADOPTED_DOCUMENT.value, _("Adopted document")
        PUBLIC_DOMAIN = ReferenceKind.PUBLIC_DOMAIN.value, _("Public domain")

    url = models.URLField(_("URL"), max_length=500, unique=True)
    title = models.TextField(_("title"), blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=10)
    forum = models.TextField(_("forum"), blank=True)
    publisher = models.TextField(_("publisher"), blank=True)
    country = models.ForeignKey(
        State, on_delete=models.PROTECT, null=True, blank=True, related_name="references"
    )
    summary = models.TextField(_("summary in our own words"))
    source_date = models.DateField(_("date read"))
    note = models.TextField(_("note"), blank=True)
    cluster = models.CharField(_("duplicate cluster"), max_length=500, blank=True)
    review = models.CharField(
        _("review"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING
    )
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.STAFF
    )
    # Filled for references the monitor found: where, when, and which text it read.
    source_name = models.CharField(_("monitor source"), max_length=64, blank=True, db_index=True)
    seen_at = models.DateTimeField(_("seen at"), null=True, blank=True)
    document_hash = models.CharField(
        _("document hash"),
        max_length=32,
        blank=True,
        help_text=_("Hash of the normalised text read; equal hashes are exact copies."),
    )

    class Meta:
        ordering = ["-published_on", "url"]
        verbose_name = _("reference")
        verbose_name_plural = _("references")
        permissions = [("review_reference", _("Can confirm or reject references"))]

    def __str__(self) -> str:
        return self.title or self.url


class Mention(models.Model):
    """Where in the text read the detector found the Convention named."""

    reference = models.ForeignKey(Reference, on_delete=models.CASCADE, related_name="mentions")
    start = models.PositiveIntegerField(_("start offset"))
    end = models.PositiveIntegerField(_("end offset"))
    text = models.TextField(_("matched text"))
    form = models.CharField(_("form"), max_length=20)
    language = models.CharField(_("language"), max_length=10)
    snippet = models.TextField(_("snippet"))
    confidence = models.FloatField(_("confidence"))

    class Meta:
        ordering = ["reference", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["reference", "start", "end"], name="unique_mention_span"
            )
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.form}, {self.language})"
