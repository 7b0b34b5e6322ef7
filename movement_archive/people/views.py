"""The people of the movement: a list to browse and filter, and a page for each person, each with a JSON twin."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from movement_archive.access.pages import record_for_page
from movement_archive.core import twins
from movement_archive.core.citations import citation_data
from movement_archive.redaction.text import shown_text

from . import jsonld
from .models import Person
from .queries import filter_choices, people_listing, period_in_words, person_page, read_filters


def _json_twin(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["format"] = "json"
    return f"?{query.urlencode()}"


def _url(request: HttpRequest, obj) -> str:
    return request.build_absolute_uri(obj.get_absolute_url())


def _country(request: HttpRequest, country) -> dict[str, str]:
    return {"iso2": country.iso2, "name": country.name, "url": _url(request, country)}


def _organisation(request: HttpRequest, organisation) -> dict[str, str]:
    return {"key": organisation.key, "name": organisation.name, "url": _url(request, organisation)}


def _affiliation(request: HttpRequest, affiliation, citations: bool = False) -> dict[str, Any]:
    data = {
        "organisation": _organisation(request, affiliation.organisation),
        "role": affiliation.role,
        "start": affiliation.start,
        "end": affiliation.end,
        "period": period_in_words(affiliation.start, affiliation.end),
    }
    if citations:
        data["citations"] = citation_data(affiliation.cited, request)
    return data


def person_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = read_filters(request.GET, request.user)
        page = twins.paginate(request, people_listing(request.user, filters))
    except twins.BadQuery as error:
        return twins.bad_query(request, error)

    def item(person: Person) -> dict[str, Any]:
        return {
            "key": person.key,
            "url": _url(request, person),
            "name": person.shown_name,
            "roles": [r.tag.name for r in person.roles_by_name],
            "countries": [_country(request, c) for c in person.countries_by_name],
            "affiliations": [_affiliation(request, a) for a in person.visible_affiliations],
        }

    choices = filter_choices(request.user)
    context = {
        "page": page,
        "filters": filters,
        "countries": choices.countries,
        "roles": choices.roles,
        "previous_url": twins.page_url(request, page.previous_page_number() if page.has_previous() else None),
        "next_url": twins.page_url(request, page.next_page_number() if page.has_next() else None),
        "json_twin": _json_twin(request),
    }
    return twins.respond(
        request,
        "people/person_list.html",
        context,
        lambda: {"filters": filters.as_query(), **twins.list_data(request, page, item)},
    )


def person_detail(request: HttpRequest, key: str) -> HttpResponse:
    # Drafts and hidden people are not in visible_to(), so they are a plain 404.
    person = record_for_page(request.user, Person.objects.visible_to(request.user), key)
    page = person_page(person, request.user)

    def data() -> dict[str, Any]:
        return {
            "key": person.key,
            "url": _url(request, person),
            "name": person.shown_name,
            "other_names": page.other_names,
            "roles": page.roles,
            "content_withheld": page.withheld,
            **({"real_name": page.real_name} if page.real_name else {}),
            "biography": shown_text(page.biography, request.user),
            "countries": [_country(request, c) for c in page.countries],
            "affiliations": [_affiliation(request, a, citations=True) for a in page.affiliations],
            "events": [
                {
                    "key": e.key,
                    "url": _url(request, e),
                    "title": e.title,
                    "date": e.date,
                    "date_in_words": e.date_in_words(),
                }
                for e in page.events
            ],
            "episodes": [{"number": e.number, "url": _url(request, e), "title": e.title} for e in page.episodes],
            "credits": [
                {
                    "series": {
                        "key": c.series.key,
                        "title": c.series.title,
                        "url": request.build_absolute_uri(reverse("documentary:list")),
                    },
                    "role": c.role,
                    "role_label": str(c.get_role_display()),
                    "note": c.note,
                    "citations": citation_data(c.cited, request),
                }
                for c in page.credits
            ],
            "citations": citation_data(person.cited, request),
        }

    context = {
        "person": person,
        "page": page,
        "affiliations": [(a, period_in_words(a.start, a.end)) for a in page.affiliations],
        "jsonld": jsonld.as_script(jsonld.person_data(page, request)),
        "json_twin": "?format=json",
    }
    return twins.respond(request, "people/person_detail.html", context, data)
