"""The timeline and the event pages, each with its JSON twin."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.safestring import mark_safe

from movement_archive.core import twins
from movement_archive.core.citations import attach_citations, citation_data
from movement_archive.core.dates import date_in_words
from movement_archive.dates import edtf

from . import queries
from .figures import figure_value, statistic_text
from .jsonld import as_script_text, event_jsonld
from .models import Event


def _json_twin(request: HttpRequest) -> str:
    """The address of this page's JSON twin, keeping the reader's filters."""
    query = request.GET.copy()
    query["format"] = "json"
    return f"?{query.urlencode()}"


def _prepare(event: Event) -> Event:
    """Set what templates show but cannot compute: the date and figure in words."""
    event.date_words = date_in_words(event.date)
    event.figure = statistic_text(event)
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


def timeline(request: HttpRequest) -> HttpResponse:
    try:
        filters = queries.TimelineFilters.from_query(request.GET, request.user)
    except twins.BadQuery as error:
        return twins.bad_query(request, error)

    selected = queries.timeline_events(request.user, filters)
    # Not paginated: the timeline is the whole filtered chronology, and a page break would cut a decade in two.
    # The query count stays the same however many events there are.
    events = [_prepare(e) for e in queries.with_listing_relations(selected, request.user)]
    notes = queries.disagreement_notes(selected, request.user)
    for event in events:
        event.disagreement_notes = notes.get(event.pk, [])
    decades = queries.by_decade(events)

    def data() -> dict:
        return {
            "count": len(events),
            "filters": filters.as_data(),
            "decades": [
                {
                    "decade": decade.decade,
                    "years": [
                        {
                            "year": group.year,
                            "events": [
                                {
                                    **_event_summary(request, event),
                                    "disagrees_with": [
                                        _link(request, other, "title")
                                        for note in event.disagreement_notes
                                        for other in note.others
                                    ],
                                }
                                for event in group.events
                            ],
                        }
                        for group in decade.years
                    ],
                }
                for decade in decades
            ],
        }

    choices = None if twins.wants_json(request) else queries.timeline_choices(request.user)
    if (
        choices
        and filters.region
        and filters.region not in (choices.regions + choices.subregions + choices.intermediate_regions)
    ):
        # A real region without events: keep it selected in the form rather than silently offering "any".
        choices.regions.append(filters.region)
    context = {
        "filters": filters,
        "choices": choices,
        "kinds": Event.Kind.choices,
        "count": len(events),
        "decades": decades,
        "json_twin": _json_twin(request),
    }
    return twins.respond(request, "events/timeline.html", context, data)


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
            "description": event.description,
            "date_bounds": {
                "earliest": event.date_lower.isoformat() if event.date_lower != edtf.MIN_DATE else None,
                "latest": event.date_upper.isoformat() if event.date_upper != edtf.MAX_DATE else None,
            },
            "statistic_words": event.figure or None,
            "people": [_link(request, p, "name") for p in event.visible_people],
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
                    "summary": d.summary,
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
        "jsonld": mark_safe(as_script_text(event_jsonld(event, absolute))),
        "json_twin": _json_twin(request),
    }
    return twins.respond(request, "events/detail.html", context, data)
