"""Query-string readers shared by the directory, the timeline and search, for values that need no table.

Each reader takes the request's parameters and returns the checked values, or raises BadQuery naming
the parameter and saying what is wrong. Several values of one parameter mean "any of them". Readers that
check values against a table sit beside its model (``places/filters.py``, ``organising/filters.py``).
"""

from __future__ import annotations

import re

from django.http import QueryDict
from django.utils.translation import gettext as _

from .twins import BadQuery

DECADE = re.compile(r"^[1-9]\d{2}0$")  # 1000 to 9990: the calendar has no year 0


def values(params: QueryDict, name: str) -> tuple[str, ...]:
    """The distinct non-empty values of a parameter; the forms send an empty value for "any"."""
    return tuple(dict.fromkeys(v.strip() for v in params.getlist(name) if v.strip()))


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
