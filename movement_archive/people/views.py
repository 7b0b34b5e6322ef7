"""The people of the movement: a list to browse and filter, and a page for each person, each with a JSON twin."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from movement_archive.core import twins

from . import jsonld, twin
from .queries import filter_choices, period_in_words


def _json_twin(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["format"] = "json"
    return f"?{query.urlencode()}"


def person_list(request: HttpRequest) -> HttpResponse:
    try:
        listing = twin.list_page(request)
    except twins.BadQuery as error:
        return twins.bad_query(request, error)
    page = listing.page
    choices = filter_choices(request.user)
    context = {
        "page": page,
        "filters": listing.filters,
        "countries": choices.countries,
        "roles": choices.roles,
        "previous_url": twins.page_url(request, page.previous_page_number() if page.has_previous() else None),
        "next_url": twins.page_url(request, page.next_page_number() if page.has_next() else None),
        "json_twin": _json_twin(request),
    }
    return twins.respond(request, "people/person_list.html", context, lambda: twin.list_data(request, listing))


def person_detail(request: HttpRequest, key: str) -> HttpResponse:
    page = twin.detail_page(request.user, key)
    context = {
        "person": page.person,
        "page": page,
        "affiliations": [(a, period_in_words(a.start, a.end)) for a in page.affiliations],
        "jsonld": jsonld.as_script(jsonld.person_data(page, request)),
        "json_twin": "?format=json",
    }
    return twins.respond(request, "people/person_detail.html", context, lambda: twin.detail_data(request, page))
