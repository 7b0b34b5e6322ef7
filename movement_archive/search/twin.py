"""What the search page says as JSON: read once here, for the page's JSON twin and for the API alike.

``queries.search`` finds only what the reader may see (each kind through its ``visible_to``) and makes snippets only
from what the reader may read; these functions only put the hits into plain JSON-ready values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from movement_archive.core import twins

from . import queries
from .filters import SearchRequest, read_search

PAGE_SIZE = 20


@dataclass
class Listing:
    asked: SearchRequest
    results: queries.Results
    page: Any  # a Django paginator page of ``queries.Hit``


def list_page(request: HttpRequest) -> Listing:
    """The page of results the query string asks for; raises BadQuery naming a bad parameter. No text, no results."""
    asked = read_search(request.GET, request.user)
    results = queries.search(request.user, asked.query, asked.filters) if asked.query else queries.Results([])
    return Listing(asked, results, twins.paginate(request, results.hits, per_page=PAGE_SIZE))


def list_data(request: HttpRequest, listing: Listing, *, json: bool = True) -> dict[str, Any]:
    listed = twins.list_data(request, listing.page, lambda hit: item(request, hit), json=json)
    # Whether the order is by relevance, and whether more records may match than are listed.
    return {**listed, "ranked": listing.results.ranked, "complete": not listing.results.capped}


def item(request: HttpRequest, hit: queries.Hit) -> dict[str, Any]:
    return {
        "type": hit.type,
        "key": hit.ref,
        "title": hit.title,
        "url": twins.absolute(request, hit.url),
        "snippet": hit.snippet.text,
    }
