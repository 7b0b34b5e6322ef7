"""Named queries for the people pages. Each reads only what the reader may see, through ``visible_to``."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _
from taggit.models import Tag

from movement_archive.core.citations import attach_citations
from movement_archive.core.dates import date_in_words
from movement_archive.core.twins import BadQuery
from movement_archive.documentary.models import Credit, Episode, Series
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation
from movement_archive.places.models import Country

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


def _visible_affiliations(user) -> Prefetch:
    """Affiliations with organisations the reader may see, with the organisation, in the editor's order."""
    return Prefetch(
        "affiliations",
        queryset=Affiliation.objects.filter(organisation__in=Organisation.objects.visible_to(user))
        .select_related("organisation")
        .order_by("sort_order"),
        to_attr="visible_affiliations",
    )


def _roles() -> Prefetch:
    return Prefetch("tagged_roles", queryset=PersonRole.objects.select_related("tag").order_by("tag__name"))


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
    """The roles held by at least one person the reader may see: a role only hidden people hold is not offered."""
    visible = Person.objects.visible_to(user)
    return Tag.objects.filter(people_personrole_items__content_object__in=visible).distinct().order_by("name")


def country_choices(user) -> QuerySet[Country]:
    """The countries of the people the reader may see."""
    return Country.objects.filter(people__in=Person.objects.visible_to(user)).distinct().order_by("name")


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


def people_listing(user, filters: PeopleFilters | None = None) -> QuerySet[Person]:
    """Visible people in name order, with their roles, countries and affiliations to visible organisations.

    Four queries for any page of people (the people, then one prefetch each for roles, countries and
    affiliations), whatever the number of people or of their affiliations.
    """
    filters = filters or PeopleFilters()
    people = Person.objects.visible_to(user)
    if filters.country:
        people = people.filter(countries=filters.country)
    if filters.role:
        people = people.filter(tagged_roles__tag=filters.role)
    return people.order_by("sort_name", "name", "pk").prefetch_related(
        _roles(), Prefetch("countries", queryset=Country.objects.order_by("name")), _visible_affiliations(user)
    )


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


def person_page(person: Person, user) -> PersonPage:
    """Everything the person page shows, each related list limited to what the reader may see.

    A fixed number of queries (about ten) however many affiliations, events, episodes or citations the
    person has; sets ``cited`` on the person, each affiliation and each credit.
    """
    affiliations = list(
        Affiliation.objects.filter(person=person, organisation__in=Organisation.objects.visible_to(user))
        .select_related("organisation")
        .order_by("sort_order")
    )
    events = list(Event.objects.visible_to(user).filter(people=person).chronological())
    episodes = list(
        Episode.objects.visible_to(user)
        .filter(people=person, series__in=Series.objects.visible_to(user))
        .select_related("series")
        .order_by("series_id", "number")
    )
    # The credit names this person, so only its series remains to be checked.
    credits = list(
        Credit.objects.filter(person=person, series__in=Series.objects.visible_to(user))
        .select_related("series")
        .order_by("series_id", "sort_order")
    )
    attach_citations([person, *affiliations, *credits], user)
    return PersonPage(
        person=person,
        roles=[item.tag.name for item in PersonRole.objects.filter(content_object=person).select_related("tag")],
        other_names=list(person.other_names.order_by("sort_order").values_list("name", flat=True)),
        countries=list(person.countries.order_by("name")),
        affiliations=affiliations,
        events=events,
        episodes=episodes,
        credits=credits,
    )
