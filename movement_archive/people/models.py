"""People of the movement and their affiliations with organisations."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from movement_archive.core.fields import EDTFField
from movement_archive.core.models import CitedChild, EditorialRecord, RecordQuerySet


class PersonQuerySet(RecordQuerySet):
    def visible_to(self, user=None):
        """Hidden people are shown only to those who may view people in the back office."""
        visible = super().visible_to(user)
        if user is not None and user.is_authenticated and user.has_perm("people.view_person"):
            return visible
        return visible.filter(visibility=Person.Visibility.PUBLIC)


class PersonRole(TaggedItemBase):
    content_object = ParentalKey("people.Person", on_delete=models.CASCADE, related_name="tagged_roles")

    class Meta:
        indexes = [
            # The holders of a role, read from the index alone when the people list is filtered by the role.
            models.Index(fields=["tag", "content_object"], name="person_role_holders"),
        ]


class Person(EditorialRecord):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        HIDDEN = "hidden", _("Hidden from the public")

    name = models.CharField(_("name"), max_length=200)
    sort_name = models.CharField(_("sort name"), max_length=200, blank=True, help_text=_("Defaults to the name."))
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC)
    roles = ClusterTaggableManager(through=PersonRole, blank=True, verbose_name=_("roles"))
    countries = ParentalManyToManyField(
        "places.Country", blank=True, related_name="people", verbose_name=_("countries")
    )
    biography = models.TextField(_("biography"), blank=True)

    objects = PersonQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("sort_name"),
        InlinePanel("other_names", label=_("Other names")),
        FieldPanel("visibility"),
        FieldPanel("roles"),
        FieldPanel("countries"),
        FieldPanel("biography"),
        InlinePanel("affiliations", label=_("Affiliations")),
        FieldPanel("citations"),
    ]
    folded_name_fields = ("name", "other_names__name")
    folded_text_fields = ("biography",)
    search_fields = EditorialRecord.search_fields + [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("biography"),
        # Autocomplete too, so that the start of a person's other name finds them, as for organisations.
        index.RelatedFields("other_names", [index.SearchField("name", boost=2), index.AutocompleteField("name")]),
        index.FilterField("visibility"),
    ]

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [
            # The people list, in its order (see queries.people_listing). With the key and the visibility in the
            # index too, page 400 skips 20,000 people, and a filtered list checks each person against its
            # filters, without reading their rows; the list is counted from the index alone.
            models.Index(
                fields=["sort_name", "name", "id", "visibility"], condition=models.Q(live=True), name="person_list"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("people:detail", args=[self.key])

    def save(self, *args, **kwargs):
        if not self.sort_name:
            self.sort_name = self.name
        super().save(*args, **kwargs)


class PersonName(Orderable):
    person = ParentalKey(Person, on_delete=models.CASCADE, related_name="other_names")
    name = models.CharField(_("name"), max_length=200)

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("other name")

    def __str__(self) -> str:
        return self.name


class Affiliation(Orderable, CitedChild):
    person = ParentalKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="affiliations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    start = EDTFField(_("from"))
    end = EDTFField(_("until"))

    panels = [
        FieldPanel("organisation"),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("citations"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("affiliation")

    def __str__(self) -> str:
        return f"{self.person} · {self.role} · {self.organisation}"
