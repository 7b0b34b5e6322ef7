"""The shape every editorial record shares: a stable key, drafts, revisions, workflow, locking, citations."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from .blocks import citations_block_types
from .fields import PartialDatesMixin


class RecordQuerySet(SearchableQuerySetMixin, models.QuerySet):
    """Visibility is decided here, once: every public surface asks ``visible_to(user)``."""

    def live(self):
        return self.filter(live=True)

    def visible_to(self, user=None):
        """What a reader may see. Readers only ever see the published (live) version of a record."""
        return self.filter(live=True)


class EditorialRecord(
    PartialDatesMixin, WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """Abstract base of every record editors curate in the back office.

    The database row holds the live version; drafts live in revisions until an editor publishes them.
    Inline children (names, relations, affiliations) are cluster children, so they are part of each revision.
    """

    key = models.SlugField(
        _("key"),
        max_length=100,
        unique=True,
        help_text=_("A stable identifier used in addresses and the seed collection. Do not change it once published."),
    )
    citations = StreamField(citations_block_types(), blank=True, verbose_name=_("citations"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = RecordQuerySet.as_manager()

    search_fields = [index.FilterField("live")]

    class Meta:
        abstract = True


class CitedChild(PartialDatesMixin, models.Model):
    """Abstract base for inline children that carry their own citations (relations, affiliations...)."""

    citations = StreamField(citations_block_types(), blank=True, verbose_name=_("citations"))

    class Meta:
        abstract = True
