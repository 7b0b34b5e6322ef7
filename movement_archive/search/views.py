"""The archive-wide search page and its JSON twin."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from movement_archive.core import twins

from . import queries, twin


def _json_twin(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["format"] = "json"
    return f"?{query.urlencode()}"


def search(request: HttpRequest) -> HttpResponse:
    try:
        listing = twin.list_page(request)
    except twins.BadQuery as error:
        return twins.bad_query(request, error)
    page = listing.page
    context: dict[str, Any] = {
        "query": listing.asked.query,
        "filters": listing.asked.filters,
        "results": listing.results,
        "page": page,
        "limit": queries.MAX_RESULTS,
        "json_twin": _json_twin(request),
    }
    if not twins.wants_json(request):
        context["choices"] = queries.form_choices(request.user)
        context["previous_url"] = twins.page_url(request, page.previous_page_number()) if page.has_previous() else None
        context["next_url"] = twins.page_url(request, page.next_page_number()) if page.has_next() else None
    return twins.respond(request, "search/search.html", context, lambda: twin.list_data(request, listing))
