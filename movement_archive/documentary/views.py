"""The documentary series: its episodes, credits and showing, and a page for each episode; each with a JSON twin."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from movement_archive.core import twins

from . import jsonld, twin


def _json_twin(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["format"] = "json"
    return f"?{query.urlencode()}"


def episode_list(request: HttpRequest) -> HttpResponse:
    try:
        listing = twin.list_page(request)
    except twins.BadQuery as error:
        return twins.bad_query(request, error)
    context = {
        "series": listing.series,
        "page": listing.page,
        "credits": listing.credits,
        "conference": listing.conference,
        "conference_url": listing.conference_url,
        "json_twin": _json_twin(request),
    }
    return twins.respond(request, "documentary/episode_list.html", context, lambda: twin.list_data(request, listing))


def episode_detail(request: HttpRequest, number: int) -> HttpResponse:
    page = twin.detail_page(request.user, number)
    context = {
        "episode": page.episode,
        "series": page.episode.series,
        "page": page,
        "jsonld": jsonld.as_script(jsonld.episode_data(page, request)),
        "json_twin": "?format=json",
    }
    return twins.respond(request, "documentary/episode_detail.html", context, lambda: twin.detail_data(request, page))
