"""The timeline and the event pages, each with its JSON twin."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.safestring import mark_safe

from movement_archive.core import twins

from . import queries, twin
from .jsonld import as_script_text, event_jsonld
from .models import Event


def _json_twin(request: HttpRequest) -> str:
    """The address of this page's JSON twin, keeping the reader's filters."""
    query = request.GET.copy()
    query["format"] = "json"
    return f"?{query.urlencode()}"


# The timeline -------------------------------------------------------------------------------------------------


def timeline(request: HttpRequest) -> HttpResponse:
    """The chronology of visible events, filtered and a page at a time, grouped by decade then year.

    The JSON twin is a list like every other: ``count``, ``next``, ``previous`` and ``results``, plus the
    ``filters`` applied (as in the query string). Each result is an event, in chronological order, with the
    grouping the page shows: ``decade`` (1980: where the event sorts, so "by 2016" is in 2010) and ``year``
    (null when the sources date it to no single year), and ``disagrees_with``, the visible events the sources
    set against it.

    Queries: those of ``twin.list_page``; after the first page, for the HTML, the last event of the previous page,
    and the form's choices (kept until the archive changes).
    """
    try:
        listing = twin.list_page(request)
    except twins.BadQuery as error:
        return twins.bad_query(request, error)
    filters, page = listing.filters, listing.page
    context = {"filters": filters, "page": page, "json_twin": _json_twin(request)}
    if not twins.wants_json(request):
        context.update(_timeline_page(request, filters, page))
    return twins.respond(request, "events/timeline.html", context, lambda: twin.list_data(request, listing))


def _timeline_page(request: HttpRequest, filters: queries.TimelineFilters, page) -> dict:
    """What the HTML page adds to the list: the form's choices, the groups, and links to decades and pages."""
    choices = queries.timeline_choices(request.user)
    if filters.region and filters.region not in (choices.regions + choices.subregions + choices.intermediate_regions):
        # A real region without events: keep it selected in the form rather than silently offering "any".
        choices.regions.append(filters.region)
    # Only the event before the page is read, to say whether the page begins in the middle of a decade or year.
    before = queries.event_before(request.user, filters, page.object_list[0]) if page.has_previous() else None
    return {
        "choices": choices,
        "kinds": Event.Kind.choices,
        "decades": queries.by_decade(page.object_list, after=before),
        "decade_links": [
            {
                "decade": decade,
                "url": _timeline_address(request, {"from": str(decade), "to": str(decade)}),
                "current": filters.start == decade and filters.end == decade,
            }
            for decade in choices.decades
        ],
        "without_organisation": _timeline_address(request, {"organisation": None}),
        "previous_url": twins.page_url(request, page.previous_page_number()) if page.has_previous() else None,
        "next_url": twins.page_url(request, page.next_page_number()) if page.has_next() else None,
    }


def _timeline_address(request: HttpRequest, changes: dict[str, str | None]) -> str:
    """The timeline with the reader's filters but these ``changes`` (None removes one), from its first page."""
    query = QueryDict(mutable=True)
    for name, value in request.GET.lists():
        if name not in ("page", "format") and any(value):
            query.setlist(name, value)
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    return f"{request.path}?{query.urlencode()}" if query else request.path


# The event page -----------------------------------------------------------------------------------------------


def detail(request: HttpRequest, key: str) -> HttpResponse:
    page = twin.detail_page(request.user, key)
    event = page.event

    def absolute(path: str) -> str:
        return twins.absolute(request, path)

    context = {
        "event": event,
        "disagreements": page.disagreements,
        # Safe: as_script_text escapes every "<", so no value can end the script element (see jsonld.py).
        "jsonld": mark_safe(as_script_text(event_jsonld(event, absolute, request.user))),
        "json_twin": _json_twin(request),
    }
    return twins.respond(request, "events/detail.html", context, lambda: twin.detail_data(request, page))
