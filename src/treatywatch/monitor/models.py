"""What the monitor remembers between runs, and the review queue of proposed status changes.

Everything an item changes (its seen-key, scan count, references, mentions and duplicate
signature) is written in one transaction, so a run killed at any moment resumes cleanly.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceState(models.Model):
    """A configured source's cursor and the validators of the URLs it lists."""

    name = models.CharField(_("source"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=32)
    cursor = models.JSONField(_("cursor"), default=dict, blank=True)
    validators = models.JSONField(
        _("HTTP validators"), default=dict, blank=True, help_text=_("URL → ETag, Last-Modified.")
    )
    last_success_at = models.DateTimeField(_("last complete run"), null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Run(models.Model):
    """One run of one source; a run still 'running' after its process died was interrupted."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running or interrupted")
        OK = "ok", _("Complete")
        FAILED = "failed", _("Failed")

    source = models.CharField(_("source"), max_length=64, db_index=True)
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RUNNING
    )
    items_new = models.PositiveIntegerField(_("new items read"), default=0)
    items_known = models.PositiveIntegerField(_("items already read"), default=0)
    new_references = models.PositiveIntegerField(_("new references"), default=0)
    proposals = models.PositiveIntegerField(_("new proposals"), default=0)
    errors = models.PositiveIntegerField(_("errors"), default=0)
    messages = models.JSONField(_("errors and notices"), default=list, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M} {self.status}"


class SeenItem(models.Model):
    """An item read (or given up) for good: never read again."""

    class Outcome(models.TextChoices):
        READ = "read", _("Read")
        FAILED = "failed", _("Given up")

    source = models.CharField(_("source"), max_length=64)
    key_hash = models.CharField(_("key hash"), max_length=64)
    key = models.TextField(_("key"))
    url = models.TextField(_("URL"), blank=True)
    seen_at = models.DateTimeField(_("seen at"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    documents = models.PositiveIntegerField(_("documents read"), default=0)
    mentions = models.PositiveIntegerField(_("mentions found"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["source", "id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "key_hash"], name="unique_seen_item")
        ]
        indexes = [models.Index(fields=["source", "seen_at"])]

    def __str__(self) -> str:
        return f"{self.source}: {self.key}"


class ItemFailure(models.Model):
    """An item that failed for a passing reason (a timeout, a 503): tried again next run."""

    source = models.CharField(_("source"), max_length=64)
    key_hash = models.CharField(_("key hash"), max_length=64)
    key = models.TextField(_("key"))
    url = models.TextField(_("URL"), blank=True)
    candidate = models.JSONField(_("item as the source listed it"), default=dict)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"))
    last_tried_at = models.DateTimeField(_("last tried at"))

    class Meta:
        ordering = ["source", "id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "key_hash"], name="unique_item_failure")
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.key} ({self.attempts})"


class DocumentSignature(models.Model):
    """The duplicate-detection signature of a document with mentions (one per reference).

    Loaded in insertion order at the start of a run, so clusters come out as in one long run.
    """

    doc_key = models.CharField(_("document"), max_length=500, unique=True)
    text_hash = models.CharField(_("text hash"), max_length=32, db_index=True)
    minhash = models.BinaryField(_("MinHash values"))
    cluster = models.CharField(_("cluster"), max_length=500)
    match = models.CharField(_("matched as"), max_length=10)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.doc_key} → {self.cluster}"


class ScanCount(models.Model):
    """Documents read, per source, month, language and country: the denominator of attention."""

    source = models.CharField(_("source"), max_length=64)
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    language = models.CharField(_("language"), max_length=10, blank=True)
    country = models.CharField(_("country"), max_length=3, blank=True)
    documents = models.PositiveIntegerField(_("documents read"), default=0)

    class Meta:
        ordering = ["source", "month", "language", "country"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "month", "language", "country"], name="unique_scan_count"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.month:%Y-%m} {self.language or '-'}: {self.documents}"


class Proposal(models.Model):
    """A status change read from a depositary source, waiting for a reviewer.

    Accepting one writes it through the checks of `treatywatch import`; rejecting keeps it, so
    the same change (same fingerprint) is never raised again. A different reading about the
    same subject supersedes a pending proposal, and reopens review after a rejection.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending review")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        SUPERSEDED = "superseded", _("Superseded by a later reading")

    kind = models.CharField(_("kind"), max_length=30)
    state = models.CharField(_("State"), max_length=3, blank=True)
    subject = models.CharField(_("subject"), max_length=600, db_index=True)
    fingerprint = models.CharField(_("fingerprint"), max_length=64, unique=True)
    summary = models.TextField(_("summary"))
    payload = models.JSONField(_("proposed row and evidence"))
    source_name = models.CharField(_("source"), max_length=64)
    source_url = models.TextField(_("source URL"))
    captured_at = models.DateTimeField(_("captured at"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    reviewer = models.CharField(_("reviewer"), max_length=150, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        ordering = ["id"]
        permissions = [("review_proposal", _("Can accept or reject proposed status changes"))]

    def __str__(self) -> str:
        return f"#{self.pk} {self.summary}"
