"""The shape every editorial record shares: a stable key, drafts, revisions, workflow, locking, citations."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from movement_archive.core.folding import folded_copy

from .blocks import citations_block_types
from .fields import PartialDatesMixin


def dense_enough(listed: int, total: int, page: int) -> bool:
    """Whether to find a page of ``listed`` records among ``total`` by walking (``RecordQuerySet.among``).

    Spread evenly, a page of ``page`` is reached after about ``page * total / listed`` records walked, while the
    list costs ``listed`` keys read: walk when that is fewer.
    """
    return listed > 0 and listed * listed > page * total


class RecordQuerySet(SearchableQuerySetMixin, models.QuerySet):
    """Visibility is decided here, once: every public surface asks ``visible_to(user)``."""

    def live(self):
        return self.filter(live=True)

    def visible_to(self, user=None):
        """What a reader may see. Readers only ever see the published (live) version of a record."""
        return self.filter(live=True)

    def among(self, links: models.QuerySet, field: str, *, dense: bool = False) -> RecordQuerySet:
        """The records whose primary key is the ``field`` of one of ``links``, for reading in an index's order.

        For an ordered page of a long list (a country's 12,000 organisations by name), ``pk__in`` makes SQLite
        fetch every listed record and sort them all for the first fifty; walking the index of the order and
        testing each record stops at fifty. Two ways to test a record:

        - by default, every key of ``links`` is read into a list first ("+ 0" keeps SQLite from looking the
          keys up one by one instead): a cost per listed key, whatever the page;
        - ``dense``: each record walked is looked up in ``links``' index: a cost per record walked, and the walk
          is short when the list holds a good share of all records (see ``dense_enough``).

        Use it only where an index matches the order; without one, ``pk__in`` is the faster.
        """
        if dense:
            return self.filter(models.Exists(links.filter(**{field: models.OuterRef("pk")})))
        return self.alias(_among=models.F("pk") + 0).filter(_among__in=links.values(field))

    def pointed_at_by(self, field_name: str) -> models.Exists:
        """A condition on another table: its ``field_name`` is the key of one of these records.

        ``Relation.objects.filter(visible.pointed_at_by("object"))`` keeps the relations whose object the
        reader may see. Written as EXISTS so that each row is one index lookup: ``object__in=visible`` makes
        SQLite read every visible record first, which costs tens of milliseconds at 100,000 records.
        """
        return models.Exists(self.filter(pk=models.OuterRef(field_name)))


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

    # The fields whose accent-free copy is indexed beside them ("other_names__name" reads a related list).
    folded_name_fields: tuple[str, ...] = ()
    folded_text_fields: tuple[str, ...] = ()

    search_fields = [
        index.FilterField("live"),
        index.SearchField("search_names_folded", boost=2),
        index.AutocompleteField("search_names_folded"),
        index.SearchField("search_text_folded"),
    ]

    class Meta:
        abstract = True

    def __init__(self, *args, **kwargs):
        # A row read from the database is built from positional values alone, which never hold child lists;
        # ClusterableModel's constructor looks for them among the model's fields all the same, which doubled the
        # cost of building each of the 50 to 300 records on a list page. No class between it and this one
        # defines a constructor.
        if kwargs:
            super().__init__(*args, **kwargs)
        else:
            models.Model.__init__(self, *args)

    def search_names_folded(self) -> str:
        """Names and titles that carry accents, without them, so every backend finds them typed plainly."""
        return folded_copy(_read(self, self.folded_name_fields))

    def search_text_folded(self) -> str:
        return folded_copy(_read(self, self.folded_text_fields))


def _read(record, paths: tuple[str, ...]):
    for path in paths:
        related, _, attribute = path.partition("__")
        if attribute:
            target = getattr(record, related)
            rows = target.all() if hasattr(target, "all") else [target]  # a related list, or one record
            yield from (getattr(row, attribute) for row in rows)
        else:
            yield getattr(record, path)


class CitedChild(PartialDatesMixin, models.Model):
    """Abstract base for inline children that carry their own citations (relations, affiliations...)."""

    citations = StreamField(citations_block_types(), blank=True, verbose_name=_("citations"))

    class Meta:
        abstract = True
