"""The directory's filters, read from the query string; every unusable value is a BadQuery naming its parameter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from django.http import QueryDict
from django.utils.translation import gettext as _

from movement_archive.core import filters
from movement_archive.core.twins import BadQuery
from movement_archive.organising import filters as organising_filters
from movement_archive.places import filters as place_filters

from .models import Organisation
from .queries import SORTS


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

    def key(self) -> str:
        """The filters as a stable text, the sort order left out: what a count of the list depends on."""
        return "&".join(f"{name}={','.join(map(str, sorted(getattr(self, name))))}" for name in self.NAMES)

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


def read_filters(params: QueryDict, user) -> Filters:
    """Check the directory's parameters; a few small queries to look up countries, regions and models.

    Raises BadQuery for a value no organisation could ever match: a country code that names no country, a
    region that is not an M49 name, an unknown organising model, a kind, scope or status that does not
    exist, a decade that is not a year ending in 0, an unknown sort order.
    """
    sort = params.get("sort", "").strip() or "name"
    if sort not in SORTS:
        raise BadQuery("sort", _("%(value)r is not one of %(allowed)s") % {"value": sort, "allowed": ", ".join(SORTS)})

    return Filters(
        country=place_filters.countries(params),
        region=place_filters.regions(params),
        model=organising_filters.organising_models(params, user),
        kind=filters.choices(params, "kind", Organisation.Kind),
        scope=filters.choices(params, "scope", Organisation.Scope),
        decade=filters.decades(params),
        status=filters.choices(params, "status", Organisation.Status),
        sort=sort,
    )
