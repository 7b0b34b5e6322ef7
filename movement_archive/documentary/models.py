"""The documentary series, its episodes and its credits."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from movement_archive.core.models import CitedChild, EditorialRecord
from movement_archive.redaction.models import PublicText, Redactable
from movement_archive.redaction.panels import redactable_panel


class Series(EditorialRecord):
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    interview_count = models.PositiveIntegerField(_("interviews"), null=True, blank=True)
    country_count = models.PositiveIntegerField(_("countries where interviews took place"), null=True, blank=True)
    conference = models.ForeignKey(
        "events.Event", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("shown at")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("key"),
        FieldPanel("description"),
        FieldPanel("interview_count"),
        FieldPanel("country_count"),
        FieldPanel("conference"),
        InlinePanel("credits", label=_("Credits")),
        FieldPanel("citations"),
    ]
    folded_name_fields = ("title",)
    folded_text_fields = ("description",)
    search_fields = EditorialRecord.search_fields + [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("description"),
    ]

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self) -> str:
        return self.title


class Credit(Orderable, CitedChild):
    class Role(models.TextChoices):
        PRODUCER = "producer", _("Producer")
        DIRECTOR = "director", _("Directing, camera and editing")
        LOCAL_CAMERA = "local_camera", _("Local camera")
        FILMED_INTERVIEWS = "filmed_interviews", _("Filmed interviews")
        FUNDER = "funder", _("Funder")
        SPECIAL_THANKS = "special_thanks", _("Special thanks")

    series = ParentalKey(Series, on_delete=models.CASCADE, related_name="credits")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="credits")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="credits"
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        FieldPanel("role"),
        FieldPanel("person"),
        FieldPanel("organisation"),
        FieldPanel("note"),
        FieldPanel("citations"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("credit")
        constraints = [
            # A credit names one person, one organisation, or (where the source leaves it blank) says so in a note.
            models.CheckConstraint(
                condition=~(models.Q(person__isnull=False) & models.Q(organisation__isnull=False)),
                name="credit_names_one_party",
                violation_error_message=_("A credit names a person or an organisation, not both."),
            ),
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | models.Q(organisation__isnull=False) | ~models.Q(note=""),
                name="credit_unnamed_has_note",
                violation_error_message=_("A credit that names nobody needs a note saying why."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.person or self.organisation or self.note}"


class Episode(Redactable, EditorialRecord):
    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="episodes", verbose_name=_("series"))
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    public_summary = PublicText("summary")  # what search indexes (see ``redaction``)
    redactable_fields = ("summary",)
    countries = ParentalManyToManyField(
        "places.Country", blank=True, related_name="episodes", verbose_name=_("countries")
    )
    people = ParentalManyToManyField(
        "people.Person", blank=True, related_name="episodes", verbose_name=_("featured people")
    )
    organisations = ParentalManyToManyField(
        "organisations.Organisation", blank=True, related_name="episodes", verbose_name=_("featured organisations")
    )

    panels = [
        FieldPanel("series"),
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("key"),
        redactable_panel("summary"),
        FieldPanel("countries"),
        FieldPanel("people"),
        FieldPanel("organisations"),
        FieldPanel("citations"),
    ]
    folded_name_fields = ("title",)
    folded_text_fields = ("public_summary",)
    search_fields = EditorialRecord.search_fields + [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("public_summary"),
        index.FilterField("number"),
    ]

    class Meta:
        ordering = ["series", "number"]
        verbose_name = _("episode")
        verbose_name_plural = _("episodes")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "number"],
                name="episode_number_unique_in_series",
                violation_error_message=_("This series already has an episode with that number."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("documentary:detail", args=[self.number])
