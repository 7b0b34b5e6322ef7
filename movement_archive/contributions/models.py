"""What user groups send in: a history of their group, or corrections to a record, with what came with it.

Nothing here is ever shown to the public as it stands. A contribution is read by its contributor (through the
receipt link) and by editors; what editors accept becomes ordinary records that cite it. Personal data (the
contact, the credited name) is kept apart from the history so that withdrawal can remove it at once.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from movement_archive.core.fields import EDTFField

from .storage import attachment_storage


class ContributionQuerySet(models.QuerySet):
    def with_token(self, token: str):
        """The contribution a receipt token opens: looked up by its digest, as only the digest is stored."""
        return self.filter(token_digest=token_digest(token)).exclude(status=Contribution.Status.WITHDRAWN)


def token_digest(token: str) -> str:
    # A receipt token is a random secret of 256 bits, so a plain hash is enough to make a stolen database useless
    # for opening receipts; a slow password hash would add nothing.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Contribution(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    class Kind(models.TextChoices):
        HISTORY = "history", _("A group's history")
        CORRECTION = "correction", _("Corrections or additions to a record")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received, waiting for an editor")
        QUESTION = "question", _("An editor has a question")
        ANSWERED = "answered", _("Answered, waiting for an editor")
        ACCEPTED = "accepted", _("Accepted into the archive")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Credit(models.TextChoices):
        NAME = "name", _("By name")
        PSEUDONYM = "pseudonym", _("By a pseudonym")
        ANONYMOUS = "anonymous", _("Anonymously")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.HISTORY)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("record it concerns"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )

    group_name = models.CharField(_("group's name"), max_length=255)
    other_names = models.TextField(_("other names"), blank=True, help_text=_("One per line."))
    country = models.ForeignKey(
        "places.Country", verbose_name=_("country"), null=True, blank=True, on_delete=models.SET_NULL
    )
    city = models.CharField(_("city or town"), max_length=255, blank=True)
    place_withheld = models.BooleanField(_("prefers not to say where"), default=False)
    founded = EDTFField(_("founded"))
    models_then = models.ManyToManyField(
        "organising.OrganisingModel", verbose_name=_("organising models at first"), blank=True, related_name="+"
    )
    models_now = models.ManyToManyField(
        "organising.OrganisingModel", verbose_name=_("organising models now"), blank=True, related_name="+"
    )
    achievements = models.TextField(_("achievements"), blank=True)
    challenges = models.TextField(_("challenges"), blank=True)
    narrative = models.TextField(_("the story"), blank=True)
    narrative_language = models.CharField(_("language of the story"), max_length=35, blank=True)
    links = models.TextField(_("links"), blank=True, help_text=_("One address per line."))

    credit = models.CharField(_("credit"), max_length=20, choices=Credit.choices, default=Credit.ANONYMOUS)
    credit_name = models.CharField(_("name or pseudonym to credit"), max_length=255, blank=True)
    # Encrypted with the contact key (see ``contact.py``); never shown in lists, never exported, never published.
    contact_sealed = models.BinaryField(_("contact (encrypted)"), null=True, blank=True, editable=False)
    consent_publish = models.BooleanField(_("agrees that accepted material is published"), default=False)
    consent_keep = models.BooleanField(_("agrees that the archive keeps what was sent"), default=False)

    interface_language = models.CharField(_("language of the form"), max_length=10, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    # The source that records made from this contribution cite; it reads its credit from here (``credited_as``).
    source = models.OneToOneField(
        "sources.Source",
        verbose_name=_("source made from it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contribution",
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self) -> str:
        # Not the group's name: Wagtail puts a record's title in workflow emails and logs, and those leave the
        # archive; a number says enough to find it in the queue.
        return _("Contribution %(number)s") % {"number": self.pk}

    @property
    def credited_as(self) -> str:
        """The name the contributors chose to be credited by, or an empty string for anonymity."""
        return "" if self.credit == self.Credit.ANONYMOUS else self.credit_name

    @property
    def open(self) -> bool:
        """Whether the contributor may still add material or answer: until an editor has decided."""
        return self.status in (self.Status.RECEIVED, self.Status.QUESTION, self.Status.ANSWERED)


class Milestone(models.Model):
    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="milestones")
    date = EDTFField(_("date"))
    text = models.TextField(_("what happened"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("milestone")

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:60]}"


class Attachment(models.Model):
    """A file sent with a contribution, stored only after its metadata was stripped (``movement_archive.scrubbing``).

    Its original file name is not kept: names of files often carry people's or places' names.
    """

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=attachment_storage, upload_to="contributions/%Y/%m/")
    media_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    removed = models.CharField(_("metadata removed"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("attachment")

    def __str__(self) -> str:
        return f"{self.media_type}, {self.size:,} bytes"


class Message(models.Model):
    """A question from an editor or an answer from the contributor, shown on the receipt page in order."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="messages")
    from_editor = models.BooleanField(default=False)
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    text = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")

    def __str__(self) -> str:
        return self.text[:60]


class Throttle(models.Model):
    """How many contributions one client sent in the current window, keyed by a keyed hash of its address.

    The address itself is never stored: the key is an HMAC under a secret that changes every day, so rows cannot
    be linked to an address or to each other across days, and rows older than a day are deleted (``throttle.py``).
    """

    key = models.CharField(max_length=64, unique=True)
    window_start = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.count} since {self.window_start:%H:%M}"


class ContributionReviewTask(AbstractGroupApprovalTask):
    """The moderation task: a group of editors reviews each contribution.

    Unlike Wagtail's group approval, it offers no "approve" or "request changes" buttons in the editor: approving
    there would publish the contribution without making any record of it. Editors decide on the contribution's
    moderation page instead, whose decisions (``decisions.py``) complete the task.
    """

    def get_actions(self, obj, user):
        return []

    class Meta:
        verbose_name = _("contribution review task")
        verbose_name_plural = _("contribution review tasks")
