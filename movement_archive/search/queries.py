"""The archive-wide search: every kind of record a reader may see, found through Wagtail's search layer.

How a search runs, for each kind of record (see ``kinds.py``):

1. the backend searches *within* ``Model.objects.visible_to(user)``, so drafts and hidden people are never
   candidates: a whole-word search (``backend.search``) and a partial-word one (``backend.autocomplete``,
   which treats the last word as a prefix: "Brugerfor", "junkie");
2. filters (country, region, organising model, decade) are applied by one ORM query over the records found,
   because the backend accepts only ``index.FilterField`` filters and these span relations;
3. the kinds are merged into one ranked list (see ``_rank``).

When no record matches every word, the search is repeated matching any word, and the page says so.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.db.models import Model, QuerySet, prefetch_related_objects
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Or, PlainText, SearchQuery

from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation
from movement_archive.organising.models import OrganisingModel
from movement_archive.places.models import Country

from . import text
from .filters import Filters
from .kinds import KINDS, Kind, countries_with_records

# The most records of one kind taken from the backend, best first; filters apply to these.
MAX_PER_KIND = 500
# The most spellings of a query tried at once ("zoe dodd", "Zoë dodd", ...).
MAX_SPELLINGS = 16
_ORDER = {kind: n for n, kind in enumerate(KINDS)}


# Results ----------------------------------------------------------------------------------------------------


@dataclass
class Hit:
    """One record found, with what ranks it; title, address and snippet are worked out only when shown."""

    kind: Kind
    record: Model
    tier: int  # how well its names answer the query: text.EXACT_NAME ... text.ELSEWHERE
    position: int  # its place among the records of its kind, best first, as the backend ranked them
    terms: tuple[str, ...]

    @property
    def type(self) -> str:
        return self.kind.key

    @property
    def label(self) -> str:
        return str(self.kind.label)

    @property
    def title(self) -> str:
        return str(self.record)

    @property
    def url(self) -> str:
        return self.kind.url(self.record)

    @property
    def ref(self) -> str:
        return self.kind.ref(self.record)

    @cached_property
    def snippet(self) -> text.Snippet:
        return text.snippet(text.best_text(self.kind.texts(self.record), self.terms), self.terms)

    @property
    def snippet_html(self) -> SafeString:
        # Safe to mark: text.snippet escapes every piece of the record's text and adds only <mark> tags.
        return mark_safe(self.snippet.html)


@dataclass
class Results:
    hits: list[Hit]
    terms: tuple[str, ...] = ()
    broadened: bool = False  # no record matched every word; these match some of them


def search(user, query: str, filters: Filters) -> Results:
    """Records the reader may see that match the query and the filters, ranked across kinds.

    About two queries per kind searched (whole words, then partial words), one for accented spellings, and,
    when filters other than the type are set, one per kind to apply them; then one per kind with other
    names to prefetch. The count does not grow with the number of records found.
    """
    typed = list(dict.fromkeys(text.words(query)))
    if not typed:
        return Results([])
    terms = text.folded_terms(query)
    kinds = [kind for kind in KINDS if not filters.types or kind.key in filters.types]
    narrowed = {kind: kind.narrow(kind.visible(user), filters, user) for kind in kinds}
    kinds = [kind for kind in kinds if narrowed[kind] is not None]
    if not kinds:
        return Results([], terms)

    forms = text.accented_forms(_name_vocabulary(kinds, user))
    whole = [text.variants(word, forms) for word in typed]
    partial = [*whole[:-1], text.variants(typed[-1], forms, prefix=True)]

    found = {kind: _found(kind.visible(user), whole, partial, "and") for kind in kinds}
    broadened = False
    if len(typed) > 1 and not any(found.values()):
        found = {kind: _found(kind.visible(user), whole, partial, "or") for kind in kinds}
        broadened = True

    hits = []
    for kind, records in found.items():
        if filters.narrows_records and records:
            allowed = set(narrowed[kind].filter(pk__in=list(records)).values_list("pk", flat=True))
            records = {pk: record for pk, record in records.items() if pk in allowed}
        if kind.prefetch and records:
            prefetch_related_objects(list(records.values()), *kind.prefetch)
        for position, record in enumerate(records.values()):
            hits.append(Hit(kind, record, text.name_tier(terms, kind.names(record)), position, terms))
    return Results(_rank(hits), terms, broadened)


def _rank(hits: list[Hit]) -> list[Hit]:
    """One list across kinds: records whose names answer the query first, then interleaved by rank.

    Backend scores are not comparable from one kind to another (SQLite's bm25 is negative and favours short
    fields, PostgreSQL's ts_rank is not, and a title counts differently in each model), so the list is built
    from what is comparable: how well the names answer the query (an exact name, every word in a name, every
    word starting a name's word, a match elsewhere), then each record's place in its own kind's ranking, so
    the best of each kind come before the second best of any. Kind order and title settle ties.
    """
    return sorted(hits, key=lambda h: (h.tier, h.position, _ORDER[h.kind], h.title.casefold(), h.record.pk))


def _found(visible: QuerySet, whole, partial, operator: str) -> dict[Any, Model]:
    """pk -> record for the records of one kind the backend finds, best first: whole words, then partial."""
    backend = get_search_backend()
    found: dict[Any, Model] = {}
    for method, spellings in ((backend.search, whole), (backend.autocomplete, partial)):
        query = _backend_query(spellings, operator)
        options = {"operator": operator} if isinstance(query, str) else {}
        try:
            records = list(method(query, visible, **options)[:MAX_PER_KIND])
        except NotImplementedError:
            # OpenSearch's autocomplete takes plain text only; its analyser folds accents by itself.
            typed = " ".join(choices[0] for choices in spellings)
            records = list(method(typed, visible, operator=operator)[:MAX_PER_KIND])
        for record in records:
            found.setdefault(record.pk, record)
    return found


def _backend_query(spellings: list[tuple[str, ...]], operator: str) -> str | SearchQuery:
    """The words as one query; where a word has several spellings, the combinations joined by OR.

    Several whole queries rather than an AND of per-word alternatives: SQLite's backend scores an AND of
    subqueries with a product of negative bm25 values, which turns the ranking upside down.
    """
    if all(len(options) == 1 for options in spellings):
        return " ".join(options[0] for options in spellings)
    if operator == "or":
        return PlainText(" ".join(itertools.chain.from_iterable(spellings)), operator="or")
    combinations = itertools.islice(itertools.product(*spellings), MAX_SPELLINGS)
    return Or([PlainText(" ".join(words)) for words in combinations])


def _name_vocabulary(kinds: list[Kind], user) -> list[str]:
    """Every name, title and other name of the visible records of these kinds, in one query.

    Used to learn how the archive spells a word the reader typed without accents ("Gonzalez" -> "González"):
    PostgreSQL's full-text search does not fold accents, and names are where readers drop them. Only names are
    read, so an accent dropped from a word found only in descriptions is matched on SQLite alone.
    """
    columns = []
    for kind in kinds:
        visible = kind.visible(user).order_by()
        columns += [visible.values_list(name, flat=True) for name in kind.name_fields]
    first, *rest = columns
    return [value for value in first.union(*rest) if value]


# The form ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegionChoice:
    """An M49 region and the sub-regions and intermediate regions below it that hold a country worth finding."""

    name: str
    below: tuple[str, ...]


@dataclass(frozen=True)
class FormChoices:
    types: list[tuple[str, Any]]
    countries: list[Country]
    regions: list[RegionChoice]
    models: list[OrganisingModel]
    decades: list[int]


TYPE_CHOICES = [
    ("organisation", _("Organisations")),
    ("person", _("People")),
    ("event", _("Events")),
    ("episode", _("Episodes")),
    ("model", _("Organising models")),
    ("source", _("Sources")),
    ("place", _("Places and countries")),
]


def form_choices(user) -> FormChoices:
    """What the search form offers, from what the reader may see. Four queries."""
    countries = list(countries_with_records(user).order_by("name"))
    regions: dict[str, set[str]] = {}
    for country in countries:
        if country.region_name:
            below = regions.setdefault(country.region_name, set())
            below.update(n for n in (country.subregion_name, country.intermediate_region_name) if n)
    years = [
        *Organisation.objects.visible_to(user).exclude(founded_lower__isnull=True).dates("founded_lower", "year"),
        *Event.objects.visible_to(user).exclude(date_sort__isnull=True).dates("date_sort", "year"),
    ]
    # The year 1 stands for an open start ("../1990"): no decade of the movement's history.
    decades = sorted({d.year // 10 * 10 for d in years if d.year > 1000})
    return FormChoices(
        types=TYPE_CHOICES,
        countries=countries,
        regions=[RegionChoice(name, tuple(sorted(below))) for name, below in sorted(regions.items())],
        models=list(OrganisingModel.objects.visible_to(user).order_by("position", "name")),
        decades=decades,
    )
