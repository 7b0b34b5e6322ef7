"""What the people pages say as JSON: read once here, for the pages' JSON twins and for the API alike.

The people come through ``visible_to`` and ``record_for_page``, and ``person_page`` withholds what a reader may not
read (a metadata-only biography, the real name behind a pseudonym); names are always ``shown_name``. These
functions only put that into plain JSON-ready values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from movement_archive.access.pages import record_for_page
from movement_archive.core import twins
from movement_archive.redaction.text import shown_text
from movement_archive.sources.citations import citation_data

from .models import Person
from .queries import PeopleFilters, PersonPage, people_listing, period_in_words, person_page, read_filters


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


@dataclass
class Listing:
    filters: PeopleFilters
    page: Any  # a Django paginator page of people


def list_page(request: HttpRequest) -> Listing:
    """The page of people the query string asks for; raises BadQuery naming a bad parameter."""
    filters = read_filters(request.GET, request.user)
    return Listing(filters, twins.paginate(request, people_listing(request.user, filters)))


def list_data(request: HttpRequest, listing: Listing, *, json: bool = True) -> dict[str, Any]:
    return {
        "filters": listing.filters.as_query(),
        **twins.list_data(request, listing.page, lambda person: list_item(request, person), json=json),
    }


def list_item(request: HttpRequest, person: Person) -> dict[str, Any]:
    return {
        "key": person.key,
        "url": _url(request, person),
        "name": person.shown_name,
        "roles": [r.tag.name for r in person.roles_by_name],
        "countries": [_country(request, c) for c in person.countries_by_name],
        "affiliations": [_affiliation(request, a) for a in person.visible_affiliations],
    }


def detail_page(user, key: str, *, what: str = "page") -> PersonPage:
    """The person's page as this reader may see it: Http404, or Gone for a withdrawn person (``record_for_page``)."""
    # Drafts and hidden people are not in visible_to(), so they are a plain 404.
    return person_page(record_for_page(user, Person.objects.visible_to(user), key, what=what), user)


def detail_data(request: HttpRequest, page: PersonPage) -> dict[str, Any]:
    person = page.person
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
