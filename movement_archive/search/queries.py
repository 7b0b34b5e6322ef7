"""The archive-wide search: every kind of record a reader may see, found through Wagtail's search layer.

How a search runs:

1. the query is reduced to folded words ("Zoë" -> "zoe"); the index holds a folded copy of every text that
   carries accents (``search_names_folded``), so no backend needs to fold accents by itself;
2. the backend finds the records. On SQLite, one pass over the index for every kind at once
   (``backends.ArchiveSQLiteSearchBackend.find_entries``); on other backends, a whole-word search
   (``backend.search``) and a partial-word one (``backend.autocomplete``) per kind, each *within*
   ``Model.objects.visible_to(user)``;
3. one ORM query per kind keeps the records found that are in ``visible_to(user)``, so drafts and hidden
   people never appear, and that the filters (country, region, organising model, decade) allow, as these span
   relations; it reads their names, the only thing ranking needs;
4. the kinds are merged into one ranked list (see ``_rank``), and only the page shown reads its records
   (``HitList``).

When no record matches every word, the search is repeated matching any word, and the page says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet, prefetch_related_objects
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _
from wagtail.search.backends import get_search_backend

from movement_archive.core.aggregates import kept
from movement_archive.dates import edtf
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation
from movement_archive.organising.filters import ModelChoice
from movement_archive.organising.models import OrganisingModel
from movement_archive.places.filters import CountryChoice

from . import text
from .filters import Filters
from .kinds import KINDS, Kind, countries_with_records, keys_within

# The most records taken from the backend, best first; filters apply to these. Per kind on backends searched
# kind by kind, in all on SQLite, searched in one pass.
MAX_PER_KIND = 500
MAX_RESULTS = 200
_ORDER = {kind: n for n, kind in enumerate(KINDS)}


# Results ---------------------------------------------------------------------------------------------------


@dataclass
class Hit:
    """One record found, with what ranks it; the record itself is read only when its page is shown (``HitList``)."""

    kind: Kind
    pk: Any
    names: tuple[str, ...]  # title first, then acronym and other names: what ``tier`` was judged on
    tier: int  # how well its names answer the query: text.EXACT_NAME ... text.ELSEWHERE
    position: int  # its place among the records found, best first, as the backend ranked them
    terms: tuple[str, ...]
    record: Model | None = None

    @property
    def type(self) -> str:
        return self.kind.key

    @property
    def label(self) -> str:
        return str(self.kind.label)

    @property
    def title(self) -> str:
        return self.kind.title(self.record)

    @property
    def url(self) -> str:
        return self.kind.url(self.record)

    @property
    def ref(self) -> str:
        return self.kind.ref(self.record)

    @cached_property
    def snippet(self) -> text.Snippet:
        return text.snippet(text.best_text(self.kind.texts(self.record), self.terms), self.terms)


class HitList(Sequence):
    """The ranked hits; a slice (a page) reads its records, one query per kind on it, plus the kind's prefetch.

    Ranking needs only names, read as plain values for up to MAX_RESULTS records; reading whole records (and their
    other names) for those 200 cost more than the rest of the search together.
    """

    def __init__(self, hits: list[Hit], user, visible: Callable[[Kind], QuerySet] | None = None):
        self._hits = hits
        self._user = user
        # What the reader may see of each kind: the search's own querysets when it gives them (the records found
        # that the reader may see, compiled once), as building and compiling one costs more than running it.
        self._visible = visible or (lambda kind: kind.visible_to(user))

    def __len__(self) -> int:
        return len(self._hits)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._read(self._hits[index])
        return self._read([self._hits[index]])[0]

    def _read(self, hits: list[Hit]) -> list[Hit]:
        unread: dict[Kind, list[Hit]] = defaultdict(list)
        for hit in hits:
            if hit.record is None:
                unread[hit.kind].append(hit)
        for kind, waiting in unread.items():
            # Read again within what the reader may see: nothing published since ranking can slip through.
            records = self._visible(kind)
            if kind.listed_fields:
                records = records.only(*kind.listed_fields)
            by_pk = records.order_by().in_bulk([hit.pk for hit in waiting])  # in_bulk needs no order
            if kind.prefetch:
                prefetch_related_objects(list(by_pk.values()), *kind.prefetch)
            for hit in waiting:
                hit.record = by_pk.get(hit.pk)
        return [hit for hit in hits if hit.record is not None]


@dataclass
class Results:
    hits: Sequence[Hit]
    terms: tuple[str, ...] = ()
    broadened: bool = False  # no record matched every word; these match some of them
    ranked: bool = True  # False: too many matches to rank by relevance; the most recently indexed come first
    capped: bool = False  # more records may match than the ones listed


@dataclass
class _Found:
    positions: dict[Kind, dict[str, int]]  # per kind: primary key (as text) -> place among the records found
    ranked: bool = True
    capped: bool = False

    def __bool__(self) -> bool:
        return any(self.positions.values())


def search(user, query: str, filters: Filters) -> Results:
    """Records the reader may see that match the query and the filters, ranked across kinds.

    On SQLite: two queries to find, then one per kind found to keep what the reader may see and the filters
    allow, with the names that rank it. Showing a page adds one query per kind on it, and one per kind with
    other names. Elsewhere two backend queries per kind replace the first two. The count does not grow with the
    number of records found.
    """
    terms = text.folded_terms(query)
    if not terms:
        return Results([])
    kinds = [kind for kind in KINDS if not filters.types or kind.key in filters.types]
    allowed: dict[Kind, QuerySet] = {}
    if filters.narrows_records:
        allowed = {kind: kind.narrow(kind.visible_to(user), filters, user) for kind in kinds}
        kinds = [kind for kind in kinds if allowed[kind] is not None]
    if not kinds:
        return Results([], terms)

    # What the reader may see of a kind, built only for kinds with records found: building the querysets
    # (the countries' above all) costs more than running them (and for the public, once a day: ``Kind.visible_to``).
    readable = cache(lambda kind: kind.visible_to(user))
    searched = cache(lambda kind: kind.searched_by(user))
    backend = get_search_backend()
    find = _found_in_one_pass if hasattr(backend, "find_entries") else _found_kind_by_kind
    found, broadened = find(backend, kinds, searched, terms, any_word=False), False
    if len(terms) > 1 and not found:
        found, broadened = find(backend, kinds, searched, terms, any_word=True), True

    hits = []
    reading: dict[Kind, QuerySet] = {}
    for kind, positions in found.positions.items():
        if not positions:
            continue
        # What the reader may see (and the filters allow) among the records found, compiled to SQL once: the
        # names are read within it here, and the page's records again within it (``HitList``), each query
        # running it afresh. Compiling these conditions (a transcript segment's nests three EXISTS) cost more
        # than running them; compiled once, a search compiles them once, not twice (and without filters, once a
        # day: ``Kind.visible_among``). The SQL is a whole statement of Django's, so every name in it refers to
        # its own tables.
        if kind in allowed:
            scope = allowed[kind]
            found_and_visible = RawSQL(*keys_within(scope, list(positions)))
        else:
            scope = readable(kind)
            found_and_visible = RawSQL(*kind.visible_among(user, list(positions)))
        reading[kind] = _within(kind, scope, found_and_visible)
        names: dict[Any, list[str]] = {}
        # A row per other name (a join), so the title and acronym repeat: each name is kept once, title first.
        within = kind.model._base_manager.filter(pk__in=found_and_visible)
        for pk, *values in within.values_list("pk", *kind.name_fields):
            known = names.setdefault(pk, [])
            for value in values:
                if value and value not in known:
                    known.append(value)
        for pk, known in names.items():
            tier = text.name_tier(terms, known)
            hits.append(Hit(kind, pk, tuple(known), tier, positions[str(pk)], terms))
    return Results(HitList(_rank(hits), user, reading.__getitem__), terms, broadened, found.ranked, found.capped)


def _within(kind: Kind, scope: QuerySet, found_and_visible: RawSQL) -> QuerySet:
    """The records of a kind among ``found_and_visible`` (a subquery of their keys), joined as ``scope`` joins them."""
    # The plain manager: every condition is in the subquery, which a page's read runs again, so nothing
    # withdrawn or closed since the names were read slips through.
    records = kind.model._base_manager.filter(pk__in=found_and_visible)
    # The related rows the kind's visible queryset reads with each record (an interview with its transcript).
    records.query.select_related = scope.query.select_related
    return records


def _rank(hits: list[Hit]) -> list[Hit]:
    """One list across kinds: records whose names answer the query first, then in the backend's order.

    Records whose names answer the query come first, by how well (an exact name, every word in a name, every
    word starting a name's word, a match elsewhere); then the backend's order. Kind order and title settle
    ties. On backends searched kind by kind, positions are per kind, so the best of each kind come before
    the second best of any: their scores are not comparable from one kind to another.
    """
    return sorted(
        hits, key=lambda h: (h.tier, h.position, _ORDER[h.kind], h.names[0].casefold() if h.names else "", h.pk)
    )


def _found_in_one_pass(backend, kinds: list[Kind], searched, terms: tuple[str, ...], any_word: bool) -> _Found:
    """Every kind searched at once in the index; FTS5 keeps to the kinds asked for when they are not all."""
    by_type = {ContentType.objects.get_for_model(kind.model).pk: kind for kind in kinds}
    found = backend.find_entries(
        terms, any_word=any_word, content_type_ids=by_type, limit=MAX_RESULTS, only_these_kinds=len(kinds) < len(KINDS)
    )
    positions: dict[Kind, dict[str, int]] = defaultdict(dict)
    for position, (content_type_id, object_id) in enumerate(found.entries):
        positions[by_type[content_type_id]][object_id] = position
    return _Found(positions, found.ranked, found.total > len(found.entries))


def _found_kind_by_kind(backend, kinds: list[Kind], searched, terms: tuple[str, ...], any_word: bool) -> _Found:
    """Each kind searched within what the reader may see: whole words, then the last word as a prefix."""
    operator = "or" if any_word else "and"
    words = " ".join(terms)
    positions: dict[Kind, dict[str, int]] = {}
    capped = False
    for kind in kinds:
        ranked: dict[str, int] = {}
        for method in (backend.search, backend.autocomplete):
            found = list(method(words, searched(kind), operator=operator)[:MAX_PER_KIND])
            capped |= len(found) == MAX_PER_KIND
            for record in found:
                ranked.setdefault(str(record.pk), len(ranked))
        positions[kind] = ranked
    return _Found(positions, True, capped)


# The form ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegionChoice:
    """An M49 region and the sub-regions and intermediate regions below it that hold a country worth finding."""

    name: str
    below: tuple[str, ...]


@dataclass(frozen=True)
class FormChoices:
    types: list[tuple[str, Any]]
    countries: list[CountryChoice]
    regions: list[RegionChoice]
    models: list[ModelChoice]
    decades: list[int]


TYPE_CHOICES = [
    ("organisation", _("Organisations")),
    ("person", _("People")),
    ("event", _("Events")),
    ("episode", _("Episodes")),
    ("model", _("Organising models")),
    ("interview", _("Interviews and transcripts")),
    ("source", _("Sources")),
    ("place", _("Places and countries")),
]


def form_choices(user) -> FormChoices:
    """What the search form offers, from what the reader may see: seven queries, kept until the archive changes."""
    # The kinds are the same for every reader, so they are not kept with the rest: the cache pickles what it
    # keeps, and unpickling a lazily translated label builds a new class for it, 0.6 ms a search page for eight.
    return replace(kept("search-choices", user, lambda: _form_choices(user)), types=TYPE_CHOICES)


def _form_choices(user) -> FormChoices:
    countries = list(countries_with_records(user).order_by("name"))
    models = OrganisingModel.objects.visible_to(user)
    regions: dict[str, set[str]] = {}
    for country in countries:
        if country.region_name:
            below = regions.setdefault(country.region_name, set())
            below.update(n for n in (country.subregion_name, country.intermediate_region_name) if n)
    # Every decade from the earliest to the latest date: two indexed lookups, where listing the decades
    # actually used would read every record. The year 1 stands for an open start ("../1990"), no decade.
    founded = Organisation.objects.visible_to(user).filter(founded_lower__gt=edtf.MIN_DATE)
    dated = Event.objects.visible_to(user).filter(date_sort__gt=edtf.MIN_DATE)
    bounds = [*_first_and_last(founded, "founded_lower"), *_first_and_last(dated, "date_sort")]
    years = [d.year for d in bounds if d]
    decades = list(range(min(years) // 10 * 10, max(years) // 10 * 10 + 10, 10)) if years else []
    return FormChoices(
        types=[],  # added by form_choices
        countries=[CountryChoice(c.iso2, c.name) for c in countries],
        regions=[RegionChoice(name, tuple(sorted(below))) for name, below in sorted(regions.items())],
        models=[ModelChoice(m.key, m.name) for m in models.order_by("position", "name")],
        decades=decades,
    )


def _first_and_last(records: QuerySet, column: str) -> tuple:
    # ORDER BY ... LIMIT 1 each way walks the column's index from one end; MIN and MAX together would not.
    values = records.order_by().values_list(column, flat=True)
    return values.order_by(column).first(), values.order_by(f"-{column}").first()
