"""What the places pages say as JSON: read once here, for the pages' JSON twins and for the API alike.

Countries are reference data, open to everyone; what a country's page lists of organisations, people and events
comes through ``queries`` (``visible_to``), so a reader sees only the records they may know exist.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import urlencode

from movement_archive.core import twins
from movement_archive.core.dates import date_in_words

from . import queries
from .models import Country


def list_data(request: HttpRequest, rows: list[queries.CountryCounts]) -> dict[str, Any]:
    """Every country the archive holds records of, in one page (some two hundred at most), in the shape of every
    list all the same."""
    results = [country_row(request, row) for row in rows]
    return {"count": len(results), "next": None, "previous": None, "results": results}


def country_row(request: HttpRequest, row: queries.CountryCounts) -> dict[str, Any]:
    """A country of the list, with the number of records of each kind the reader may see there."""
    return {
        **country_ref(request, row.country),
        "regions": regions_data(request, row.regions),
        "organisations": row.organisations,
        "people": row.people,
        "events": row.events,
    }


def detail_page(user, code: str) -> queries.CountryPage:
    """The page of the country with this ISO 3166-1 alpha-2 code (in either case), or Http404."""
    return queries.country_page(get_object_or_404(Country, iso2=code.upper()), user)


def country_ref(request: HttpRequest, country: Country) -> dict[str, Any]:
    return {"iso2": country.iso2, "name": country.name, "url": twins.absolute(request, country.get_absolute_url())}


def region_ref(request: HttpRequest, region: queries.Region) -> dict[str, Any]:
    return {
        "slug": region.slug,
        "name": region.name,
        "level": region.level,
        "url": twins.absolute(request, region.get_absolute_url()),
    }


def regions_data(request: HttpRequest, regions: list[queries.Region]) -> list[dict[str, Any]]:
    return [region_ref(request, region) for region in regions]


def record_ref(request: HttpRequest, record, **fields) -> dict[str, Any]:
    return {"key": record.key, "url": twins.absolute(request, record.get_absolute_url()), **fields}


def detail_data(request: HttpRequest, page: queries.CountryPage) -> dict[str, Any]:
    c = page.country
    return {
        **country_ref(request, c),
        "iso3": c.iso3,
        "m49": c.m49,
        "regions": regions_data(request, page.regions),
        # The first records of each kind; the counts say how many there are in all.
        "organisations": [
            record_ref(request, o, name=o.name, acronym=o.acronym, kind=o.kind, founded=o.founded)
            for o in page.organisations
        ],
        "organisation_count": page.organisations.count,
        "people": [record_ref(request, p, name=p.shown_name) for p in page.people],
        "person_count": page.people.count,
        "events": [
            record_ref(request, e, title=e.title, kind=e.kind, date=e.date, date_words=date_in_words(e.date))
            for e in page.events
        ],
        "event_count": page.events.count,
        "locality_count": page.localities.count,
        "localities": [
            {
                "key": loc.key,
                "name": loc.name,
                "kind": loc.kind,
                "latitude": None if loc.latitude is None else float(loc.latitude),
                "longitude": None if loc.longitude is None else float(loc.longitude),
            }
            for loc in page.localities
        ],
        "episodes": [
            {"number": e.number, "title": e.title, "url": twins.absolute(request, e.get_absolute_url())}
            for e in page.episodes
        ],
    }


def region_data(request: HttpRequest, page: queries.RegionPage) -> dict[str, Any]:
    return {
        **region_ref(request, page.region),
        "within": regions_data(request, page.region.parents()),
        "subregions": regions_data(request, page.subregions),
        "countries": [
            {
                **country_ref(request, country),
                "organisation_count": country.organisation_count,
                "organisations_url": twins.absolute(
                    request, f"{reverse('organisations:list')}?{urlencode({'country': country.iso2, 'format': 'json'})}"
                ),
            }
            for country in page.countries
        ],
    }
