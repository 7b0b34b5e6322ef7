"""The seven organising models: a list, and a page for each with who practises it and how that changed."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from movement_archive.core import twins

from . import twin


def _json_twin(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["format"] = "json"
    return f"?{query.urlencode()}"


def model_list(request: HttpRequest) -> HttpResponse:
    try:
        page = twin.list_page(request)
    except twins.BadQuery as error:
        return twins.bad_query(request, error)
    context = {"page": page, "json_twin": _json_twin(request)}
    return twins.respond(request, "organising/model_list.html", context, lambda: twin.list_data(request, page))


def model_detail(request: HttpRequest, key: str) -> HttpResponse:
    page = twin.detail_page(request.user, key)
    context = {
        "model": page.model,
        "practices": page.periods,
        "practitioners": page.practitioners,
        "directory_url": page.directory_url,
        "table": page.table,
        "json_twin": "?format=json",
    }
    return twins.respond(request, "organising/model_detail.html", context, lambda: twin.detail_data(request, page))
