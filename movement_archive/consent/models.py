"""The consent ledger: what each person, and each group that sent in its history, agreed to, and every change.

Entries are only ever added. The newest entry for a person or a contribution is what holds; the records drawing
on them take its scope and attribution the moment it is recorded (``actions.record_consent``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from movement_archive.access.policy import Ceiling


class Scope(models.TextChoices):
    PUBLIC = Ceiling.PUBLIC.value, _("Public")
    COMMUNITY = Ceiling.COMMUNITY.value, _("Community only")
    RESEARCH = Ceiling.RESEARCH.value, _("Research only")
    WITHDRAWN = Ceiling.WITHDRAWN.value, _("Withdrawn")


class Attribution(models.TextChoices):
    NAME = "name", _("By name")
    PSEUDONYM = "pseudonym", _("By a pseudonym")
    ANONYMOUS = "anonymous", _("Anonymously")


class Method(models.TextChoices):
    SIGNED_FORM = "signed_form", _("A signed release form")
    RECORDED = "recorded", _("Said on the recording")
    SPOKEN = "spoken", _("Said to a witness, not recorded")
    WRITTEN = "written", _("A letter, email or message")
    ONLINE_FORM = "online_form", _("The archive's contribution form")


class ConsentEntryQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-recorded_at", "-pk")


class ConsentEntry(models.Model):
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        # The entry outlives the person's record: the proof that consent was withdrawn must stay.
        on_delete=models.SET_NULL,
        related_name="consent_entries",
    )
    contribution = models.ForeignKey(
        "contributions.Contribution",
        verbose_name=_("contribution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consent_entries",
    )
    # Which record it was, kept when the record itself is gone; never the real name of a person.
    subject = models.CharField(_("about"), max_length=120, editable=False)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    attribution = models.CharField(_("attribution"), max_length=20, choices=Attribution.choices)
    agreed_on = models.DateField(_("agreed on"), help_text=_("The day the person said it, which may be before today."))
    method = models.CharField(_("how it was given"), max_length=20, choices=Method.choices)
    evidence = models.CharField(
        _("where the proof is kept"),
        max_length=255,
        blank=True,
        help_text=_("A file reference or a place, not a copy of the form: it may carry the real name."),
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    objects = ConsentEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("consent entry")
        verbose_name_plural = _("consent ledger")
        constraints = [
            models.CheckConstraint(
                condition=~(models.Q(person__isnull=False) & models.Q(contribution__isnull=False)),
                name="consent_entry_about_one_subject",
                violation_error_message=_("An entry is about a person or a contribution, not both."),
            )
        ]
        indexes = [
            models.Index(fields=["person", "-recorded_at"], name="consent_person_newest"),
            models.Index(fields=["contribution", "-recorded_at"], name="consent_contribution_newest"),
        ]

    def __str__(self) -> str:
        return f"{self.subject}: {self.get_scope_display()}, {self.get_attribution_display()} ({self.agreed_on})"

    def save(self, *args, **kwargs):
        # A ledger is only added to: a change of consent is a new entry, so every earlier one stays as it was.
        if self.pk is not None:
            raise ValueError("Consent entries are never changed; record a new entry instead.")
        super().save(*args, **kwargs)


class Flag(models.Model):
    """A record that uses material whose consent narrowed or was withdrawn: an episode, a research coding, an
    organisation a contribution was merged into. An editor looks at it and says what was done."""

    entry = models.ForeignKey(ConsentEntry, on_delete=models.CASCADE, related_name="flags")
    kind = models.CharField(_("kind of record"), max_length=40)
    key = models.CharField(_("key"), max_length=100)
    label = models.CharField(_("record"), max_length=255)
    reason = models.CharField(_("why"), max_length=255)
    created_at = models.DateTimeField(_("flagged at"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.TextField(_("what was done"), blank=True)

    class Meta:
        ordering = ["resolved_at", "-created_at"]
        verbose_name = _("consent flag")
        verbose_name_plural = _("consent flags")

    def __str__(self) -> str:
        return f"{self.label}: {self.reason}"
