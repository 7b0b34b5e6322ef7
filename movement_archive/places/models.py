"""Countries (ISO 3166-1 with UN M49 regions) and localities within them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from movement_archive.core.addresses import keyed_url
from movement_archive.core.folding import folded_copy
from movement_archive.core.models import EditorialRecord


class CountryQuerySet(models.QuerySet):
    def holding(self, model, user) -> models.QuerySet:
        """Countries linked (through ``model.countries``) to a record of ``model`` that the reader may see.

        Asked country by country with EXISTS: a few index lookups for each of the ~250 countries, where a
        join or an IN over the links would read all of them (a million for events at scale).
        """
        field = model._meta.get_field("countries")
        links = field.remote_field.through.objects.filter(**{field.m2m_reverse_field_name(): models.OuterRef("pk")})
        visible = model.objects.visible_to(user).pointed_at_by(field.m2m_field_name())
        return self.filter(models.Exists(links.filter(visible)))

    def in_region(self, name: str):
        return self.filter(
            models.Q(region_name=name) | models.Q(subregion_name=name) | models.Q(intermediate_region_name=name)
        )


class Country(index.Indexed, models.Model):
    """Reference data, loaded from the ISO and M49 tables rather than curated: no drafts."""

    iso2 = models.CharField(_("ISO 3166-1 alpha-2"), max_length=2, unique=True)
    iso3 = models.CharField(_("ISO 3166-1 alpha-3"), max_length=3, unique=True)
    m49 = models.CharField(_("UN M49 code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=100)
    region_code = models.CharField(_("M49 region code"), max_length=3, blank=True)
    region_name = models.CharField(_("M49 region"), max_length=60, blank=True)
    subregion_code = models.CharField(_("M49 sub-region code"), max_length=3, blank=True)
    subregion_name = models.CharField(_("M49 sub-region"), max_length=60, blank=True)
    intermediate_region_code = models.CharField(_("M49 intermediate region code"), max_length=3, blank=True)
    intermediate_region_name = models.CharField(_("M49 intermediate region"), max_length=60, blank=True)

    objects = CountryQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("iso2", read_only=True),
        FieldPanel("iso3", read_only=True),
        FieldPanel("m49", read_only=True),
        FieldPanel("region_name", read_only=True),
        FieldPanel("subregion_name", read_only=True),
        FieldPanel("intermediate_region_name", read_only=True),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        # "Cote d'Ivoire" and "Reunion" as readers type them; PostgreSQL's full-text search keeps accents.
        index.SearchField("search_names_folded"),
        index.AutocompleteField("search_names_folded"),
        index.FilterField("iso2"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return keyed_url("places:country", self.iso2.lower())

    def search_names_folded(self) -> str:
        return folded_copy([self.name])


class Locality(EditorialRecord):
    class Kind(models.TextChoices):
        CITY = "city", _("City or town")
        SUBDIVISION = "subdivision", _("State, province or nation within a country")
        AREA = "area", _("Area or region within a country")

    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CITY)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="localities", verbose_name=_("country"))
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
        FieldPanel("citations"),
    ]
    folded_name_fields = ("name", "country__name")
    search_fields = EditorialRecord.search_fields + [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.RelatedFields("country", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("locality")
        verbose_name_plural = _("localities")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__gte=-90, latitude__lte=90),
                name="locality_latitude_in_range",
                violation_error_message=_("Latitude is between -90 and 90 degrees."),
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True) | models.Q(longitude__gte=-180, longitude__lte=180),
                name="locality_longitude_in_range",
                violation_error_message=_("Longitude is between -180 and 180 degrees."),
            ),
        ]

    def __str__(self) -> str:
        return self.name
