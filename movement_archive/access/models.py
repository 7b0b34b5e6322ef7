"""Access levels on records, and the named groups of readers that restricted material is opened to.

``Restricted`` is the abstract base of every record whose access can be narrowed. Its level is part of the
record's revisions, like any field, so it changes when an editor publishes. Its consent ceiling and withdrawal
are not: they come from the consent ledger (``movement_archive.consent``) and take effect the moment a change
of consent is recorded, whatever drafts are waiting.
"""

from __future__ import annotations

from dataclasses import replace

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from movement_archive.core.models import RecordQuerySet

from .policy import Ceiling, Level, Outcome, Rule, decide
from .queries import full_q, listed_q
from .readers import reader_for


class ReaderGroup(models.Model):
    """A named set of readers that restricted material can be opened to: a network's members, a research team,
    the family of a narrator. A single person is a group of one, or is named on the record directly."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    description = models.TextField(_("who is in it and why"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="reader_groups", verbose_name=_("members")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("reader group")
        verbose_name_plural = _("reader groups")

    def __str__(self) -> str:
        return self.name


class AccessLevel(models.TextChoices):
    PUBLIC = Level.PUBLIC.value, _("Public")
    COMMUNITY = Level.COMMUNITY.value, _("Community: signed-in members")
    RESTRICTED = Level.RESTRICTED.value, _("Restricted to a group or a person")
    SEALED = Level.SEALED.value, _("Sealed until a date")
    METADATA = Level.METADATA.value, _("Metadata only: listed, content withheld")


CEILING_CHOICES = [
    (Ceiling.NONE.value, _("No consent recorded")),
    (Ceiling.PUBLIC.value, _("Public")),
    (Ceiling.COMMUNITY.value, _("Community only")),
    (Ceiling.RESEARCH.value, _("Research only")),
    (Ceiling.WITHDRAWN.value, _("Withdrawn")),
]


class RestrictedQuerySet(RecordQuerySet):
    """Visibility of restricted records: live, and admitted by the access rule (``policy.decide``)."""

    def visible_to(self, user=None):
        """The records the reader may know exist: listed, with at least their metadata."""
        return super().visible_to(user).filter(listed_q(reader_for(user), timezone.localdate()))

    def readable_by(self, user=None):
        """The records whose content the reader may see."""
        return super().visible_to(user).filter(full_q(reader_for(user), timezone.localdate()))

    def withdrawn(self):
        return self.filter(withdrawn_at__isnull=False)


# Every column the access rule tests (``queries.listed_q``, ``full_q``), whatever the reader. An index a list is
# read through carries them after its order, so that the rule is checked on the index entry: without them, every
# entry walked costs a read of its table row, on every page of every list (ten times slower on a deep page).
ACCESS_COLUMNS = ("access", "access_until", "access_group", "access_person", "consent")

# What the search backends must be able to filter on to apply the access rule (``queries``) within a search.
ACCESS_FILTER_FIELDS = [
    index.FilterField("access"),
    index.FilterField("access_until"),
    index.FilterField("access_group"),
    index.FilterField("access_person"),
    index.FilterField("consent"),
]


class RestrictedPart(models.Model):
    """The access fields of anything whose access can be narrowed: a record (``Restricted``), or a part of one
    such as an interview's index point or restricted passage, which has no consent of its own and is read only
    where its record may be."""

    access = models.CharField(_("access"), max_length=20, choices=AccessLevel.choices, default=AccessLevel.PUBLIC)
    access_until = models.DateField(
        _("until"),
        null=True,
        blank=True,
        help_text=_(
            "For restricted or sealed material: the day it becomes public. Required when sealed. Restricted "
            "material opened to no group and no person is for editors only."
        ),
    )
    access_group = models.ForeignKey(
        ReaderGroup,
        verbose_name=_("opened to the group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Deleting the account narrows the record to editors rather than opening it.
    access_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened to the person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def access_rule(self) -> Rule:
        return Rule(
            level=Level(self.access),
            until=self.access_until,
            group_id=self.access_group_id,
            person_id=self.access_person_id,
        )

    def clean(self) -> None:
        super().clean()
        errors = access_errors(self.access, self.access_until, self.access_group_id, self.access_person_id)
        if errors:
            raise ValidationError(errors)


class Restricted(RestrictedPart):
    """A record whose access can be narrowed: its level, and the consent the ledger gives its people."""

    consent = models.CharField(
        _("consent"), max_length=20, choices=CEILING_CHOICES, default=Ceiling.NONE.value, editable=False
    )
    withdrawn_at = models.DateTimeField(_("consent withdrawn"), null=True, blank=True, editable=False)
    # When the ledger last changed ``consent``: the datestamp harvesters get for a record no longer public.
    consent_changed_at = models.DateTimeField(_("consent last changed"), null=True, blank=True, editable=False)

    # The fields the ledger owns: a revision never brings back an older value of them (see with_content_json).
    LEDGER_FIELDS = ("consent", "withdrawn_at", "consent_changed_at")
    # Whether the access level covers the whole record (listed or not), or only some of its fields.
    access_covers_record = True

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Consent withdrawn outranks an editor's publish: the record stays off the reading surfaces until the
        # ledger records consent again (``consent.actions``), and an editor publishes it anew.
        if self.withdrawn_at is not None:
            self.live = False
        super().save(*args, **kwargs)

    @property
    def access_rule(self) -> Rule:
        return replace(super().access_rule, ceiling=Ceiling(self.consent))

    def outcome_for(self, user) -> Outcome:
        return decide(self.access_rule, reader_for(user), timezone.localdate())

    def content_shown_to(self, user) -> bool:
        return self.outcome_for(user) == Outcome.FULL

    def with_content_json(self, content):
        """A revision being published or previewed keeps the ledger's current word on consent."""
        obj = super().with_content_json(content)
        for name in self.LEDGER_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj


def access_errors(level: str, until, group_id, person_id) -> dict[str, str]:
    """What is wrong with a combination of access fields, by field name; shared by records and their parts."""
    errors = {}
    if level == Level.SEALED and until is None:
        errors["access_until"] = _("Sealed material needs the date it opens.")
    if level in (Level.PUBLIC, Level.COMMUNITY) and (until or group_id or person_id):
        errors["access"] = _("A date, group or person only applies to restricted, sealed or metadata-only material.")
    return errors


class Viewing(models.Model):
    """One signed-in reader opening one piece of restricted material (``viewings.note_viewing``)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reader"), on_delete=models.CASCADE)
    kind = models.CharField(_("kind of record"), max_length=40)
    key = models.CharField(_("key"), max_length=100)
    what = models.CharField(_("what was opened"), max_length=20, default="page")
    level = models.CharField(_("access"), max_length=20, choices=AccessLevel.choices)
    consent = models.CharField(_("consent"), max_length=20, choices=CEILING_CHOICES, blank=True)
    viewed_at = models.DateTimeField(_("opened at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-viewed_at"]
        verbose_name = _("viewing of restricted material")
        verbose_name_plural = _("viewings of restricted material")
        indexes = [models.Index(fields=["kind", "key", "-viewed_at"], name="viewing_of_record")]

    def __str__(self) -> str:
        return f"{self.user} · {self.kind}:{self.key} · {self.viewed_at:%Y-%m-%d %H:%M}"
