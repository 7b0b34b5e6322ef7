"""The directory's filters, read from the query string; every unusable value is a BadQuery naming its parameter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from django.http import QueryDict

from movement_archive.core.twins import BadQuery

from .models import Organisation
from .queries import SORTS

ISO2 = re.compile(r"^[A-Za-z]{2}$")
DECADE = re.compile(r"^[1-9]\d{2}0$")  # 1000 to 9990: the calendar has no year 0


@dataclass(frozen=True)
class Filters:
    """The filters a reader chose, checked. Each is a tuple: several values of one parameter mean any of them."""

    country: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    model: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    scope: tuple[str, ...] = ()
    decade: tuple[int, ...] = ()
    status: tuple[str, ...] = ()
    sort: str = "name"

    NAMES: ClassVar[tuple[str, ...]] = ("country", "region", "model", "kind", "scope", "decade", "status")

    @property
    def active(self) -> bool:
        """Whether any filter narrows the list (the sort order does not)."""
        return any(getattr(self, name) for name in self.NAMES)

    def query(self) -> dict[str, Any]:
        """Keyword arguments for ``queries.organisation_list``."""
        return {
            "countries": self.country,
            "regions": self.region,
            "models": self.model,
            "kinds": self.kind,
            "scopes": self.scope,
            "decades": self.decade,
            "statuses": self.status,
            "sort": self.sort,
        }


def _values(params: QueryDict, name: str) -> tuple[str, ...]:
    # The form sends every select, with an empty value for "any": an empty value is no filter at all.
    return tuple(dict.fromkeys(v.strip() for v in params.getlist(name) if v.strip()))


def _choice(params: QueryDict, name: str, choices: type) -> tuple[str, ...]:
    values = _values(params, name)
    for value in values:
        if value not in choices.values:
            raise BadQuery(name, f"{value!r} is not one of {', '.join(choices.values)}")
    return values


def read_filters(params: QueryDict, user) -> Filters:
    """Check the directory's parameters; a few small queries to look up countries, regions and models.

    Raises BadQuery for a value no organisation could ever match: a country code that names no country, a
    region that is not an M49 name, an unknown organising model, a kind, scope or status that does not
    exist, a decade that is not a year ending in 0, an unknown sort order.
    """
    from movement_archive.organising.models import OrganisingModel
    from movement_archive.places.models import Country

    countries = tuple(code.upper() for code in _values(params, "country"))
    for code in countries:
        if not ISO2.match(code):
            raise BadQuery("country", f"{code!r} is not a two-letter ISO 3166-1 code such as NL")
    if countries:
        known = set(Country.objects.filter(iso2__in=countries).values_list("iso2", flat=True))
        for code in countries:
            if code not in known:
                raise BadQuery("country", f"no country has the code {code!r}")

    regions = _values(params, "region")
    for name in regions:
        if not Country.objects.in_region(name).exists():
            raise BadQuery("region", f"{name!r} is not the name of an M49 region, sub-region or intermediate region")

    models = _values(params, "model")
    if models:
        known = set(OrganisingModel.objects.visible_to(user).filter(key__in=models).values_list("key", flat=True))
        for key in models:
            if key not in known:
                raise BadQuery("model", f"no organising model has the key {key!r}")

    decades = []
    for value in _values(params, "decade"):
        if not DECADE.match(value):
            raise BadQuery("decade", f"{value!r} is not a decade: give its first year, such as 1980")
        decades.append(int(value))

    sort = params.get("sort", "").strip() or "name"
    if sort not in SORTS:
        raise BadQuery("sort", f"{sort!r} is not one of {', '.join(SORTS)}")

    return Filters(
        country=countries,
        region=regions,
        model=models,
        kind=_choice(params, "kind", Organisation.Kind),
        scope=_choice(params, "scope", Organisation.Scope),
        decade=tuple(decades),
        status=_choice(params, "status", Organisation.Status),
        sort=sort,
    )
