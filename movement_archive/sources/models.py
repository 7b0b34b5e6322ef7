"""Sources the archive's facts come from, and the places where sources disagree."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from movement_archive.access.models import ACCESS_FILTER_FIELDS, Restricted, RestrictedQuerySet
from movement_archive.access.panels import access_panel
from movement_archive.core.addresses import keyed_url
from movement_archive.core.fields import EDTFField
from movement_archive.core.models import CitedChild, EditorialRecord
from movement_archive.redaction.models import PublicText, Redactable
from movement_archive.redaction.panels import redactable_panel


class Source(Redactable, Restricted, EditorialRecord):
    """A document, film or conversation the archive's facts come from. Its access level covers its address and
    description; a "metadata only" source is cited by title, its content withheld."""

    class Kind(models.TextChoices):
        WEB_TEXT = "web_text", _("Web text")
        BRIEFING = "briefing", _("Technical briefing")
        REPORT = "report", _("Report")
        FILM = "film", _("Film")
        INTERVIEW = "interview", _("Interview")
        CONTRIBUTION = "contribution", _("Contribution")

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    publishers = ParentalManyToManyField(
        "organisations.Organisation", blank=True, related_name="published_sources", verbose_name=_("publishers")
    )
    authors = ParentalManyToManyField(
        "people.Person", blank=True, related_name="authored_sources", verbose_name=_("authors")
    )
    date = EDTFField(_("date"))
    file_name = models.CharField(
        _("file"), max_length=255, blank=True, help_text=_("The document's file, where the archive holds it.")
    )
    url = models.URLField(_("address"), blank=True)
    description = models.TextField(_("description"), blank=True)
    public_description = PublicText("description")  # what search indexes (see ``redaction``)
    redactable_fields = ("description",)

    objects = RestrictedQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("key"),
        FieldPanel("kind"),
        FieldPanel("publishers"),
        FieldPanel("authors"),
        FieldPanel("date"),
        FieldPanel("file_name"),
        FieldPanel("url"),
        redactable_panel("description"),
        access_panel(),
        FieldPanel("citations"),
    ]
    folded_name_fields = ("title",)
    folded_text_fields = ("public_description",)
    search_fields = EditorialRecord.search_fields + [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        *ACCESS_FILTER_FIELDS,
        index.SearchField("public_description"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return keyed_url("sources:detail", self.key)

    @property
    def sent_in_by(self) -> str | None:
        """For a source made from a contribution, who sent it in, as they chose to be credited; None otherwise.

        Read from the contribution each time, so a contributor who withdraws is no longer named anywhere.
        """
        try:
            contribution = self.contribution
        except ObjectDoesNotExist:
            return None
        return contribution.credited_as or gettext("a contributor who chose to stay anonymous")


class Disagreement(Redactable, EditorialRecord):
    """Sources that say different things: the archive keeps every claim, each with its citation."""

    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    public_summary = PublicText("summary")  # what search indexes (see ``redaction``)
    redactable_fields = ("summary",)
    events = ParentalManyToManyField("events.Event", blank=True, related_name="disagreements", verbose_name=_("events"))
    organisations = ParentalManyToManyField(
        "organisations.Organisation", blank=True, related_name="disagreements", verbose_name=_("organisations")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("key"),
        redactable_panel("summary"),
        FieldPanel("events"),
        FieldPanel("organisations"),
        InlinePanel("claims", min_num=2, label=_("Claims")),
    ]
    folded_name_fields = ("title",)
    folded_text_fields = ("public_summary",)
    search_fields = EditorialRecord.search_fields + [
        index.SearchField("title", boost=2),
        # The back-office listing searches by the start of words (autocomplete) when a model has such fields at
        # all; without this one a disagreement was found there only by the accented titles folded above.
        index.AutocompleteField("title"),
        index.SearchField("public_summary"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = _("disagreement between sources")
        verbose_name_plural = _("disagreements between sources")

    def __str__(self) -> str:
        return self.title


class Claim(Orderable, CitedChild):
    disagreement = ParentalKey(Disagreement, on_delete=models.CASCADE, related_name="claims")
    statement = models.TextField(_("what the source says"))
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="claims",
        verbose_name=_("event recording this claim"),
    )

    panels = [FieldPanel("statement"), FieldPanel("event"), FieldPanel("citations")]

    class Meta(Orderable.Meta):
        verbose_name = _("claim")

    def __str__(self) -> str:
        return self.statement[:80]
