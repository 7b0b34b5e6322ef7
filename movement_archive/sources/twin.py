"""What the source pages say as JSON: read once here, for the pages' JSON twins and for the API alike.

The sources come through ``queries`` (``visible_to``) and ``record_for_page``; the description, address and file of
a source listed with its metadata only are withheld on the instance (``access.withholding``), so every form of the
page says the same. These functions only put what the page shows into plain JSON-ready values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from movement_archive.access.pages import record_for_page
from movement_archive.access.withholding import withhold
from movement_archive.core import twins
from movement_archive.core.dates import date_in_words
from movement_archive.redaction.text import shown_text

from .models import Source
from .queries import people_and_publishers, read_kind, source_listing, what_source_supports


def _url(request: HttpRequest, path: str | None) -> str | None:
    return request.build_absolute_uri(path) if path else None


def summary(request: HttpRequest, source: Source) -> dict[str, Any]:
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


@dataclass
class Listing:
    kind: str
    page: Any  # a Django paginator page of sources


def list_page(request: HttpRequest) -> Listing:
    """The page of sources the query string asks for; raises BadQuery naming a bad parameter."""
    kind = read_kind(request.GET)
    return Listing(kind, twins.paginate(request, source_listing(request.user, kind)))


def list_data(request: HttpRequest, listing: Listing, *, json: bool = True) -> dict[str, Any]:
    return twins.list_data(request, listing.page, lambda source: summary(request, source), json=json)


@dataclass
class SourcePage:
    source: Source
    groups: list  # what the source supports, by kind of record (``queries.what_source_supports``)


def detail_page(user, key: str, *, what: str = "page") -> SourcePage:
    """The source's page as this reader may see it: Http404, or Gone for a withdrawn source."""
    visible = Source.objects.visible_to(user).prefetch_related(*people_and_publishers(user))
    source = record_for_page(user, visible, key, what=what)
    withhold(source, user, ("description", "url", "file_name"))
    return SourcePage(source, what_source_supports(source, user))


def detail_data(request: HttpRequest, page: SourcePage) -> dict[str, Any]:
    source = page.source
    return {
        **summary(request, source),
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
            for group in page.groups
        },
    }
