"""The organising models of user groups, and which organisations practise which, when."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable
from wagtail.search import index

from movement_archive.core.addresses import keyed_url
from movement_archive.core.fields import EDTFField
from movement_archive.core.models import CitedChild, EditorialRecord


class OrganisingModel(EditorialRecord):
    name = models.CharField(_("name"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Order in lists."))
    definition = models.TextField(_("definition"))

    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("position"),
        FieldPanel("definition"),
        FieldPanel("citations"),
    ]
    folded_name_fields = ("name",)
    folded_text_fields = ("definition",)
    search_fields = EditorialRecord.search_fields + [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("definition"),
    ]

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("organising model")
        verbose_name_plural = _("organising models")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return keyed_url("organising:detail", self.key)


class Practice(Orderable, CitedChild):
    """An organisation practising a model over a period: groups take on several and widen their remit."""

    organisation = ParentalKey("organisations.Organisation", on_delete=models.CASCADE, related_name="practices")
    model = models.ForeignKey(
        OrganisingModel, on_delete=models.PROTECT, related_name="practices", verbose_name=_("model")
    )
    start = EDTFField(_("from"), sort_field="start_sort")
    start_sort = models.DateField(null=True, blank=True, editable=False)
    end = EDTFField(_("until"), upper_field="end_upper")
    end_upper = models.DateField(null=True, blank=True, editable=False)
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        FieldPanel("model"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("note"),
        FieldPanel("citations"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("practice")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "model", "start"], name="practice_unique_period"),
        ]
        indexes = [
            # Counting the organisations practising each model reads the practices of every model: from this index
            # alone, rather than from the rows with their citations.
            models.Index(fields=["model", "organisation"], name="practice_model_organisation"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.model}"
