"""Query-string readers for places: countries by ISO code and M49 regions, each checked against the table.

Beside the model they read; the readers for values that need no table are in ``core/filters.py``.
"""

from __future__ import annotations

import re
from collections import namedtuple

from django.http import QueryDict
from django.utils.translation import gettext as _

from movement_archive.core.filters import values
from movement_archive.core.twins import BadQuery

from .models import Country

# What a filter form lists, as plain values: forms keep their choices in the cache (``aggregates.kept``), and
# plain tuples cost far less to store and read back than model instances.
CountryChoice = namedtuple("CountryChoice", "iso2 name")

ISO2 = re.compile(r"^[A-Za-z]{2}$")


def countries(params: QueryDict, name: str = "country") -> tuple[str, ...]:
    """ISO 3166-1 alpha-2 codes, upper case, each naming a country of the reference table (one query)."""
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
