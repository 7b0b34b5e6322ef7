"""The endpoints of the read-only API: a list and a record of each kind, and the search.

Each endpoint asks the app's ``twin`` module, as the page's JSON twin does, for the same records (found through
``visible_to``, ``readable_by`` and ``record_for_page``, with withheld content already emptied) and the same JSON;
nothing here reads a field of a record. What the API adds is its own addresses: ``next`` and ``previous`` point to
API pages, and each item of a list carries ``api_url``, the address of its record in the API.

The parameters declared on each list (the ``Query`` schemas) document the query string for the OpenAPI schema;
the values used are those the twin's own reader checks in ``request.GET``, so the API accepts and refuses exactly
what the page does, with the same messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query

from movement_archive.core import twins
from movement_archive.documentary import twin as episodes
from movement_archive.events import twin as events
from movement_archive.interviews import twin as interviews
from movement_archive.organisations import twin as organisations
from movement_archive.organising import twin as organising
from movement_archive.people import twin as people
from movement_archive.places import queries as places_queries
from movement_archive.places import twin as places
from movement_archive.search import twin as search_twin
from movement_archive.sources import twin as sources

from . import schemas
from .api import api

# Who the audit of restricted material (``access.viewings``) says opened a record: the API, not a page.
AUDITED_AS = "api"
ERRORS = {400: schemas.Error, 404: schemas.Error, 410: schemas.Error}
LIST = {200: schemas.Page, **ERRORS}
RECORD = {200: dict[str, Any], **ERRORS}


def _absolute(request: HttpRequest, name: str, *args: Any) -> str:
    return request.build_absolute_uri(reverse(f"api:{name}", args=args))


def _linked(request: HttpRequest, data: dict[str, Any], name: str, field: str) -> dict[str, Any]:
    """``data`` with each result's address in the API added, from the field that identifies it."""
    for item in data["results"]:
        item["api_url"] = _absolute(request, name, item[field])
    return data


# The index -----------------------------------------------------------------------------------------------------

KINDS = ("organisations", "people", "events", "episodes", "interviews", "sources", "countries", "models")


@api.get("/", url_name="index", summary="The lists this API offers", response=dict[str, str])
def index(request: HttpRequest) -> dict[str, str]:
    return {
        **{kind: _absolute(request, kind) for kind in KINDS},
        "search": _absolute(request, "search"),
        "openapi": _absolute(request, "openapi-json"),
    }


# Organisations --------------------------------------------------------------------------------------------------


@api.get("/organisations", url_name="organisations", summary="Organisations, filtered", response=LIST)
def organisation_list(request: HttpRequest, filters: Query[schemas.OrganisationQuery]) -> dict[str, Any]:
    data = organisations.list_data(request, organisations.list_page(request), json=False)
    return _linked(request, data, "organisation", "key")


@api.get("/organisations/{key}", url_name="organisation", summary="An organisation", response=RECORD)
def organisation_detail(request: HttpRequest, key: str) -> dict[str, Any]:
    return organisations.detail_data(request, organisations.detail_page(request.user, key, what=AUDITED_AS))


# People ---------------------------------------------------------------------------------------------------------


@api.get("/people", url_name="people", summary="People, filtered", response=LIST)
def person_list(request: HttpRequest, filters: Query[schemas.PeopleQuery]) -> dict[str, Any]:
    return _linked(request, people.list_data(request, people.list_page(request), json=False), "person", "key")


@api.get("/people/{key}", url_name="person", summary="A person", response=RECORD)
def person_detail(request: HttpRequest, key: str) -> dict[str, Any]:
    return people.detail_data(request, people.detail_page(request.user, key, what=AUDITED_AS))


# Events ---------------------------------------------------------------------------------------------------------


@api.get("/events", url_name="events", summary="Events in time order, filtered", response=LIST)
def event_list(request: HttpRequest, filters: Query[schemas.TimelineQuery]) -> dict[str, Any]:
    return _linked(request, events.list_data(request, events.list_page(request), json=False), "event", "key")


@api.get("/events/{key}", url_name="event", summary="An event", response=RECORD)
def event_detail(request: HttpRequest, key: str) -> dict[str, Any]:
    return events.detail_data(request, events.detail_page(request.user, key, what=AUDITED_AS))


# Episodes -------------------------------------------------------------------------------------------------------


@api.get("/episodes", url_name="episodes", summary="The documentary series and its episodes", response=LIST)
def episode_list(request: HttpRequest, filters: Query[schemas.Paged]) -> dict[str, Any]:
    data = episodes.list_data(request, episodes.list_page(request), json=False)
    return _linked(request, data, "episode", "number")


@api.get("/episodes/{number}", url_name="episode", summary="An episode, by its number", response=RECORD)
def episode_detail(request: HttpRequest, number: int) -> dict[str, Any]:
    return episodes.detail_data(request, episodes.detail_page(request.user, number))


# Interviews -----------------------------------------------------------------------------------------------------


@api.get("/interviews", url_name="interviews", summary="Interviews", response=LIST)
def interview_list(request: HttpRequest, filters: Query[schemas.Paged]) -> dict[str, Any]:
    data = interviews.list_data(request, interviews.list_page(request), json=False)
    return _linked(request, data, "interview", "key")


@api.get("/interviews/{key}", url_name="interview", summary="An interview and its transcript", response=RECORD)
def interview_detail(request: HttpRequest, key: str, options: Query[schemas.InterviewQuery]) -> dict[str, Any]:
    language, beside = request.GET.get("language", ""), request.GET.get("beside", "")
    page = interviews.detail_page(request.user, key, language, beside, what=AUDITED_AS)
    return interviews.detail_data(request, page)


# Sources --------------------------------------------------------------------------------------------------------


@api.get("/sources", url_name="sources", summary="Sources, filtered", response=LIST)
def source_list(request: HttpRequest, filters: Query[schemas.SourceQuery]) -> dict[str, Any]:
    return _linked(request, sources.list_data(request, sources.list_page(request), json=False), "source", "key")


@api.get("/sources/{key}", url_name="source", summary="A source and what it supports", response=RECORD)
def source_detail(request: HttpRequest, key: str) -> dict[str, Any]:
    return sources.detail_data(request, sources.detail_page(request.user, key, what=AUDITED_AS))


# Countries ------------------------------------------------------------------------------------------------------


@api.get("/countries", url_name="countries", summary="Countries the archive holds records of", response=LIST)
def country_list(request: HttpRequest, filters: Query[schemas.Paged]) -> dict[str, Any]:
    # The page lists every country at once; the API pages them like every other list.
    page = twins.paginate(request, places_queries.countries_in_archive(request.user))
    data = twins.list_data(request, page, _each(request, places.country_row), json=False)
    return _linked(request, data, "country", "iso2")


@api.get("/countries/{code}", url_name="country", summary="A country, by its ISO 3166-1 code", response=RECORD)
def country_detail(request: HttpRequest, code: str) -> dict[str, Any]:
    return places.detail_data(request, places.detail_page(request.user, code))


# Organising models ----------------------------------------------------------------------------------------------


@api.get("/models", url_name="models", summary="The organising models", response=LIST)
def model_list(request: HttpRequest, filters: Query[schemas.Paged]) -> dict[str, Any]:
    return _linked(request, organising.list_data(request, organising.list_page(request), json=False), "model", "key")


@api.get("/models/{key}", url_name="model", summary="An organising model and who practised it", response=RECORD)
def model_detail(request: HttpRequest, key: str) -> dict[str, Any]:
    return organising.detail_data(request, organising.detail_page(request.user, key))


# Search ---------------------------------------------------------------------------------------------------------


@api.get("/search", url_name="search", summary="One search over every kind of record", response=LIST)
def search(request: HttpRequest, filters: Query[schemas.SearchQuery]) -> dict[str, Any]:
    return search_twin.list_data(request, search_twin.list_page(request), json=False)


def _each(request: HttpRequest, item: Callable[[HttpRequest, Any], dict]) -> Callable[[Any], dict]:
    return lambda obj: item(request, obj)
