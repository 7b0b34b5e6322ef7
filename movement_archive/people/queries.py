"""Named queries for the people pages. Each reads only what the reader may see, through ``visible_to``."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _
from taggit.models import Tag

from movement_archive.core.aggregates import Pages, kept
from movement_archive.core.dates import date_in_words
from movement_archive.core.twins import BadQuery
from movement_archive.documentary.models import Credit, Episode, Series
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation
from movement_archive.places.filters import CountryChoice
from movement_archive.places.models import Country
from movement_archive.sources.citations import attach_citations

from .models import Affiliation, Person, PersonRole


def period_in_words(start: str, end: str) -> str:
    """A period given by two partial dates, in words: "January 1981 to late 1980s", "from 1990", "until 2013".

    Used for affiliations here and for practices on the organising-model pages.
    """
    start_words, end_words = date_in_words(start), date_in_words(end)
    if start_words and end_words:
        return _("%(start)s to %(end)s") % {"start": start_words, "end": end_words}
    if start_words:
        return _("from %(start)s") % {"start": start_words}
    if end_words:
        return _("until %(end)s") % {"end": end_words}
    return ""


def visible_affiliations(user) -> QuerySet[Affiliation]:
    """Affiliations with organisations the reader may see, with the organisation, in the editor's order.

    The organisation is tested row by row (EXISTS, one index lookup each): ``organisation__in=visible``
    would make SQLite read every visible organisation, a hundred thousand of them at scale, for each page.
    """
    return (
        Affiliation.objects.filter(Organisation.objects.visible_to(user).pointed_at_by("organisation"))
        .select_related("organisation")
        .order_by("sort_order")
    )


# The list -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeopleFilters:
    country: Country | None = None
    role: Tag | None = None

    def as_query(self) -> dict[str, str]:
        query = {}
        if self.country:
            query["country"] = self.country.iso2
        if self.role:
            query["role"] = self.role.slug
        return query


def role_choices(user) -> QuerySet[Tag]:
    """The roles held by at least one person the reader may see: a role only hidden people hold is not offered.

    Asked role by role (EXISTS): for each of the few roles, its holders are read until a visible one turns
    up, where a join would read every role of every visible person and then remove the repeats.
    """
    holders = PersonRole.objects.filter(tag=OuterRef("pk"))
    visible = Person.objects.visible_to(user).pointed_at_by("content_object")
    return Tag.objects.filter(Exists(holders.filter(visible))).order_by("name")


def country_choices(user) -> QuerySet[Country]:
    """The countries of at least one person the reader may see, asked country by country as for the roles."""
    return Country.objects.holding(Person, user).order_by("name")


@dataclass
class FilterChoices:
    """The form's choices as plain ``(value, label)`` pairs: unpickling 250 countries from the cache as records
    cost every page of the list about 2 ms."""

    countries: list[CountryChoice]
    roles: list[tuple[str, str]]  # slug, name


def filter_choices(user) -> FilterChoices:
    """What the filter form offers (see ``country_choices`` and ``role_choices``): two queries when not kept.

    Kept until the archive changes, as every list page shows the same 250 countries: building them is most of
    what the form costs.
    """
    return kept(
        # Named afresh when the shape of the choices changed (records, then pairs): a cache shared by the app
        # servers may still hold the old shape, under an archive version that outlives a deploy.
        "people:filter-choices:pairs",
        user,
        lambda: FilterChoices(
            countries=[CountryChoice(*row) for row in country_choices(user).values_list("iso2", "name")],
            roles=list(role_choices(user).values_list("slug", "name")),
        ),
    )


def read_filters(params: QueryDict, user) -> PeopleFilters:
    """The ``country`` (ISO 3166-1 alpha-2) and ``role`` (slug or name) filters; an unknown value is a BadQuery."""
    country = role = None
    code = params.get("country", "").strip()
    if code:
        country = Country.objects.filter(iso2=code.upper()).first()
        if country is None:
            raise BadQuery("country", _("%(code)r is not a two-letter country code we know") % {"code": code})
    slug = params.get("role", "").strip()
    if slug:
        # The slug is what the form sends; the name (as the JSON lists roles) is accepted too.
        role = role_choices(user).filter(Q(slug=slug) | Q(name=slug)).first()
        if role is None:
            raise BadQuery("role", _("%(slug)r is not a role anyone listed here holds") % {"slug": slug})
    return PeopleFilters(country=country, role=role)


# What the list and its JSON twin show: a person's key and shown name (made from the name, the pseudonym and
# the attribution), an affiliation's role and dates with its organisation's key and name, a country's code and
# name. Building records from every column (biographies, citations, editorial dates) cost more than reading them.
_LISTED_PERSON = ("key", "name", "pseudonym", "attribution")
_LISTED_AFFILIATION = (
    *("person", "organisation", "role", "start", "end", "sort_order"),
    *("organisation__key", "organisation__name"),
)


def people_listing(user, filters: PeopleFilters | None = None) -> Pages:
    """Visible people in name order, each with ``roles_by_name`` (their PersonRole items with the tag),
    ``countries_by_name`` and ``visible_affiliations`` (affiliations to visible organisations).

    Five queries for any page of people (its people's keys, then their rows, then one prefetch each for roles,
    countries and affiliations), whatever the number of people or of their affiliations, and one more to count
    them when the count is not kept (counting the holders of a role reads thousands of rows at scale). Only what
    the list shows is read (``_LISTED_PERSON``, ``_LISTED_AFFILIATION``): reading another field costs a query.
    """
    filters = filters or PeopleFilters()
    people = Person.objects.visible_to(user)
    # Each filter is a list of people, and people are read in name order through the index "person_list", each
    # checked against the lists, until the page is full. Filtering on "pk + 0" rather than "pk" is what makes
    # SQLite do so: on the key itself it would look up every person on a list and sort them all (the thousands
    # holding a common role) to keep fifty. A rare role makes it read the whole index, still a few milliseconds.
    listed = F("pk") + 0
    if filters.country:
        linked = Person.countries.through.objects.filter(country=filters.country)
        people = people.alias(listed_in_country=listed).filter(listed_in_country__in=linked.values("person_id"))
    if filters.role:
        holders = PersonRole.objects.filter(tag=filters.role).values("content_object_id")
        people = people.alias(listed_with_role=listed).filter(listed_with_role__in=holders)
    affiliations = visible_affiliations(user).only(*_LISTED_AFFILIATION)
    # The order is that of the index "person_list" (see the model), column for column: the keys of a page far
    # into the whole list are read from the index alone. One column out of step ("name" for "public_name") and
    # SQLite sorts every visible person in a temporary B-tree for each page.
    people = (
        people.order_by("sort_name", "public_name", "pk")
        .only(*_LISTED_PERSON)
        .prefetch_related(
            Prefetch(
                "tagged_roles",
                queryset=PersonRole.objects.select_related("tag").order_by("tag__name"),
                to_attr="roles_by_name",
            ),
            Prefetch(
                "countries", queryset=Country.objects.order_by("name").only("iso2", "name"), to_attr="countries_by_name"
            ),
            Prefetch("affiliations", queryset=affiliations, to_attr="visible_affiliations"),
        )
    )
    filtered = ":".join(f"{name}={value}" for name, value in sorted(filters.as_query().items()))
    return Pages(people, f"people:{filtered}", user)


# One person -----------------------------------------------------------------------------------------------------


@dataclass
class PersonPage:
    person: Person
    roles: list[str]
    other_names: list[str]
    countries: list[Country]
    affiliations: list[Affiliation]
    events: list[Event]
    episodes: list[Episode]
    credits: list[Credit]
    biography: str = ""
    withheld: bool = False  # listed with metadata only: the content is not for this reader
    real_name: str = ""  # for the few allowed to know who is behind a pseudonym


def person_page(person: Person, user) -> PersonPage:
    """Everything the person page shows, each related list limited to what the reader may see.

    A fixed number of queries (about ten) however many affiliations, events, episodes or citations the
    person has; sets ``cited`` on the person, each affiliation and each credit. For a reader the record lists
    with its metadata only, the page is the public name, roles and countries, and nothing else.
    """
    roles = [
        item.tag.name
        for item in PersonRole.objects.filter(content_object=person).select_related("tag").order_by("tag__name")
    ]
    countries = list(person.countries.order_by("name"))
    knows_who = person.real_name_shown_to(user)
    # Other names tell who someone is: shown with the name, or to those who may know it.
    other_names = (
        list(person.other_names.order_by("sort_order").values_list("name", flat=True))
        if person.named or knows_who
        else []
    )
    real_name = person.name if knows_who and not person.named else ""
    if not person.content_shown_to(user):
        person.cited = []
        return PersonPage(person, roles, other_names, countries, [], [], [], [], withheld=True, real_name=real_name)
    affiliations = list(visible_affiliations(user).filter(person=person))
    events = list(Event.objects.visible_to(user).filter(people=person).chronological())
    visible_series = Series.objects.visible_to(user)
    episodes = list(
        Episode.objects.visible_to(user)
        .filter(visible_series.pointed_at_by("series"), people=person)
        .select_related("series")
        .order_by("series_id", "number")
    )
    # The credit names this person, so only its series remains to be checked.
    credits = list(
        Credit.objects.filter(visible_series.pointed_at_by("series"), person=person)
        .select_related("series")
        .order_by("series_id", "sort_order")
    )
    attach_citations([person, *affiliations, *credits], user)
    return PersonPage(
        person=person,
        roles=roles,
        other_names=other_names,
        countries=countries,
        affiliations=affiliations,
        events=events,
        episodes=episodes,
        credits=credits,
        biography=person.biography,
        real_name=real_name,
    )
