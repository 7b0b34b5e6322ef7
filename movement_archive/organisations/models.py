"""Organisations of the movement, their other names, and the typed relations between them."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from movement_archive.access.models import Restricted
from movement_archive.access.panels import access_panel
from movement_archive.access.queries import consent_q
from movement_archive.access.readers import reader_for
from movement_archive.consent.fields import made_from_contribution
from movement_archive.core.addresses import keyed_url
from movement_archive.core.dates import date_in_words
from movement_archive.core.fields import EDTFField, parsed_or_none
from movement_archive.core.models import CitedChild, EditorialRecord, RecordQuerySet
from movement_archive.redaction.models import PublicText, Redactable
from movement_archive.redaction.panels import redactable_panel

from .forms import OrganisationForm

# The columns the directory's filters test, carried by each of its indexes so that no filter reads the rows.
FILTERED = ("kind", "scope", "status", "founded_lower", "consent")
# Whether an organisation has no founding date: the first key of the directory's orders by date.
UNDATED = models.ExpressionWrapper(models.Q(founded_sort=None), output_field=models.BooleanField())


class OrganisationQuerySet(RecordQuerySet):
    def visible_to(self, user=None):
        """Organisations are listed whatever the access level of their sensitive fields (``sensitive_shown_to``);
        only the consent of those who sent in a contributed organisation narrows or withdraws it."""
        return super().visible_to(user).filter(consent_q(reader_for(user)))


class Organisation(Redactable, Restricted, EditorialRecord):
    """A group of the movement. Its access level covers its sensitive fields only: where it works (its
    localities) and how to reach it (its website), which can endanger members where drug use is a crime."""

    class Kind(models.TextChoices):
        USER_GROUP = "user_group", _("User group or union")
        NETWORK = "network", _("Network")
        SERVICE = "service", _("Peer service or NGO")
        PROJECT = "project", _("Project")
        CAMPAIGN = "campaign", _("Campaign")
        FUNDER = "funder", _("Funder")
        INTERNATIONAL_BODY = "international_body", _("International body")
        GOVERNMENT = "government", _("Government or state body")
        MEDIA = "media", _("Media")

    class Scope(models.TextChoices):
        LOCAL = "local", _("Local")
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")
        GLOBAL = "global", _("Global")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")
        UNKNOWN = "unknown", _("Not known")

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    countries = ParentalManyToManyField(
        "places.Country", blank=True, related_name="organisations", verbose_name=_("countries")
    )
    localities = ParentalManyToManyField(
        "places.Locality", blank=True, related_name="organisations", verbose_name=_("localities")
    )
    founded = EDTFField(
        _("founded"), lower_field="founded_lower", upper_field="founded_upper", sort_field="founded_sort"
    )
    founded_lower = models.DateField(null=True, blank=True, editable=False, db_index=True)
    founded_upper = models.DateField(null=True, blank=True, editable=False)
    founded_sort = models.DateField(null=True, blank=True, editable=False)
    closed = EDTFField(_("closed"), lower_field="closed_lower", upper_field="closed_upper")
    closed_lower = models.DateField(null=True, blank=True, editable=False)
    closed_upper = models.DateField(null=True, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.UNKNOWN)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    public_description = PublicText("description")  # what search indexes (see ``redaction``)
    redactable_fields = ("description",)
    made_from = made_from_contribution()  # whose consent it follows

    base_form_class = OrganisationForm
    objects = OrganisationQuerySet.as_manager()
    access_covers_record = False  # only where it works and how to reach it

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("acronym"),
                FieldPanel("key"),
                InlinePanel("other_names", label=_("Other names")),
            ],
            heading=_("Names"),
        ),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("scope"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("founded"), FieldPanel("closed")]),
        FieldPanel("countries"),
        FieldPanel("localities"),
        FieldPanel("website"),
        access_panel(
            heading=_("Access to where it works and how to reach it"),
            help_text=_("Covers the localities and the website; the rest of the record is public."),
        ),
        redactable_panel("description"),
        InlinePanel("practices", label=_("Organising models practised")),
        InlinePanel("relations", label=_("Relations to other organisations")),
        FieldPanel("citations"),
    ]

    folded_name_fields = ("name", "acronym", "other_names__name")
    folded_text_fields = ("public_description",)
    search_fields = EditorialRecord.search_fields + [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("acronym", boost=3),
        index.AutocompleteField("acronym"),
        index.SearchField("public_description"),
        index.RelatedFields("other_names", [index.SearchField("name", boost=2), index.AutocompleteField("name")]),
        index.FilterField("kind"),
        index.FilterField("scope"),
        index.FilterField("status"),
        index.FilterField("consent"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [
            # The directory's default order over published records, with every column its filters and its
            # other orders read: which organisations a page holds, filtered or not, deep or not, and how many
            # there are, are read from this index alone, never from the wide rows (see core.aggregates.Pages).
            models.Index(
                Lower("name"),
                "key",
                *FILTERED,
                "founded_upper",
                "name",
                condition=models.Q(live=True),
                name="organisation_directory",
            ),
            # The directory by founding date, earliest or latest first, undated organisations last either way
            # (hence "founded_sort IS NULL" first), with the columns its filters test.
            *(
                models.Index(
                    UNDATED,
                    founded,
                    Lower("name"),
                    "key",
                    *FILTERED,
                    condition=models.Q(live=True),
                    name=f"organisation_founded_{direction}",
                )
                for direction, founded in (("asc", models.F("founded_sort")), ("desc", models.F("founded_sort").desc()))
            ),
            # The home page's recent additions.
            models.Index(
                models.F("first_published_at").desc(), "name", condition=models.Q(live=True), name="organisation_recent"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closed_lower__isnull=True)
                | models.Q(founded_lower__isnull=True)
                | models.Q(closed_upper__gte=models.F("founded_lower")),
                name="organisation_closes_after_founding",
                violation_error_message=_("An organisation cannot close before it was founded."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym and self.acronym != self.name else self.name

    def sensitive_shown_to(self, user) -> bool:
        """Whether the reader may see where the organisation works and how to reach it."""
        return self.content_shown_to(user)

    def get_absolute_url(self) -> str:
        return keyed_url("organisations:detail", self.key)

    def clean(self):
        super().clean()
        # Said here as well as in the constraint: the admin form leaves out the bound columns, and
        # Django skips constraints on fields a form excludes.
        founded, closed = parsed_or_none(self.founded), parsed_or_none(self.closed)
        if founded and closed and closed.upper < founded.lower:
            raise ValidationError({"closed": _("An organisation cannot close before it was founded.")})

    @admin.display(description=_("founded"), ordering="founded_lower")
    def founded_in_words(self) -> str:
        return date_in_words(self.founded)

    @admin.display(description=_("closed"), ordering="closed_lower")
    def closed_in_words(self) -> str:
        return date_in_words(self.closed)


class OrganisationName(Orderable):
    """Another name the organisation is known by: a spelling, a translation, a former name, an expansion."""

    class Kind(models.TextChoices):
        VARIANT = "variant", _("Spelling variant")
        TRANSLATION = "translation", _("Translation")
        FORMER = "former", _("Former name")
        ACRONYM = "acronym", _("Acronym or its expansion")
        ALIAS = "alias", _("Alias")

    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="other_names")
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ALIAS)
    language = models.CharField(
        _("language"), max_length=20, blank=True, help_text=_("A BCP 47 code such as nl, fr, es.")
    )

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("other name")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="organisation_other_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class RelationType(models.TextChoices):
    SUCCEEDED_BY = "succeeded_by", _("was succeeded by")
    INSPIRED = "inspired", _("inspired")
    MEMBER_OF = "member_of", _("is a member of")
    PART_OF = "part_of", _("is part of")
    SUPPORTED_BY = "supported_by", _("was supported by")
    FUNDED_BY = "funded_by", _("was funded by")
    PARTNER_OF = "partner_of", _("worked in partnership with")
    SPLIT_FROM = "split_from", _("split from")


# How each relation reads from its object's end.
INVERSE_LABELS = {
    RelationType.SUCCEEDED_BY: _("succeeded"),
    RelationType.INSPIRED: _("was inspired by"),
    RelationType.MEMBER_OF: _("has as a member"),
    RelationType.PART_OF: _("includes"),
    RelationType.SUPPORTED_BY: _("supported"),
    RelationType.FUNDED_BY: _("funded"),
    RelationType.PARTNER_OF: _("worked in partnership with"),
    RelationType.SPLIT_FROM: _("saw a split by"),
}


class OrganisationRelation(Orderable, CitedChild):
    """A typed, dated relation, edited on its subject and read from both ends."""

    subject = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="relations")
    type = models.CharField(_("relation"), max_length=20, choices=RelationType.choices)
    object = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="incoming_relations", verbose_name=_("other organisation")
    )
    start = EDTFField(_("from"), sort_field="start_sort")
    start_sort = models.DateField(null=True, blank=True, editable=False)
    end = EDTFField(_("until"))
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("type"),
        FieldPanel("object"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("description"),
        FieldPanel("citations"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("relation")
        constraints = [
            models.UniqueConstraint(fields=["subject", "type", "object"], name="organisation_relation_unique"),
            models.CheckConstraint(
                condition=~models.Q(subject=models.F("object")), name="organisation_relation_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.get_type_display()} {self.object}"

    def clean(self):
        super().clean()
        # The inline form leaves out the subject, so the database constraint alone would surface as an error 500.
        if self.subject_id and self.subject_id == self.object_id:
            raise ValidationError({"object": _("An organisation cannot be related to itself.")})

    @property
    def inverse_label(self) -> str:
        return INVERSE_LABELS[RelationType(self.type)]
