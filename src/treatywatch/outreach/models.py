"""Contacts with States: bilateral meetings, démarches, letters, statements, workshops, media."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from treatywatch.core.outreach import OutreachRecord, check_outreach, outreach_from_values
from treatywatch.events.validation import RuleCheckedModel, issues_to_error
from treatywatch.treaties.models import Origin, State


class Channel(models.TextChoices):
    BILATERAL_MEETING = "bilateral_meeting", _("Bilateral meeting")
    DEMARCHE = "demarche", _("Démarche")
    LETTER = "letter", _("Letter")
    STATEMENT_IN_FORUM = "statement_in_forum", _("Statement in a multilateral or regional forum")
    WORKSHOP = "workshop", _("Workshop")
    MEDIA = "media", _("Media")


class Outcome(models.TextChoices):
    PENDING = "pending", _("Pending")
    NO_RESPONSE = "no_response", _("No response")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    INTEREST = "interest", _("Interest expressed")
    COMMITMENT = "commitment", _("Commitment to sign or ratify")
    DECLINED = "declined", _("Declined")


class Measure(models.TextChoices):
    SIGN = "sign", _("Sign")
    RATIFY = "ratify", _("Ratify")
    ENCOURAGE_OTHERS = "encourage_others", _("Encourage others")
    USE_PROVISIONS = "use_provisions", _("Use the Convention")
    RAISE_IN_FORA = "raise_in_fora", _("Raise in fora")
    PUBLIC_AWARENESS = "public_awareness", _("Public awareness")
    TRAINING = "training", _("Training")


class OutreachContact(RuleCheckedModel, models.Model):
    key = models.CharField(max_length=300, unique=True, editable=False)
    on = models.DateField(_("date of the contact"))
    actor_state = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outreach_made",
        verbose_name=_("acting State"),
    )
    actor_organisation = models.CharField(
        _("acting organisation"),
        max_length=200,
        blank=True,
        help_text=_("When an organisation rather than a State acted."),
    )
    target = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        related_name="outreach_received",
        verbose_name=_("State approached"),
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    forum = models.CharField(
        _("forum"), max_length=200, blank=True, help_text=_("For statements in a forum.")
    )
    measure = models.CharField(
        _("action-plan measure"), max_length=20, choices=Measure.choices, blank=True
    )
    summary = models.TextField(_("summary"), blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.PENDING
    )
    outcome_note = models.TextField(_("outcome note"), blank=True)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    follow_up_done_on = models.DateField(_("follow-up done on"), null=True, blank=True)
    public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("May be named in public reports; needs a source URL."),
    )
    source_url = models.TextField(_("source URL"), blank=True)
    note = models.TextField(_("note"), blank=True)
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.STAFF
    )

    class Meta:
        ordering = ["-on", "key"]
        verbose_name = _("outreach contact")
        verbose_name_plural = _("outreach contacts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(follow_up_on__isnull=True)
                | models.Q(follow_up_on__gte=models.F("on")),
                name="outreach_follow_up_after_contact",
                violation_error_message=_("The follow-up is before the contact."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.on} {self.actor_state_id or self.actor_organisation} → {self.target_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.key = self.to_record().key
        super().save(*args, **kwargs)

    def rule_values(self) -> dict[str, Any]:
        return {
            "on": self.on,
            "actor_state": self.actor_state_id or "",
            "actor_organisation": self.actor_organisation,
            "target": self.target_id or "",
            "channel": self.channel,
            "forum": self.forum,
            "measure": self.measure,
            "summary": self.summary,
            "outcome": self.outcome,
            "outcome_note": self.outcome_note,
            "follow_up_on": self.follow_up_on,
            "follow_up_done_on": self.follow_up_done_on,
            "public": self.public,
            "source_url": self.source_url,
            "note": self.note,
        }

    def to_record(self) -> OutreachRecord:
        record, _issues = outreach_from_values(self.rule_values())
        return record

    def clean(self) -> None:
        """Refuse what the core rules refuse, so the staff workspace and files agree."""
        from treatywatch.config import today

        record, issues = outreach_from_values(self.rule_values())
        codes = {code for code in (self.actor_state_id, self.target_id) if code}
        issues.extend(check_outreach(record, codes, today()))
        if issues:
            raise issues_to_error(issues, self._excluded_from_form)
