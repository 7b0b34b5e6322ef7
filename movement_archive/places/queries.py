"""Named queries of the places pages. Everything a reader sees goes through ``visible_to(user)``.

Counts are made per kind of record, one query each, over the tables that link records to countries; no page
runs a query per country or per record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Model, QuerySet
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from movement_archive.core.aggregates import kept
from movement_archive.core.models import dense_enough
from movement_archive.documentary.models import Episode
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation
from movement_archive.people.models import Person

from .models import Country, Locality

# The three M49 levels, outermost first: (Country field, level name).
LEVELS = (("region_name", "region"), ("subregion_name", "subregion"), ("intermediate_region_name", "intermediate"))
LEVEL_LABELS = {"region": _("region"), "subregion": _("sub-region"), "intermediate": _("intermediate region")}


@dataclass(frozen=True)
class Region:
    """An M49 region, sub-region or intermediate region, addressed by its slugified name."""

    name: str
    level: str
    within: tuple[str, ...] = ()  # the names of the regions that contain it, outermost first

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def level_label(self) -> str:
        return str(LEVEL_LABELS[self.level])

    def get_absolute_url(self) -> str:
        return reverse("places:region", args=[self.slug])

    def parents(self) -> list[Region]:
        """The regions that contain this one, outermost first."""
        return [Region(name, LEVELS[i][1], self.within[:i]) for i, name in enumerate(self.within)]


def country_regions(country: Country) -> list[Region]:
    """The regions a country belongs to, outermost first; no query."""
    chain: list[Region] = []
    for attribute, level in LEVELS:
        name = getattr(country, attribute)
        if name:
            chain.append(Region(name, level, tuple(r.name for r in chain)))
    return chain


def regions() -> dict[str, Region]:
    """Every region that holds at least one country, by slug. One query."""
    found: dict[str, Region] = {}
    rows = Country.objects.order_by().values_list(*(attribute for attribute, _level in LEVELS)).distinct()
    for names in rows:
        within: list[str] = []
        for name, (_attribute, level) in zip(names, LEVELS, strict=True):
            if name:
                found.setdefault(slugify(name), Region(name, level, tuple(within)))
                within.append(name)
    return found


def subregions(region: Region, every: dict[str, Region]) -> list[Region]:
    """The regions one level inside ``region``, by name; no query."""
    chain = (*region.within, region.name)
    return sorted((r for r in every.values() if r.within == chain), key=lambda r: r.name)


# Counting records per country --------------------------------------------------------------------------------


def _per_country(model: type[Model], user) -> dict[int, int]:
    """Country id → number of visible records of ``model``: one query over the model's country links.

    The query reads every link (over a million for events at scale), so the figures are kept until the
    archive changes (``core.aggregates``).
    """
    link = model.countries.through
    owner = model._meta.model_name
    rows = (
        link.objects.filter(**{f"{owner}__in": model.objects.visible_to(user)})
        .order_by()
        .values("country_id")
        .annotate(n=Count("pk"))
        .values_list("country_id", "n")
    )
    return kept(f"per-country:{model._meta.label}", user, lambda: dict(rows))


def organisation_counts(user) -> dict[int, int]:
    """Country id → number of organisations the reader may see. One query."""
    return _per_country(Organisation, user)


@dataclass
class CountryCounts:
    country: Country
    organisations: int = 0
    people: int = 0
    events: int = 0

    @property
    def regions(self) -> list[Region]:
        return country_regions(self.country)


def countries_in_archive(user) -> list[CountryCounts]:
    """The countries with at least one visible organisation, person or event, by name, with those counts.

    Four queries, however many countries and records; one when the counts are kept.
    """
    organisations = organisation_counts(user)
    people = _per_country(Person, user)
    events = _per_country(Event, user)
    ids = organisations.keys() | people.keys() | events.keys()
    return [
        CountryCounts(c, organisations.get(c.pk, 0), people.get(c.pk, 0), events.get(c.pk, 0))
        for c in Country.objects.filter(pk__in=ids).order_by("name")
    ]


@dataclass
class SubregionGroup:
    region: Region | None
    countries: list[CountryCounts] = field(default_factory=list)


@dataclass
class RegionGroup:
    region: Region | None  # None for places outside every M49 region (Antarctica)
    subregions: list[SubregionGroup] = field(default_factory=list)


def group_by_region(rows: list[CountryCounts]) -> list[RegionGroup]:
    """Countries grouped by M49 region and sub-region, each level by name; places with no region come last."""
    tree: dict[Region | None, dict[Region | None, list[CountryCounts]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        chain = row.regions
        region = chain[0] if chain else None
        subregion = chain[1] if len(chain) > 1 else None
        tree[region][subregion].append(row)

    def by_name(item):
        return (item[0] is None, item[0].name if item[0] else "")

    return [
        RegionGroup(region, [SubregionGroup(sub, countries) for sub, countries in sorted(subs.items(), key=by_name)])
        for region, subs in sorted(tree.items(), key=by_name)
    ]


# One country, one region ---------------------------------------------------------------------------------------


# Records of each kind listed on a country's page; the directory and the people list page through the rest.
SHOWN = 50


@dataclass
class Listed:
    """The first records of one kind and how many there are in all."""

    records: list
    count: int

    @property
    def more(self) -> bool:
        return self.count > len(self.records)

    def __bool__(self) -> bool:
        return bool(self.records)

    def __iter__(self):
        return iter(self.records)


@dataclass
class CountryPage:
    country: Country
    organisations: Listed
    people: Listed
    events: Listed
    localities: Listed
    episodes: list[Episode]

    @property
    def regions(self) -> list[Region]:
        return country_regions(self.country)

    @property
    def is_empty(self) -> bool:
        return not (self.organisations or self.people or self.events or self.localities or self.episodes)


def country_page(country: Country, user) -> CountryPage:
    """What the archive holds about one country: the first ``SHOWN`` of each kind, with their counts.

    Only the columns the page shows are read: whole rows cost more to turn into records than the queries take.
    Five queries, however many records, plus one to count localities when there are more than ``SHOWN``; the
    other counts come from the figures kept per country (``_per_country``).
    """

    def listed(model: type[Model], order: Callable[[QuerySet], QuerySet], shown: tuple[str, ...]) -> Listed:
        counts = _per_country(model, user)
        count = counts.get(country.pk, 0)
        links = model.countries.through.objects.filter(country=country)
        # Walked in the order's index; how each record is tested depends on the country's share of all.
        dense = dense_enough(count, sum(counts.values()), SHOWN)
        records = model.objects.visible_to(user).among(links, f"{model._meta.model_name}_id", dense=dense)
        first = list(order(records).only(*shown)[:SHOWN])
        return Listed(first, len(first) if len(first) < SHOWN else count)

    localities = Locality.objects.visible_to(user).filter(country=country)
    first_localities = list(localities.order_by("name").only("name", "kind")[:SHOWN])
    return CountryPage(
        country=country,
        organisations=listed(
            Organisation,
            lambda found: found.order_by(Lower("name"), "key"),
            ("key", "name", "acronym", "kind", "founded"),
        ),
        people=listed(
            Person, lambda found: found, ("key", "name", "pseudonym", "attribution")
        ),  # in their own order: family name first
        events=listed(Event, lambda found: found.chronological(), ("key", "title", "date", "kind")),
        localities=Listed(
            first_localities, len(first_localities) if len(first_localities) < SHOWN else localities.count()
        ),
        episodes=list(Episode.objects.visible_to(user).filter(countries=country).order_by("series_id", "number")),
    )


@dataclass
class RegionPage:
    region: Region
    subregions: list[Region]
    countries: list[Country]  # each with ``organisation_count``

    @property
    def with_organisations(self) -> list[Country]:
        return [c for c in self.countries if c.organisation_count]

    @property
    def without_organisations(self) -> list[Country]:
        return [c for c in self.countries if not c.organisation_count]


def region_page(region: Region, every: dict[str, Region], user) -> RegionPage:
    """The countries of a region with how many organisations the reader may see in each. One query.

    The organisations themselves are the directory's, filtered by the region: a region holds tens of thousands.
    """
    counts = organisation_counts(user)
    countries = list(Country.objects.in_region(region.name).order_by("name"))
    for country in countries:
        country.organisation_count = counts.get(country.pk, 0)
    return RegionPage(region, subregions(region, every), countries)


def countries_by_m49() -> dict[str, Country]:
    """Every country by its M49 (ISO 3166-1 numeric) code, the id world-atlas gives each shape. One query."""
    return {country.m49: country for country in Country.objects.all()}
