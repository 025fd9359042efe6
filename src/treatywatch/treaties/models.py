"""The record in the database: States, treaties, actions, declarations, with provenance."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from treatywatch.core.records import ActionClass, DeclarationKind, UnStatus


class Origin(models.TextChoices):
    BUNDLED = "bundled", _("Bundled dataset")
    STAFF = "staff", _("Entered by staff")
    IMPORT = "import", _("Imported file")


class Provenance(models.Model):
    """Where a fact comes from, when we read it and when we learnt and unlearnt it."""

    source_url = models.TextField(_("source URL"), help_text=_("Several URLs separated by spaces."))
    source_date = models.DateField(_("date read"))
    recorded_on = models.DateField(_("recorded on"), null=True, blank=True)
    retracted_on = models.DateField(_("retracted on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.STAFF
    )

    class Meta:
        abstract = True


class State(models.Model):
    code = models.CharField(_("ISO alpha-3 code"), max_length=3, primary_key=True)
    alpha2 = models.CharField(_("ISO alpha-2 code"), max_length=2, unique=True)
    numeric = models.CharField(_("ISO numeric code"), max_length=3, blank=True)
    name_en = models.CharField(_("name in English"), max_length=100)
    name_fr = models.CharField(_("name in French"), max_length=100)
    name_es = models.CharField(_("name in Spanish"), max_length=100)
    un_status = models.CharField(
        _("UN status"), max_length=10, choices=[(s.value, s.value) for s in UnStatus]
    )
    un_regional_group = models.CharField(_("UN regional group"), max_length=30)
    source_url = models.TextField(_("source URL"))
    source_date = models.DateField(_("date read"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("State")
        verbose_name_plural = _("States")

    def __str__(self) -> str:
        return f"{self.name_en} ({self.code})"


class Membership(models.Model):
    class Organisation(models.TextChoices):
        UN = "UN", _("United Nations")
        COE = "COE", _("Council of Europe")
        EU = "EU", _("European Union")
        AU = "AU", _("African Union")
        OAS = "OAS", _("Organization of American States")

    state = models.ForeignKey(State, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.CharField(_("organisation"), max_length=5, choices=Organisation.choices)
    joined = models.DateField(_("joined"), null=True, blank=True)
    left = models.DateField(_("left"), null=True, blank=True)
    source_url = models.TextField(_("source URL"))
    source_date = models.DateField(_("date read"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["organisation", "state", "joined", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "organisation", "joined"], name="unique_membership"
            )
        ]

    def __str__(self) -> str:
        return f"{self.state_id} in {self.organisation}"


class Treaty(models.Model):
    slug = models.SlugField(_("slug"), primary_key=True)
    title = models.TextField(_("title"))
    short_title = models.CharField(_("short title"), max_length=200)
    facts = models.JSONField(
        _("facts"),
        help_text=_(
            "The treaty's facts as in treaties.yaml: each with value, source_url, "
            "source_date, verified."
        ),
    )

    class Meta:
        ordering = ["slug"]
        verbose_name_plural = _("treaties")

    def __str__(self) -> str:
        return self.short_title


class TreatyAction(Provenance):
    key = models.CharField(max_length=200, unique=True, editable=False)
    treaty = models.ForeignKey(Treaty, on_delete=models.PROTECT, related_name="actions")
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="actions")
    action_class = models.CharField(
        _("class"),
        max_length=30,
        choices=[(c.value, c.value.replace("_", " ")) for c in ActionClass],
    )
    raw_action = models.CharField(_("act type as printed by the source"), max_length=60, blank=True)
    date = models.DateField(_("date"))
    effective_on = models.DateField(_("effective on"), null=True, blank=True)
    reported_entry_into_force = models.DateField(
        _("entry into force as reported"), null=True, blank=True
    )
    place = models.CharField(_("place"), max_length=100, blank=True)
    scope = models.CharField(_("scope"), max_length=200, blank=True)

    class Meta:
        ordering = ["treaty", "date", "state"]
        verbose_name = _("treaty action")

    def __str__(self) -> str:
        return f"{self.state_id} {self.action_class} {self.date}"


class Declaration(Provenance):
    key = models.CharField(max_length=300, unique=True, editable=False)
    treaty = models.ForeignKey(Treaty, on_delete=models.PROTECT, related_name="declarations")
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="declarations")
    kind = models.CharField(
        _("kind"),
        max_length=30,
        choices=[(k.value, k.value.replace("_", " ")) for k in DeclarationKind],
    )
    articles = models.CharField(_("articles"), max_length=100, blank=True)
    annexes = models.CharField(_("annexes"), max_length=40, blank=True)
    made_on = models.DateField(
        _("made on"), null=True, blank=True, help_text=_("Empty when unknown.")
    )
    made_at = models.CharField(_("made at"), max_length=10, default="unknown")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    validity_months = models.PositiveIntegerField(
        _("validity in months"),
        null=True,
        blank=True,
        help_text=_("For a time-limited reservation: how long it lasts from its start."),
    )
    renewable = models.BooleanField(_("renewable"), default=False)
    target_state = models.ForeignKey(
        State, on_delete=models.PROTECT, null=True, blank=True, related_name="objections_received"
    )
    summary = models.TextField(_("summary in our own words"))

    class Meta:
        ordering = ["treaty", "state", "kind"]

    def __str__(self) -> str:
        return f"{self.state_id} {self.kind} {self.articles or self.annexes}"


class SourceConflict(models.Model):
    subject = models.CharField(_("subject"), max_length=200)
    claim = models.TextField(_("claim"))
    source_url = models.TextField(_("source URL"))
    source_date = models.DateField(_("date read"))
    our_reading = models.TextField(_("our reading"))

    class Meta:
        ordering = ["subject"]

    def __str__(self) -> str:
        return self.subject


class DatasetLoad(models.Model):
    """Each time the bundled dataset was brought into the database."""

    digest = models.CharField(max_length=32)
    loaded_at = models.DateTimeField(auto_now_add=True)
    summary = models.JSONField(default=dict)

    class Meta:
        ordering = ["-loaded_at"]
        get_latest_by = "loaded_at"

    def __str__(self) -> str:
        return f"{self.digest} at {self.loaded_at:%Y-%m-%d %H:%M}"
