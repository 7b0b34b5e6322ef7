"""What the documentary pages say as JSON: read once here, for the pages' JSON twins and for the API alike.

The series, its episodes and everything they name come through ``queries`` (``visible_to``); these functions only
put what the pages show into plain JSON-ready values. People are named by ``shown_name``, never their record's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import Truncator

from movement_archive.core import twins
from movement_archive.events.models import Event
from movement_archive.redaction.text import shown_text, withheld_text
from movement_archive.sources.citations import attach_citations, citation_data

from .models import Credit, Episode, Series
from .queries import EpisodePage, conference_of, credits_of, episode_listing, episode_page, episodes_of, the_series

EXCERPT_WORDS = 30


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


# The series and its episodes ----------------------------------------------------------------------------------


@dataclass
class Listing:
    series: Series | None
    page: Any  # a Django paginator page of episodes, each with ``excerpt``
    credits: list[Credit] = field(default_factory=list)
    conference: Event | None = None
    conference_url: str | None = None


def list_page(request: HttpRequest) -> Listing:
    """The series and the page of its episodes the query string asks for; raises BadQuery for a bad page."""
    series = the_series(request.user)
    page = twins.paginate(request, episode_listing(series, request.user))
    for episode in page.object_list:
        # An excerpt is shown alike to every reader: redacted words are markers in it, even for editors.
        episode.excerpt = Truncator(withheld_text(episode.summary)).words(EXCERPT_WORDS)
    credits = credits_of(series, request.user) if series else []
    conference = conference_of(series, request.user) if series else None
    conference_url = reverse("events:detail", args=[conference.key]) if conference else None
    if series:
        attach_citations([series], request.user)
    return Listing(series, page, credits, conference, conference_url)


def list_item(request: HttpRequest, episode: Episode) -> dict[str, Any]:
    return {
        "number": episode.number,
        "url": _url(request, episode),
        "title": episode.title,
        "countries": [_country(request, c) for c in episode.countries.all()],
        "summary_excerpt": episode.excerpt,
    }


def list_data(request: HttpRequest, listing: Listing, *, json: bool = True) -> dict[str, Any]:
    series, conference = listing.series, listing.conference
    series_data = None
    if series:
        series_data = {
            "key": series.key,
            # The episodes page is the series' page (in the language of the request, as every address here).
            "url": request.build_absolute_uri(reverse("documentary:list")),
            "title": series.title,
            "description": series.description,
            "interview_count": series.interview_count,
            "country_count": series.country_count,
            "conference": {
                "key": conference.key,
                "title": conference.title,
                "date": conference.date,
                "url": request.build_absolute_uri(listing.conference_url),
            }
            if conference
            else None,
            "credits": [_credit(request, credit) for credit in listing.credits],
            "citations": citation_data(series.cited, request),
        }
    items = twins.list_data(request, listing.page, lambda episode: list_item(request, episode), json=json)
    return {"series": series_data, **items}


# An episode ---------------------------------------------------------------------------------------------------


def detail_page(user, number: int) -> EpisodePage:
    """The episode of the series with this number, as this reader may see it, or Http404."""
    series = the_series(user)
    if series is None:
        raise Http404("No series is published.")
    episode = get_object_or_404(episodes_of(series, user), number=number)
    episode.series = series  # already read: spares a query wherever the page names the series
    return episode_page(episode, user)


def _neighbour(request: HttpRequest, other: Episode | None) -> dict[str, Any] | None:
    if other is None:
        return None
    return {"number": other.number, "title": other.title, "url": _url(request, other)}


def detail_data(request: HttpRequest, page: EpisodePage) -> dict[str, Any]:
    episode = page.episode
    series = episode.series
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
        "previous": _neighbour(request, page.previous),
        "next": _neighbour(request, page.next),
    }
