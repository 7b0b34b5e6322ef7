"""The public pages of organisations: the directory with its filters, and one page per organisation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from movement_archive.core import twins

from . import jsonld, queries, twin
from .models import Organisation


def _json_twin(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["format"] = "json"
    return f"?{query.urlencode()}"


def organisation_list(request: HttpRequest) -> HttpResponse:
    try:
        listing = twin.list_page(request)
    except twins.BadQuery as error:
        return twins.bad_query(request, error)
    page = listing.page
    context: dict[str, Any] = {"page": page, "filters": listing.filters, "json_twin": _json_twin(request)}
    if not twins.wants_json(request):
        context["choices"] = queries.list_choices(request.user)
        context["kinds"] = Organisation.Kind.choices
        context["scopes"] = Organisation.Scope.choices
        context["statuses"] = Organisation.Status.choices
        context["previous_url"] = twins.page_url(request, page.previous_page_number()) if page.has_previous() else None
        context["next_url"] = twins.page_url(request, page.next_page_number()) if page.has_next() else None
    return twins.respond(request, "organisations/list.html", context, lambda: twin.list_data(request, listing))


def organisation_detail(request: HttpRequest, key: str) -> HttpResponse:
    page = twin.detail_page(request.user, key)
    organisation = page.organisation
    for name in organisation.other_names.all():
        name.language_name = _language_name(name.language)
    context = {
        "organisation": organisation,
        "page": page,
        "founded_iso": jsonld.plain_date(organisation.founded),
        "closed_iso": jsonld.plain_date(organisation.closed),
        # Safe to mark: script_text escapes every "<", so no value can end the <script> element early.
        "jsonld": mark_safe(jsonld.script_text(jsonld.organisation_jsonld(page, request))),
        "json_twin": "?format=json",
    }
    return twins.respond(request, "organisations/detail.html", context, lambda: twin.detail_data(request, page))


def _language_name(code: str) -> str:
    if not code:
        return ""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code
