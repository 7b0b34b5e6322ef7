"""The search page's query string, checked: every unusable value is a BadQuery naming its parameter."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.translation import gettext as _

from movement_archive.core import filters
from movement_archive.core.twins import BadQuery
from movement_archive.organising import filters as organising_filters
from movement_archive.places import filters as place_filters

MAX_QUERY_LENGTH = 200
TYPES = ("organisation", "person", "event", "episode", "model", "interview", "source", "place")


@dataclass(frozen=True)
class Filters:
    """What the reader asked for. Several values of one filter widen it (any of them); filters narrow each other."""

    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2, upper case
    regions: tuple[str, ...] = ()  # M49 region, sub-region or intermediate-region names
    models: tuple[str, ...] = ()  # organising model keys
    decades: tuple[int, ...] = ()  # first years: 1980 for the 1980s

    @property
    def active(self) -> bool:
        return any((self.types, self.countries, self.regions, self.models, self.decades))

    @property
    def narrows_records(self) -> bool:
        """True when a filter other than the type applies, so each found record must be checked against it."""
        return any((self.countries, self.regions, self.models, self.decades))


@dataclass(frozen=True)
class SearchRequest:
    query: str
    filters: Filters


def read_search(params: QueryDict, user) -> SearchRequest:
    """Check the query and filters; at most three small queries (countries, regions, organising models).

    Raises BadQuery for a query over 200 characters, an unknown type, a country code that names no country, a
    region that is not an M49 name, an organising model the reader cannot see, a decade that is not a year
    ending in 0.
    """
    raw = params.get("q", "").strip()
    if len(raw) > MAX_QUERY_LENGTH:
        raise BadQuery(
            "q",
            _("the search text is %(length)d characters long; the limit is %(limit)d")
            % {"length": len(raw), "limit": MAX_QUERY_LENGTH},
        )
    query = " ".join(raw.split())

    return SearchRequest(
        query=query,
        filters=Filters(
            types=filters.choices(params, "type", TYPES),
            countries=place_filters.countries(params),
            regions=place_filters.regions(params),
            models=organising_filters.organising_models(params, user),
            decades=filters.decades(params),
        ),
    )
