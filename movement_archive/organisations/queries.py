"""Named queries about organisations, used by pages, feeds and exports alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import or_

from django.db.models import Count, F, Prefetch, Q, QuerySet, Window
from django.db.models.functions import Lower

from movement_archive.access.withholding import withhold
from movement_archive.core.aggregates import kept
from movement_archive.core.fields import parsed_or_none
from movement_archive.dates import edtf
from movement_archive.organising.filters import ModelChoice
from movement_archive.places.filters import CountryChoice
from movement_archive.sources.citations import attach_citations

from .models import UNDATED, Organisation, OrganisationRelation

SORTS = ("name", "-name", "founded", "-founded")
# What the directory and its JSON twin show of each organisation.
LISTED_FIELDS = ("key", "name", "acronym", "kind", "scope", "status", "founded", "closed")
# Events listed on an organisation's page; a busy organisation has thousands, which its timeline pages through.
EVENTS_SHOWN = 50


@dataclass(frozen=True)
class ReadRelation:
    """A relation as seen from one organisation: "was succeeded by NAMA" or, from NAMA, "succeeded CCMP"."""

    label: str
    other: Organisation
    relation: OrganisationRelation

    @property
    def direction(self) -> str:
        """ "outgoing" when the organisation read from is the relation's subject, "incoming" when its object."""
        # Relations to oneself are refused, so the other end tells the direction without another query.
        return "outgoing" if self.relation.object_id == self.other.pk else "incoming"


def _shown(end: str) -> list[str]:
    """The relation's columns, and of the organisation at ``end`` what names and links it."""
    own = [f.name for f in OrganisationRelation._meta.concrete_fields]
    return [*own, f"{end}__key", f"{end}__name", f"{end}__acronym"]


def relations_of(organisation: Organisation, user=None) -> list[ReadRelation]:
    """Every relation of an organisation from both ends, limited to organisations the reader may see.

    Two queries, whatever the number of relations.
    """
    visible = Organisation.objects.visible_to(user)
    outgoing = OrganisationRelation.objects.filter(visible.pointed_at_by("object"), subject=organisation)
    incoming = OrganisationRelation.objects.filter(visible.pointed_at_by("subject"), object=organisation)
    # Of the organisation at the other end, only what names and links it is read. Named with ``only`` rather than
    # deferring the thirty other columns, which Django resolved one by one on every page.
    outgoing = outgoing.select_related("object").only(*_shown("object"))
    incoming = incoming.select_related("subject").only(*_shown("subject"))
    read = [ReadRelation(str(r.get_type_display()), r.object, r) for r in outgoing]
    read += [ReadRelation(str(r.inverse_label), r.subject, r) for r in incoming]
    return sorted(read, key=lambda r: (r.relation.start_sort is None, r.relation.start_sort, r.label, r.other.name))


# The directory ------------------------------------------------------------------------------------------------


def organisation_list(
    user,
    *,
    countries: tuple[str, ...] = (),
    regions: tuple[str, ...] = (),
    models: tuple[str, ...] = (),
    kinds: tuple[str, ...] = (),
    scopes: tuple[str, ...] = (),
    decades: tuple[int, ...] = (),
    statuses: tuple[str, ...] = (),
    sort: str = "name",
) -> QuerySet[Organisation]:
    """The organisations a reader may see, narrowed by every filter given, with their countries prefetched, with
    only the ``LISTED_FIELDS`` read (another field costs a query per organisation).

    Several values of one filter widen it (any of them); different filters narrow each other. ``countries``
    are ISO alpha-2 codes, ``regions`` M49 region, sub-region or intermediate-region names, ``models`` keys
    of organising models practised at any time, ``decades`` first years (1980 for the 1980s, judged by the
    earliest possible founding day). Values are trusted: check them first (see ``filters.read_filters``).
    """
    from movement_archive.organising.models import OrganisingModel, Practice
    from movement_archive.places.models import Country

    found = Organisation.objects.visible_to(user)
    # Subqueries rather than joins: a join per many-to-many filter would repeat rows and need DISTINCT.
    # Read from the link table alone: going through the organisations table would read their wide rows. An
    # index gives each order of the directory, so the page is found by walking it (see ``among``).
    placed = Organisation.countries.through.objects
    if countries:
        found = found.among(placed.filter(country__iso2__in=countries), "organisation_id")
    if regions:
        in_regions = reduce(or_, (Country.objects.in_region(name) for name in regions))
        found = found.among(placed.filter(country__in=in_regions), "organisation_id")
    if models:
        practised = Practice.objects.filter(model__key__in=models, model__in=OrganisingModel.objects.visible_to(user))
        found = found.filter(pk__in=practised.values("organisation_id"))
    if kinds:
        found = found.filter(kind__in=kinds)
    if scopes:
        found = found.filter(scope__in=scopes)
    if statuses:
        found = found.filter(status__in=statuses)
    if decades:
        found = found.filter(
            reduce(
                or_,
                (Q(founded_lower__gte=date(d, 1, 1), founded_lower__lte=date(d + 9, 12, 31)) for d in decades),
            )
        )
    # Of the organisations and their countries, only what the directory shows (``LISTED_FIELDS``): building records
    # from every column (descriptions, citations, editorial dates) cost more than the queries that read them.
    countries = Prefetch("countries", queryset=Country.objects.only("iso2", "name"))
    return _sorted(found, sort).only(*LISTED_FIELDS).prefetch_related(countries)


def _sorted(found: QuerySet[Organisation], sort: str) -> QuerySet[Organisation]:
    # Names sort without regard to case, so "ASUD" and "Andrey Rylkov Foundation" sort as readers expect.
    if sort == "name":
        return found.order_by(Lower("name"), "key")
    if sort == "-name":
        return found.order_by(Lower("name").desc(), "-key")
    # "../1990" (founded some time by 1990) sorts at its known end, as dates do everywhere in the archive
    # (``founded_sort``). Undated organisations come last either way; an index serves each direction.
    if sort == "founded":
        return found.order_by(UNDATED, "founded_sort", Lower("name"), "key")
    return found.order_by(UNDATED, F("founded_sort").desc(), Lower("name"), "key")


@dataclass(frozen=True)
class Region:
    """An M49 region with the sub-regions and intermediate regions below it, each a name to filter by."""

    name: str
    below: tuple[str, ...]

    @property
    def choices(self) -> list[tuple[str, str]]:
        """The region and the regions below it as ``(value, label)`` pairs, for the ``options`` template tag."""
        return [(name, name) for name in (self.name, *self.below)]


@dataclass(frozen=True)
class ListChoices:
    """What the directory's filter form offers: only values that find something the reader may see."""

    countries: list
    regions: list[Region]
    models: list
    decades: list[int]


def list_choices(user) -> ListChoices:
    """The filter form's select lists, from visible data: four queries, kept until the archive changes."""
    return kept("organisation-choices", user, lambda: _list_choices(user))


def _list_choices(user) -> ListChoices:
    from movement_archive.organising.models import OrganisingModel
    from movement_archive.places.models import Country

    visible = Organisation.objects.visible_to(user)
    countries = list(Country.objects.holding(Organisation, user).order_by("name"))
    tree: dict[str, dict[str, list[str]]] = {}
    for country in countries:
        if not country.region_name:
            continue
        subregions = tree.setdefault(country.region_name, {})
        intermediates = subregions.setdefault(country.subregion_name, []) if country.subregion_name else None
        if intermediates is not None and country.intermediate_region_name not in ("", *intermediates):
            intermediates.append(country.intermediate_region_name)
    regions = [
        Region(name, tuple(n for sub in sorted(subs) for n in (sub, *sorted(subs[sub]))))
        for name, subs in sorted(tree.items())
    ]
    # Every decade from the first founding to the last: two lookups in the founded_lower index, where the
    # decades actually used would take reading every organisation. The year 1 is an open start ("../1990").
    founded = visible.filter(founded_lower__gt=edtf.MIN_DATE).order_by().values_list("founded_lower", flat=True)
    first, last = founded.order_by("founded_lower").first(), founded.order_by("-founded_lower").first()
    return ListChoices(
        countries=[CountryChoice(c.iso2, c.name) for c in countries],
        regions=regions,
        models=[ModelChoice(m.key, m.name) for m in OrganisingModel.objects.visible_to(user)],
        decades=list(range(first.year // 10 * 10, last.year // 10 * 10 + 10, 10)) if first else [],
    )


# One organisation's page --------------------------------------------------------------------------------------


@dataclass
class OrganisationPage:
    """Everything an organisation's page shows, each part already limited to what the reader may see."""

    organisation: Organisation
    practices: list
    relations: list[ReadRelation]
    affiliations: list
    events: list  # the first EVENTS_SHOWN in chronological order; the timeline has them all
    event_count: int
    episodes: list
    disagreements: list
    sensitive_withheld: bool = False

    @property
    def claims(self) -> list:
        return [claim for disagreement in self.disagreements for claim in disagreement.claims.all()]


# Of the people and events listed, the page shows names, titles and dates: the other columns (texts, editorial
# state) would cost more to read into records than the queries take.
_AFFILIATION_FIELDS = (
    *("person", "organisation", "role", "start", "end", "citations", "sort_order"),
    *("person__key", "person__name", "person__pseudonym", "person__attribution", "person__sort_name"),
)


def organisation_page(organisation: Organisation, user=None) -> OrganisationPage:
    """Load an organisation's page: a fixed number of queries (about a dozen) however many rows it has.

    Events are the first ``EVENTS_SHOWN`` with their total count, read together.

    Prefetches other names, countries and visible localities onto ``organisation``, and sets ``cited`` on
    the organisation and on each practice, relation, affiliation and disagreement claim.
    """
    from django.db.models import prefetch_related_objects

    from movement_archive.documentary.models import Episode
    from movement_archive.events.models import Event
    from movement_archive.organising.models import OrganisingModel, Practice
    from movement_archive.people.models import Affiliation, Person
    from movement_archive.places.models import Locality
    from movement_archive.sources.models import Disagreement

    # Where a group works and how to reach it have their own access level. Withheld, they are emptied on this
    # instance (never saved), so the page, its JSON twin and its JSON-LD all leave them out alike.
    withheld = withhold(organisation, user, ("website",))
    localities = Locality.objects.none() if withheld else Locality.objects.visible_to(user).select_related("country")
    prefetch_related_objects([organisation], "other_names", "countries", Prefetch("localities", queryset=localities))
    practices = list(
        Practice.objects.filter(organisation=organisation, model__in=OrganisingModel.objects.visible_to(user))
        .select_related("model")
        .order_by(F("start_sort").asc(nulls_last=True), "model__position", "sort_order")
    )
    affiliations = sorted(
        Affiliation.objects.filter(Person.objects.visible_to(user).pointed_at_by("person"), organisation=organisation)
        .select_related("person")
        .only(*_AFFILIATION_FIELDS),
        key=_chronological_then_by_person,
    )
    # Counted in the same query (a window over every event found): counting apart read the busiest
    # organisation's hundreds of event rows a second time.
    events = list(
        Event.objects.visible_to(user)
        .filter(organisations=organisation)
        .chronological()
        .only("key", "title", "date", "kind")
        .annotate(of_all=Window(Count("pk")))[:EVENTS_SHOWN]
    )
    page = OrganisationPage(
        organisation=organisation,
        sensitive_withheld=withheld,
        practices=practices,
        relations=relations_of(organisation, user),
        affiliations=affiliations,
        events=events,
        event_count=events[0].of_all if events else 0,
        episodes=list(Episode.objects.visible_to(user).filter(organisations=organisation).order_by("series", "number")),
        disagreements=list(
            Disagreement.objects.visible_to(user).filter(organisations=organisation).prefetch_related("claims")
        ),
    )
    attach_citations(
        [organisation, *practices, *(r.relation for r in page.relations), *affiliations, *page.claims], user
    )
    return page


def _chronological_then_by_person(affiliation) -> tuple:
    # Affiliations keep no sort column for their start, so they are ordered here; undated ones come last.
    start = parsed_or_none(affiliation.start)
    when = start.sort_key() if start else (edtf.MAX_DATE, edtf.MAX_DATE)
    return (start is None, when, affiliation.person.sort_name, affiliation.role)
