"""Events about the Convention, with the audiences reached and the action-plan measures served."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from treatywatch.core.event_rules import check_event, draft_from_values
from treatywatch.core.evidence import Review
from treatywatch.events.validation import RuleCheckedModel, issues_to_error
from treatywatch.treaties.models import Origin, State


class ReviewStatus(models.TextChoices):
    PENDING = Review.PENDING.value, _("Pending review")
    CONFIRMED = Review.CONFIRMED.value, _("Confirmed")
    REJECTED = Review.REJECTED.value, _("Rejected")


class Event(RuleCheckedModel, models.Model):
    class Level(models.TextChoices):
        INTERNATIONAL = "international", _("International")
        REGIONAL = "regional", _("Regional")
        NATIONAL = "national", _("National")

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        MEETING = "meeting", _("Meeting")
        SIDE_EVENT = "side_event", _("Side event")
        SEMINAR = "seminar", _("Seminar")
        WORKSHOP = "workshop", _("Workshop")
        TRAINING = "training", _("Training")
        CEREMONY = "ceremony", _("Ceremony")
        STATEMENT = "statement", _("Statement")
        PUBLICATION = "publication", _("Publication")
        OTHER = "other", _("Other")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.TextField(_("title"))
    starts_on = models.DateField(
        _("starts on"), null=True, blank=True, help_text=_("Empty when unknown.")
    )
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    level = models.CharField(_("forum level"), max_length=20, choices=Level.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, blank=True)
    forum = models.TextField(_("forum or body"), blank=True)
    organisers = models.TextField(
        _("organisers"), blank=True, help_text=_("Several separated by semicolons.")
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), null=True, blank=True)
    audiences = models.JSONField(
        _("audiences"),
        default=list,
        blank=True,
        help_text=_(
            'A list of {"role": ..., "count": ...}; count may be null. Roles: judges, '
            "prosecutors, central_authority_staff, diplomats, parliamentarians, civil_society, "
            "general_public, academics, officials."
        ),
    )
    states = models.ManyToManyField(
        State, blank=True, related_name="events", verbose_name=_("States involved")
    )
    measures = models.JSONField(
        _("action-plan measures"),
        default=list,
        blank=True,
        help_text=_(
            "A list of: sign, ratify, encourage_others, use_provisions, raise_in_fora, "
            "public_awareness, training."
        ),
    )
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
    distinct_from = models.ManyToManyField(
        "self",
        blank=True,
        verbose_name=_("checked: not the same event as"),
        help_text=_("Events a reviewer compared with this one and found to be different."),
    )

    class Meta:
        ordering = ["-starts_on", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=False, ends_on__gte=models.F("starts_on")),
                name="event_ends_after_it_starts",
                violation_error_message=_("The event ends before it starts."),
            )
        ]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("review_event", _("Can confirm or reject events"))]

    def __str__(self) -> str:
        return self.title

    def rule_values(self) -> dict[str, Any]:
        """The fields the event rules check, as the core reads them."""
        return {
            "slug": self.slug,
            "title": self.title,
            "starts_on": self.starts_on,
            "ends_on": self.ends_on,
            "level": self.level,
            "kind": self.kind,
            "forum": self.forum,
            "organisers": self.organisers,
            "place": self.place,
            "online": self.online,
            "audiences": self.audiences,
            "measures": self.measures,
            "materials": self.materials,
            "source_url": self.source_url,
            "source_date": self.source_date,
            "note": self.note,
            "review": self.review,
        }

    def clean(self) -> None:
        """Refuse what the core rules refuse, so the staff workspace and files agree."""
        from treatywatch.config import today

        draft, issues = draft_from_values(self.rule_values())
        # States are checked by the form's choices; the M2M is not saved yet at this point.
        issues.extend(check_event(draft, state_codes=(), today=today()))
        if issues:
            raise issues_to_error(issues, self._excluded_from_form)
