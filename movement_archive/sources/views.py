"""The sources behind the archive: a list, and a page for each showing everything it supports; each with a JSON twin."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from movement_archive.access.pages import record_for_page
from movement_archive.access.withholding import withhold
from movement_archive.core import twins
from movement_archive.core.dates import date_in_words
from movement_archive.redaction.text import shown_text

from .models import Source
from .queries import people_and_publishers, read_kind, source_listing, what_source_supports


def _json_twin(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["format"] = "json"
    return f"?{query.urlencode()}"


def _url(request: HttpRequest, path: str | None) -> str | None:
    return request.build_absolute_uri(path) if path else None


def _summary(request: HttpRequest, source: Source) -> dict[str, Any]:
    """What the list and the page both say about a source."""
    return {
        "key": source.key,
        "url": _url(request, source.get_absolute_url()),
        "title": source.title,
        "kind": source.kind,
        "kind_label": str(source.get_kind_display()),
        "date": source.date,
        "date_in_words": date_in_words(source.date),
        "publishers": [
            {"key": o.key, "name": o.name, "url": _url(request, o.get_absolute_url())}
            for o in source.visible_publishers
        ],
        "authors": [
            {"key": p.key, "name": p.shown_name, "url": _url(request, p.get_absolute_url())}
            for p in source.visible_authors
        ],
    }


def source_list(request: HttpRequest) -> HttpResponse:
    try:
        kind = read_kind(request.GET)
        page = twins.paginate(request, source_listing(request.user, kind))
    except twins.BadQuery as error:
        return twins.bad_query(request, error)
    context = {
        "page": page,
        "kind": kind,
        "kinds": Source.Kind.choices,
        "previous_url": twins.page_url(request, page.previous_page_number() if page.has_previous() else None),
        "next_url": twins.page_url(request, page.next_page_number() if page.has_next() else None),
        "json_twin": _json_twin(request),
    }
    return twins.respond(
        request,
        "sources/source_list.html",
        context,
        lambda: twins.list_data(request, page, lambda source: _summary(request, source)),
    )


def source_detail(request: HttpRequest, key: str) -> HttpResponse:
    visible = Source.objects.visible_to(request.user).prefetch_related(*people_and_publishers(request.user))
    source = record_for_page(request.user, visible, key)
    withhold(source, request.user, ("description", "url", "file_name"))
    groups = what_source_supports(source, request.user)

    def data() -> dict[str, Any]:
        return {
            **_summary(request, source),
            "description": shown_text(source.description, request.user),
            "content_withheld": source.content_withheld,
            "address": source.url,
            "file": source.file_name,
            "supports": {
                group.key: [
                    {
                        "kind": item.kind,
                        "key": item.key,
                        "label": item.label,
                        "url": _url(request, item.url),
                        "record": item.parent,
                        "citations": [{"locator": c.locator, "supports": c.supports} for c in item.citations],
                    }
                    for item in group.items
                ]
                for group in groups
            },
        }

    context = {"source": source, "groups": groups, "json_twin": "?format=json"}
    return twins.respond(request, "sources/source_detail.html", context, data)
