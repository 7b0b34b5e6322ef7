"""The public pages of places: countries by region, one page per country and per region, and the world map."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from movement_archive.core import twins

from . import maps, queries, twin
from .models import Country

logger = logging.getLogger(__name__)

# Antarctica is left off the map: no organisation can be there, and it would take an eighth of the height.
OMITTED_FROM_MAP = frozenset({"010"})


# Countries by region -----------------------------------------------------------------------------------------


def place_list(request: HttpRequest) -> HttpResponse:
    rows = queries.countries_in_archive(request.user)
    context = {"groups": queries.group_by_region(rows), "count": len(rows), "json_twin": "?format=json"}
    return twins.respond(request, "places/list.html", context, lambda: twin.list_data(request, rows))


def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    if code != code.lower():
        country = get_object_or_404(Country, iso2=code.upper())
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(country.get_absolute_url() + (f"?{query}" if query else ""))
    page = twin.detail_page(request.user, code)
    context = {"page": page, "country": page.country, "json_twin": "?format=json"}
    return twins.respond(request, "places/country.html", context, lambda: twin.detail_data(request, page))


def region_detail(request: HttpRequest, slug: str) -> HttpResponse:
    every = queries.regions()
    region = every.get(slug)
    if region is None:
        raise Http404("No M49 region has this address.")
    page = queries.region_page(region, every, request.user)
    context = {"page": page, "region": region, "json_twin": "?format=json"}
    return twins.respond(request, "places/region.html", context, lambda: twin.region_data(request, page))


# The world map -----------------------------------------------------------------------------------------------


def world_atlas_path() -> Path:
    """The TopoJSON file of world boundaries: the setting, else where ``npm ci`` installs world-atlas."""
    default = Path(__file__).resolve().parents[2] / "node_modules" / "world-atlas" / "countries-110m.json"
    return Path(getattr(settings, "MOVEMENT_ARCHIVE_WORLD_ATLAS", default))


def _world() -> maps.WorldMap | None:
    """The projected boundaries, or None (with a warning in the log) when the file is missing or unreadable."""
    path = world_atlas_path()
    try:
        return maps.load(path, omit=OMITTED_FROM_MAP)
    except OSError as error:
        logger.warning(
            "The world map data is not installed (%s): run `npm ci`, or set MOVEMENT_ARCHIVE_WORLD_ATLAS.", error
        )
    except maps.TopologyError as error:
        logger.warning("The world map data cannot be read: %s", error)
    return None


@dataclass
class MapShape:
    d: str
    fill: str
    title: str
    url: str | None


def _map_rows(user) -> list[queries.CountryCounts]:
    """The table's rows: the countries with at least one organisation the reader may see, by name."""
    return [row for row in queries.countries_in_archive(user) if row.organisations]


def _map_context(request: HttpRequest, absolute_links: bool = False) -> dict[str, Any]:
    archive = queries.countries_in_archive(request.user)
    rows = [row for row in archive if row.organisations]
    label = ngettext(
        "World map shading the %(count)s country where the archive records organisations, darker for more. "
        "The table gives the same figures.",
        "World map shading the %(count)s countries where the archive records organisations, darker for more. "
        "The table gives the same figures.",
        len(rows),
    ) % {"count": len(rows)}
    world = _world()
    shapes = _shapes(request, world, archive, absolute_links) if world else []
    return {"rows": rows, "world": world, "shapes": shapes, "map_label": label, "legend": _legend()}


def _shapes(
    request: HttpRequest, world: maps.WorldMap, archive: list[queries.CountryCounts], absolute_links: bool
) -> list[MapShape]:
    """Each shape's fill, title and link. A shape links to its country's page when the archive holds records
    of that country; features with no id (Kosovo, Northern Cyprus, Somaliland in world-atlas) and countries
    the archive does not know are drawn, unlinked, so the map has no holes."""
    countries = queries.countries_by_m49()
    counts = {row.country.pk: row.organisations for row in archive}
    shapes = []
    for shape in world.shapes:
        country = countries.get(shape.id) if shape.id else None
        name = country.name if country else shape.name
        count = counts.get(country.pk, 0) if country else 0
        if count:
            title = ngettext("%(country)s: %(count)s organisation", "%(country)s: %(count)s organisations", count) % {
                "country": name,
                "count": count,
            }
        else:
            title = _("%(country)s: no organisations recorded") % {"country": name} if name else ""
        url = None
        if country and country.pk in counts:
            url = country.get_absolute_url()
            if absolute_links:
                url = twins.absolute(request, url)
        shapes.append(MapShape(shape.d, maps.SHADES[maps.shade(count)][2], title, url))
    return shapes


def _legend() -> list[dict[str, str]]:
    items = []
    for low, high, colour in maps.SHADES:
        if high == 0:
            label = _("none")
        elif high is None:
            label = _("%(count)s or more") % {"count": low}
        elif low == high:
            label = str(low)
        else:
            label = f"{low}–{high}"
        items.append({"label": label, "colour": colour})
    return items


def world_map(request: HttpRequest) -> HttpResponse:
    if twins.wants_json(request):
        rows = _map_rows(request.user)
        context: dict[str, Any] = {}
    else:
        context = _map_context(request)
        rows = context["rows"]
    context.update(json_twin="?format=json", outline=maps.OUTLINE)

    def data() -> dict[str, Any]:
        results = [
            {
                **twin.country_ref(request, row.country),
                "region": row.regions[-1].name if row.regions else "",
                "organisations": row.organisations,
            }
            for row in rows
        ]
        return {"count": len(results), "next": None, "previous": None, "results": results}

    return twins.respond(request, "places/map.html", context, data)


def world_map_svg(request: HttpRequest) -> HttpResponse:
    """The map alone, for embedding elsewhere: links are absolute so they work from any page."""
    context = _map_context(request, absolute_links=True)
    if context["world"] is None:
        return HttpResponse(_("The map data is not installed."), status=404, content_type="text/plain; charset=utf-8")
    context.update(standalone=True, outline=maps.OUTLINE)
    return render(request, "places/includes/world.svg", context, content_type="image/svg+xml; charset=utf-8")
