"""The archive-wide search page and its JSON twin."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from movement_archive.core import twins

from . import queries
from .filters import read_search

PAGE_SIZE = 20


def _json_twin(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["format"] = "json"
    return f"?{query.urlencode()}"


def search(request: HttpRequest) -> HttpResponse:
    try:
        asked = read_search(request.GET, request.user)
        results = queries.search(request.user, asked.query, asked.filters) if asked.query else queries.Results([])
        page = twins.paginate(request, results.hits, per_page=PAGE_SIZE)
    except twins.BadQuery as error:
        return twins.bad_query(request, error)
    context: dict[str, Any] = {
        "query": asked.query,
        "filters": asked.filters,
        "results": results,
        "page": page,
        "limit": queries.MAX_RESULTS,
        "json_twin": _json_twin(request),
    }
    if not twins.wants_json(request):
        context["choices"] = queries.form_choices(request.user)
        context["previous_url"] = twins.page_url(request, page.previous_page_number()) if page.has_previous() else None
        context["next_url"] = twins.page_url(request, page.next_page_number()) if page.has_next() else None

    def data() -> dict[str, Any]:
        listed = twins.list_data(request, page, lambda hit: _item(request, hit))
        # Whether the order is by relevance, and whether more records may match than are listed.
        return {**listed, "ranked": results.ranked, "complete": not results.capped}

    return twins.respond(request, "search/search.html", context, data)


def _item(request: HttpRequest, hit: queries.Hit) -> dict[str, Any]:
    return {
        "type": hit.type,
        "key": hit.ref,
        "title": hit.title,
        "url": twins.absolute(request, hit.url),
        "snippet": hit.snippet.text,
    }
