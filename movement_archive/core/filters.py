"""Query-string filters shared by the directory, the timeline and search.

Each reader takes the request's parameters and returns the checked values, or raises BadQuery naming
the parameter and saying what is wrong. Several values of one parameter mean "any of them".
"""

from __future__ import annotations

import re
from collections import namedtuple

from django.http import QueryDict
from django.utils.translation import gettext as _

from .twins import BadQuery

# What a filter form lists, as plain values: forms keep their choices in the cache (``aggregates.kept``), and
# plain tuples cost far less to store and read back than model instances.
CountryChoice = namedtuple("CountryChoice", "iso2 name")
ModelChoice = namedtuple("ModelChoice", "key name")

ISO2 = re.compile(r"^[A-Za-z]{2}$")
DECADE = re.compile(r"^[1-9]\d{2}0$")  # 1000 to 9990: the calendar has no year 0


def values(params: QueryDict, name: str) -> tuple[str, ...]:
    """The distinct non-empty values of a parameter; the forms send an empty value for "any"."""
    return tuple(dict.fromkeys(v.strip() for v in params.getlist(name) if v.strip()))


def countries(params: QueryDict, name: str = "country") -> tuple[str, ...]:
    """ISO 3166-1 alpha-2 codes, upper case, each naming a country of the reference table (one query)."""
    from movement_archive.places.models import Country

    codes = tuple(code.upper() for code in values(params, name))
    for code in codes:
        if not ISO2.match(code):
            raise BadQuery(name, _("%(code)r is not a two-letter ISO 3166-1 code such as NL") % {"code": code})
    if codes:
        known = set(Country.objects.filter(iso2__in=codes).values_list("iso2", flat=True))
        for code in codes:
            if code not in known:
                raise BadQuery(name, _("no country has the code %(code)r") % {"code": code})
    return codes


def regions(params: QueryDict, name: str = "region") -> tuple[str, ...]:
    """UN M49 region, sub-region or intermediate-region names (one query)."""
    from movement_archive.places.models import Country

    names = values(params, name)
    if names:
        known: set[str] = set()
        for row in Country.objects.values_list("region_name", "subregion_name", "intermediate_region_name").distinct():
            known.update(row)
        for region in names:
            if region not in known:
                raise BadQuery(
                    name,
                    _("%(region)r is not the name of an M49 region, sub-region or intermediate region")
                    % {"region": region},
                )
    return names


def organising_models(params: QueryDict, user, name: str = "model") -> tuple[str, ...]:
    """Keys of organising models the reader may see (one query)."""
    from movement_archive.organising.models import OrganisingModel

    keys = values(params, name)
    if keys:
        known = set(OrganisingModel.objects.visible_to(user).filter(key__in=keys).values_list("key", flat=True))
        for key in keys:
            if key not in known:
                raise BadQuery(name, _("no organising model has the key %(key)r") % {"key": key})
    return keys


def decades(params: QueryDict, name: str = "decade") -> tuple[int, ...]:
    """First years of decades: 1980 for the 1980s."""
    found = []
    for value in values(params, name):
        if not DECADE.match(value):
            raise BadQuery(name, _("%(value)r is not a decade: give its first year, such as 1980") % {"value": value})
        found.append(int(value))
    return tuple(found)


def choices(params: QueryDict, name: str, allowed) -> tuple[str, ...]:
    """Values of a TextChoices (or any collection with the allowed values)."""
    allowed_values = list(getattr(allowed, "values", allowed))
    found = values(params, name)
    for value in found:
        if value not in allowed_values:
            raise BadQuery(
                name, _("%(value)r is not one of %(allowed)s") % {"value": value, "allowed": ", ".join(allowed_values)}
            )
    return found
