"""The timeline and the event pages, each with its JSON twin."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.safestring import mark_safe

from movement_archive.core import twins
from movement_archive.core.citations import attach_citations, citation_data
from movement_archive.core.dates import date_in_words
from movement_archive.dates import edtf
from movement_archive.redaction.text import shown_text

from . import queries
from .figures import figure_value, statistic_text
from .jsonld import as_script_text, event_jsonld
from .models import Event


def _json_twin(request: HttpRequest) -> str:
    """The address of this page's JSON twin, keeping the reader's filters."""
    query = request.GET.copy()
    query["format"] = "json"
    return f"?{query.urlencode()}"


# Looked up once per event: ``get_kind_display()`` translates every kind's label each time it is called.
_KIND_LABELS = dict(Event.Kind.choices)


def _prepare(event: Event) -> Event:
    """Set what templates show but cannot compute: the date and figure in words, the kind's label."""
    event.date_words = date_in_words(event.date)
    event.figure = statistic_text(event)
    event.kind_label = _KIND_LABELS.get(event.kind, event.kind)
    return event


def _statistic(event: Event) -> dict | None:
    if event.statistic_value is None:
        return None
    return {
        "value": figure_value(event.statistic_value),
        "qualifier": event.statistic_qualifier or None,
        "unit": event.statistic_unit,
    }


def _link(request: HttpRequest, record, name: str) -> dict:
    return {
        "key": record.key,
        "url": twins.absolute(request, record.get_absolute_url()),
        name: str(getattr(record, name)),
    }


def _event_summary(request: HttpRequest, event: Event) -> dict:
    """The JSON of an event in a list; its relations must be prefetched (``queries.with_listing_relations``)."""
    return {
        "key": event.key,
        "url": twins.absolute(request, event.get_absolute_url()),
        "title": event.title,
        "kind": event.kind,
        "date": event.date,
        "date_words": date_in_words(event.date),
        "statistic": _statistic(event),
        "organisations": [_link(request, o, "name") for o in event.visible_organisations],
        "countries": [country.iso2 for country in event.country_list],
    }


# The timeline -------------------------------------------------------------------------------------------------

# Events on a page of the timeline, as on every list. Building and showing an event costs about 0.2 ms, so a page
# of a hundred took 29 to 43 ms (p95) at 500,000 events, too close to the 50 ms a page may take.
PAGE_SIZE = 50


def timeline(request: HttpRequest) -> HttpResponse:
    """The chronology of visible events, filtered and a page at a time, grouped by decade then year.

    The JSON twin is a list like every other: ``count``, ``next``, ``previous`` and ``results``, plus the
    ``filters`` applied (as in the query string). Each result is an event, in chronological order, with the
    grouping the page shows: ``decade`` (1980: where the event sorts, so "by 2016" is in 2010) and ``year``
    (null when the sources date it to no single year), and ``disagrees_with``, the visible events the sources
    set against it.

    Queries, the same however many events, organisations and countries a page shows: up to three to check the
    filters, the page's keys then its events, their organisations, their countries, their disagreements; after the
    first page, for the HTML, the last event of the previous page. The count and the form's choices are kept until
    the archive changes (three more queries to compute them).
    """
    try:
        filters = queries.TimelineFilters.from_query(request.GET, request.user)
        selected = queries.with_listing_relations(queries.timeline_events(request.user, filters), request.user)
        pages = queries.timeline_pages(selected, filters, request.user)
        page = twins.paginate(request, pages, per_page=PAGE_SIZE)
    except twins.BadQuery as error:
        return twins.bad_query(request, error)
    page.object_list = events = [_prepare(e) for e in page.object_list]
    notes = queries.disagreement_notes(events, request.user)
    for event in events:
        event.disagreement_notes = notes.get(event.pk, [])

    def data() -> dict:
        return {
            **twins.list_data(request, page, lambda event: _timeline_item(request, event)),
            "filters": filters.as_data(),
        }

    context = {"filters": filters, "page": page, "json_twin": _json_twin(request)}
    if not twins.wants_json(request):
        context.update(_timeline_page(request, filters, page))
    return twins.respond(request, "events/timeline.html", context, data)


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


def _timeline_item(request: HttpRequest, event: Event) -> dict:
    """An event of the timeline's JSON: the summary every list gives, where the page groups it, what disputes it."""
    others = [other for note in event.disagreement_notes for other in note.others]
    return {
        **_event_summary(request, event),
        "decade": queries.decade_of(event),
        "year": queries.single_year(event),
        "disagrees_with": [_link(request, other, "title") for other in others],
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
    event = _prepare(queries.event_for_page(request.user, key))
    disagreements = queries.disagreements_about(event, request.user)
    claims = [claim for disagreement in disagreements for claim in disagreement.claims.all()]
    attach_citations([event, *disagreements, *claims], request.user)

    def absolute(path: str) -> str:
        return twins.absolute(request, path)

    def data() -> dict:
        return {
            **_event_summary(request, event),
            "kind_label": str(event.get_kind_display()),
            "description": shown_text(event.description, request.user),
            "content_withheld": event.content_withheld,
            "date_bounds": {
                "earliest": event.date_lower.isoformat() if event.date_lower != edtf.MIN_DATE else None,
                "latest": event.date_upper.isoformat() if event.date_upper != edtf.MAX_DATE else None,
            },
            "statistic_words": event.figure or None,
            "people": [{**_link(request, p, "key"), "name": p.shown_name} for p in event.visible_people],
            "countries": [
                {"iso2": c.iso2, "name": c.name, "url": absolute(c.get_absolute_url())} for c in event.country_list
            ],
            "localities": [
                {"key": loc.key, "name": loc.name, "country": loc.country.iso2} for loc in event.visible_localities
            ],
            "disagreements": [
                {
                    "key": d.key,
                    "title": d.title,
                    "summary": shown_text(d.summary, request.user),
                    "claims": [
                        {
                            "statement": claim.statement,
                            "event": _link(request, claim.event, "title") if claim.event else None,
                            "citations": citation_data(claim.cited, request),
                        }
                        for claim in d.claims.all()
                    ],
                    "citations": citation_data(d.cited, request),
                }
                for d in disagreements
            ],
            "citations": citation_data(event.cited, request),
        }

    context = {
        "event": event,
        "disagreements": disagreements,
        # Safe: as_script_text escapes every "<", so no value can end the script element (see jsonld.py).
        "jsonld": mark_safe(as_script_text(event_jsonld(event, absolute, request.user))),
        "json_twin": _json_twin(request),
    }
    return twins.respond(request, "events/detail.html", context, data)
