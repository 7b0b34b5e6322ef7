"""The search page's query string, checked: every unusable value is a BadQuery naming its parameter."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.http import QueryDict

from movement_archive.core.twins import BadQuery

MAX_QUERY_LENGTH = 200
TYPES = ("organisation", "person", "event", "episode", "model", "source", "place")

_ISO2 = re.compile(r"^[A-Za-z]{2}$")
_DECADE = re.compile(r"^\d{3}0$")


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


def _values(params: QueryDict, name: str) -> tuple[str, ...]:
    # The form sends every select, with an empty value for "any": an empty value is no filter at all.
    return tuple(dict.fromkeys(v.strip() for v in params.getlist(name) if v.strip()))


def read_search(params: QueryDict, user) -> SearchRequest:
    """Check the query and filters; at most three small queries (countries, regions, organising models).

    Raises BadQuery for a query over 200 characters, an unknown type, a country code that names no country, a
    region that is not an M49 name, an organising model the reader cannot see, a decade that is not a year
    ending in 0.
    """
    from movement_archive.organising.models import OrganisingModel
    from movement_archive.places.models import Country

    raw = params.get("q", "").strip()
    if len(raw) > MAX_QUERY_LENGTH:
        raise BadQuery("q", f"the search text is {len(raw)} characters long; the limit is {MAX_QUERY_LENGTH}")
    query = " ".join(raw.split())

    types = _values(params, "type")
    for value in types:
        if value not in TYPES:
            raise BadQuery("type", f"{value!r} is not one of {', '.join(TYPES)}")

    countries = tuple(code.upper() for code in _values(params, "country"))
    for code in countries:
        if not _ISO2.match(code):
            raise BadQuery("country", f"{code!r} is not a two-letter ISO 3166-1 code such as NL")
    if countries:
        known = set(Country.objects.filter(iso2__in=countries).values_list("iso2", flat=True))
        for code in countries:
            if code not in known:
                raise BadQuery("country", f"no country has the code {code!r}")

    regions = _values(params, "region")
    if regions:
        known = set()
        for row in Country.objects.values_list("region_name", "subregion_name", "intermediate_region_name").distinct():
            known.update(row)
        for name in regions:
            if name not in known:
                raise BadQuery("region", f"{name!r} is not an M49 region, sub-region or intermediate region")

    models = _values(params, "model")
    if models:
        known = set(OrganisingModel.objects.visible_to(user).filter(key__in=models).values_list("key", flat=True))
        for key in models:
            if key not in known:
                raise BadQuery("model", f"no organising model has the key {key!r}")

    decades = []
    for value in _values(params, "decade"):
        if not _DECADE.match(value):
            raise BadQuery("decade", f"{value!r} is not a decade: give its first year, such as 1980")
        decades.append(int(value))

    return SearchRequest(
        query=query,
        filters=Filters(types=types, countries=countries, regions=regions, models=models, decades=tuple(decades)),
    )
