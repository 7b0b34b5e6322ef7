"""Named queries for the episode pages. Each reads only what the reader may see, through ``visible_to``.

The archive presents one documentary series, so episode addresses carry just the episode number: the
series is the first visible one (see ``the_series``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation
from movement_archive.people.models import Person
from movement_archive.places.models import Country
from movement_archive.sources.citations import attach_citations

from .models import Credit, Episode, Series


def the_series(user) -> Series | None:
    """The series the episode pages present: the oldest visible one. One query."""
    return Series.objects.visible_to(user).order_by("pk").first()


def episodes_of(series: Series | None, user) -> QuerySet[Episode]:
    """The visible episodes of the series in number order."""
    if series is None:
        return Episode.objects.none()
    return Episode.objects.visible_to(user).filter(series=series).order_by("number")


def episode_listing(series: Series | None, user) -> QuerySet[Episode]:
    """The episodes for the list, with their countries: two queries for any number of episodes."""
    return episodes_of(series, user).prefetch_related(Prefetch("countries", queryset=Country.objects.order_by("name")))


def credits_of(series: Series, user) -> list[Credit]:
    """The series' credits, in the editor's order, leaving out any that names someone the reader may not see.

    A credit that names nobody (the source gives a heading without a name) stays: its note says so.
    One query; sets ``cited`` on each credit (one more).
    """
    credits = list(
        Credit.objects.filter(series=series)
        .filter(Q(person__isnull=True) | Person.objects.visible_to(user).pointed_at_by("person"))
        .filter(Q(organisation__isnull=True) | Organisation.objects.visible_to(user).pointed_at_by("organisation"))
        .select_related("person", "organisation")
        .order_by("sort_order", "pk")
    )
    attach_citations(credits, user)
    return credits


def conference_of(series: Series, user) -> Event | None:
    """The event the series was shown at, if the reader may see it. At most one query."""
    if series.conference_id is None:
        return None
    return Event.objects.visible_to(user).filter(pk=series.conference_id).first()


@dataclass
class EpisodePage:
    episode: Episode
    countries: list[Country]
    people: list[Person]
    organisations: list[Organisation]
    previous: Episode | None
    next: Episode | None


def episode_page(episode: Episode, user) -> EpisodePage:
    """The episode's countries, featured people and organisations (visible only) and its neighbours.

    A fixed number of queries however many people, organisations or citations the episode has; sets
    ``cited`` on the episode.
    """
    neighbours = list(
        Episode.objects.visible_to(user).filter(series=episode.series_id).order_by("number").only("number", "title")
    )
    position = next(i for i, other in enumerate(neighbours) if other.pk == episode.pk)
    attach_citations([episode], user)
    return EpisodePage(
        episode=episode,
        countries=list(episode.countries.order_by("name")),
        people=list(Person.objects.visible_to(user).filter(episodes=episode).order_by("sort_name", "name")),
        organisations=list(Organisation.objects.visible_to(user).filter(episodes=episode).order_by("name")),
        previous=neighbours[position - 1] if position > 0 else None,
        next=neighbours[position + 1] if position + 1 < len(neighbours) else None,
    )
