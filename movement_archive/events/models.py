"""Dated events of the movement's history, including the figures the sources give as dated statistics."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from movement_archive.access.models import ACCESS_COLUMNS, ACCESS_FILTER_FIELDS, Restricted, RestrictedQuerySet
from movement_archive.access.panels import access_panel
from movement_archive.consent.fields import made_from_contribution
from movement_archive.core.addresses import keyed_url
from movement_archive.core.dates import date_in_words
from movement_archive.core.fields import EDTFField
from movement_archive.core.models import EditorialRecord
from movement_archive.dates import edtf
from movement_archive.redaction.models import PublicText, Redactable
from movement_archive.redaction.panels import redactable_panel


class EventQuerySet(RestrictedQuerySet):
    def chronological(self):
        """By sort position, then latest possible day: 198X, then 1981-01, then 1981; "by 2016" sorts at 2016.

        Then by title, and last by id so that two events alike in all three keep one order and a page of the
        timeline never repeats or skips one. The ``event_live_*chronology`` indexes hold this order.
        """
        return self.order_by("date_sort", "date_upper", "title", "pk")


class Event(Redactable, Restricted, EditorialRecord):
    class Kind(models.TextChoices):
        FOUNDING = "founding", _("Founding")
        CLOSURE = "closure", _("Closure")
        SERVICE_OPENING = "service_opening", _("Service opening")
        CAMPAIGN = "campaign", _("Campaign or action")
        POLICY_CHANGE = "policy_change", _("Policy or law change")
        LEGAL_CASE = "legal_case", _("Legal case")
        CONFERENCE = "conference", _("Conference")
        DECLARATION = "declaration", _("Declaration")
        STATISTIC = "statistic", _("Statistic")
        MILESTONE = "milestone", _("Milestone")

    class Qualifier(models.TextChoices):
        EXACT = "exact", _("exactly")
        ABOUT = "about", _("about")
        MORE_THAN = "more_than", _("more than")
        AT_LEAST = "at_least", _("at least")
        FEWER_THAN = "fewer_than", _("fewer than")

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = EDTFField(_("date"), blank=False, lower_field="date_lower", upper_field="date_upper", sort_field="date_sort")
    date_sort = models.DateField(null=True, editable=False, db_index=True)
    date_lower = models.DateField(null=True, editable=False)
    date_upper = models.DateField(null=True, editable=False)
    description = models.TextField(_("description"), blank=True)
    public_description = PublicText("description")  # what search indexes (see ``redaction``)
    redactable_fields = ("description",)
    made_from = made_from_contribution()  # whose consent it follows
    organisations = ParentalManyToManyField(
        "organisations.Organisation", blank=True, related_name="events", verbose_name=_("organisations")
    )
    people = ParentalManyToManyField("people.Person", blank=True, related_name="events", verbose_name=_("people"))
    countries = ParentalManyToManyField(
        "places.Country", blank=True, related_name="events", verbose_name=_("countries")
    )
    localities = ParentalManyToManyField(
        "places.Locality", blank=True, related_name="events", verbose_name=_("localities")
    )
    statistic_value = models.DecimalField(_("figure"), max_digits=16, decimal_places=2, null=True, blank=True)
    statistic_qualifier = models.CharField(_("qualifier"), max_length=20, choices=Qualifier.choices, blank=True)
    statistic_unit = models.CharField(_("what it counts"), max_length=255, blank=True)

    objects = EventQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("key"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        redactable_panel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("statistic_qualifier"), FieldPanel("statistic_value")]),
                FieldPanel("statistic_unit"),
            ],
            heading=_("Figure (statistics only)"),
        ),
        FieldPanel("organisations"),
        FieldPanel("people"),
        FieldPanel("countries"),
        FieldPanel("localities"),
        access_panel(),
        FieldPanel("citations"),
    ]
    folded_name_fields = ("title",)
    folded_text_fields = ("public_description",)
    search_fields = EditorialRecord.search_fields + [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("public_description"),
        index.FilterField("kind"),
        index.FilterField("date_lower"),
        index.FilterField("date_upper"),
        *ACCESS_FILTER_FIELDS,
    ]

    class Meta:
        ordering = ["date_sort", "date_upper", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            # The timeline reads visible (live) events in chronological order, a page at a time. Holding only
            # live rows, the key last as ``chronological()`` orders, and then the access columns the visibility
            # tests, this index lets SQLite skip to a deep page (OFFSET) without reading the table.
            models.Index(
                fields=["date_sort", "date_upper", "title", "id", *ACCESS_COLUMNS],
                condition=models.Q(live=True),
                name="event_live_chronology",
            ),
            # The same, one kind at a time, for the kind filter (alone or with a region).
            models.Index(
                fields=["kind", "date_sort", "date_upper", "title", "id", *ACCESS_COLUMNS],
                condition=models.Q(live=True),
                name="event_live_kind_chronology",
            ),
            # The smallest index that answers which live events a reader may see, for counting them (the home
            # page; each time for a signed-in reader): SQLite counts the rows that pass a WHERE one index entry at
            # a time, and the chronology's entries are several times as wide.
            models.Index(fields=list(ACCESS_COLUMNS), condition=models.Q(live=True), name="event_live_access"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind="statistic", statistic_value__isnull=False) & ~models.Q(statistic_unit=""))
                | (~models.Q(kind="statistic") & models.Q(statistic_value__isnull=True)),
                name="event_statistic_has_figure",
                violation_error_message=_(
                    "A statistic needs a figure and what it counts; other events have no figure."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return keyed_url("events:detail", self.key)

    @property
    def partial_date(self) -> edtf.PartialDate:
        return edtf.parse(self.date)

    @admin.display(description=_("date"), ordering="date_sort")
    def date_in_words(self) -> str:
        return date_in_words(self.date)
