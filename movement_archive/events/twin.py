"""What the timeline and the event pages say as JSON: read once here, for the pages' JSON twins and for the API.

The events come through ``queries`` (``visible_to``, ``record_for_page``), which also withholds the account of an
event listed with its metadata only; these functions only put what the pages show into plain JSON-ready values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from movement_archive.core import twins
from movement_archive.core.dates import date_in_words
from movement_archive.dates import edtf
from movement_archive.redaction.text import shown_text
from movement_archive.sources.citations import attach_citations, citation_data
from movement_archive.sources.models import Disagreement

from . import queries
from .figures import figure_value, statistic_text
from .models import Event

# Events on a page of the timeline, as on every list. Building and showing an event costs about 0.2 ms, so a page
# of a hundred took 29 to 43 ms (p95) at 500,000 events, too close to the 50 ms a page may take.
PAGE_SIZE = 50

# Looked up once per event: ``get_kind_display()`` translates every kind's label each time it is called.
_KIND_LABELS = dict(Event.Kind.choices)


def prepare(event: Event) -> Event:
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


def event_summary(request: HttpRequest, event: Event) -> dict:
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


@dataclass
class Listing:
    filters: queries.TimelineFilters
    page: Any  # a Django paginator page of prepared events, each with ``disagreement_notes``


def list_page(request: HttpRequest) -> Listing:
    """The page of the timeline the query string asks for; raises BadQuery naming a bad parameter.

    Queries, the same however many events, organisations and countries a page shows: up to three to check the
    filters, the page's keys then its events, their organisations, their countries, their disagreements. The
    count is kept until the archive changes.
    """
    filters = queries.TimelineFilters.from_query(request.GET, request.user)
    selected = queries.timeline_events(request.user, filters).only(*queries.LISTED_FIELDS)
    selected = queries.with_listing_relations(selected, request.user)
    pages = queries.timeline_pages(selected, filters, request.user)
    page = twins.paginate(request, pages, per_page=PAGE_SIZE)
    page.object_list = events = [prepare(e) for e in page.object_list]
    notes = queries.disagreement_notes(events, request.user)
    for event in events:
        event.disagreement_notes = notes.get(event.pk, [])
    return Listing(filters, page)


def list_data(request: HttpRequest, listing: Listing, *, json: bool = True) -> dict:
    return {
        **twins.list_data(request, listing.page, lambda event: timeline_item(request, event), json=json),
        "filters": listing.filters.as_data(),
    }


def timeline_item(request: HttpRequest, event: Event) -> dict:
    """An event of the timeline's JSON: the summary every list gives, where the page groups it, what disputes it."""
    others = [other for note in event.disagreement_notes for other in note.others]
    return {
        **event_summary(request, event),
        "decade": queries.decade_of(event),
        "year": queries.single_year(event),
        "disagrees_with": [_link(request, other, "title") for other in others],
    }


# The event page -----------------------------------------------------------------------------------------------


@dataclass
class EventPage:
    event: Event
    disagreements: list[Disagreement]


def detail_page(user, key: str, *, what: str = "page") -> EventPage:
    """The event's page as this reader may see it: Http404, or Gone for a withdrawn event."""
    event = prepare(queries.event_for_page(user, key, what=what))
    disagreements = queries.disagreements_about(event, user)
    claims = [claim for disagreement in disagreements for claim in disagreement.claims.all()]
    attach_citations([event, *disagreements, *claims], user)
    return EventPage(event, disagreements)


def detail_data(request: HttpRequest, page: EventPage) -> dict:
    event = page.event

    def absolute(path: str) -> str:
        return twins.absolute(request, path)

    return {
        **event_summary(request, event),
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
            for d in page.disagreements
        ],
        "citations": citation_data(event.cited, request),
    }
