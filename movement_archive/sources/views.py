"""The sources behind the archive: a list, and a page for each showing everything it supports; each with a JSON twin."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from movement_archive.core import twins

from . import twin
from .models import Source


def _json_twin(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["format"] = "json"
    return f"?{query.urlencode()}"


def source_list(request: HttpRequest) -> HttpResponse:
    try:
        listing = twin.list_page(request)
    except twins.BadQuery as error:
        return twins.bad_query(request, error)
    page = listing.page
    context = {
        "page": page,
        "kind": listing.kind,
        "kinds": Source.Kind.choices,
        "previous_url": twins.page_url(request, page.previous_page_number() if page.has_previous() else None),
        "next_url": twins.page_url(request, page.next_page_number() if page.has_next() else None),
        "json_twin": _json_twin(request),
    }
    return twins.respond(request, "sources/source_list.html", context, lambda: twin.list_data(request, listing))


def source_detail(request: HttpRequest, key: str) -> HttpResponse:
    page = twin.detail_page(request.user, key)
    context = {"source": page.source, "groups": page.groups, "json_twin": "?format=json"}
    return twins.respond(request, "sources/source_detail.html", context, lambda: twin.detail_data(request, page))
