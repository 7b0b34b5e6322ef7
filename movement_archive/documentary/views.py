"""The documentary series: its episodes, credits and showing, and a page for each episode; each with a JSON twin."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import Truncator

from movement_archive.core import twins
from movement_archive.core.citations import attach_citations, citation_data
from movement_archive.redaction.text import shown_text, withheld_text

from . import jsonld
from .models import Credit, Episode
from .queries import conference_of, credits_of, episode_listing, episode_page, episodes_of, the_series

EXCERPT_WORDS = 30


def _json_twin(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["format"] = "json"
    return f"?{query.urlencode()}"


def _url(request: HttpRequest, obj) -> str:
    return request.build_absolute_uri(obj.get_absolute_url())


def _named(request: HttpRequest, obj) -> dict[str, str] | None:
    return {"key": obj.key, "name": getattr(obj, "shown_name", obj.name), "url": _url(request, obj)} if obj else None


def _country(request: HttpRequest, country) -> dict[str, str]:
    return {"iso2": country.iso2, "name": country.name, "url": _url(request, country)}


def _credit(request: HttpRequest, credit: Credit) -> dict[str, Any]:
    return {
        "role": credit.role,
        "role_label": str(credit.get_role_display()),
        "person": _named(request, credit.person),
        "organisation": _named(request, credit.organisation),
        # The source gives some credits as a heading with no name under it; the note says so.
        "names_nobody": credit.person is None and credit.organisation is None,
        "note": credit.note,
        "citations": citation_data(credit.cited, request),
    }


def episode_list(request: HttpRequest) -> HttpResponse:
    series = the_series(request.user)
    try:
        page = twins.paginate(request, episode_listing(series, request.user))
    except twins.BadQuery as error:
        return twins.bad_query(request, error)
    for episode in page.object_list:
        # An excerpt is shown alike to every reader: redacted words are markers in it, even for editors.
        episode.excerpt = Truncator(withheld_text(episode.summary)).words(EXCERPT_WORDS)
    credits = credits_of(series, request.user) if series else []
    conference = conference_of(series, request.user) if series else None
    conference_url = reverse("events:detail", args=[conference.key]) if conference else None
    if series:
        attach_citations([series], request.user)

    def item(episode: Episode) -> dict[str, Any]:
        return {
            "number": episode.number,
            "url": _url(request, episode),
            "title": episode.title,
            "countries": [_country(request, c) for c in episode.countries.all()],
            "summary_excerpt": episode.excerpt,
        }

    def data() -> dict[str, Any]:
        series_data = None
        if series:
            series_data = {
                "key": series.key,
                "url": request.build_absolute_uri(request.path),
                "title": series.title,
                "description": series.description,
                "interview_count": series.interview_count,
                "country_count": series.country_count,
                "conference": {
                    "key": conference.key,
                    "title": conference.title,
                    "date": conference.date,
                    "url": request.build_absolute_uri(conference_url),
                }
                if conference
                else None,
                "credits": [_credit(request, credit) for credit in credits],
                "citations": citation_data(series.cited, request),
            }
        return {"series": series_data, **twins.list_data(request, page, item)}

    context = {
        "series": series,
        "page": page,
        "credits": credits,
        "conference": conference,
        "conference_url": conference_url,
        "json_twin": _json_twin(request),
    }
    return twins.respond(request, "documentary/episode_list.html", context, data)


def episode_detail(request: HttpRequest, number: int) -> HttpResponse:
    series = the_series(request.user)
    if series is None:
        raise Http404("No series is published.")
    episode = get_object_or_404(episodes_of(series, request.user), number=number)
    episode.series = series  # already read: spares a query wherever the page names the series
    page = episode_page(episode, request.user)

    def neighbour(other: Episode | None) -> dict[str, Any] | None:
        if other is None:
            return None
        return {"number": other.number, "title": other.title, "url": _url(request, other)}

    def data() -> dict[str, Any]:
        return {
            "number": episode.number,
            "url": _url(request, episode),
            "title": episode.title,
            "series": {
                "key": series.key,
                "title": series.title,
                "url": request.build_absolute_uri(reverse("documentary:list")),
            },
            "summary": shown_text(episode.summary, request.user),
            "countries": [_country(request, c) for c in page.countries],
            "people": [_named(request, person) for person in page.people],
            "organisations": [_named(request, organisation) for organisation in page.organisations],
            "citations": citation_data(episode.cited, request),
            "previous": neighbour(page.previous),
            "next": neighbour(page.next),
        }

    context = {
        "episode": episode,
        "series": series,
        "page": page,
        "jsonld": jsonld.as_script(jsonld.episode_data(page, request)),
        "json_twin": "?format=json",
    }
    return twins.respond(request, "documentary/episode_detail.html", context, data)
