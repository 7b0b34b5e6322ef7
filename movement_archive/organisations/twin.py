"""What the organisation pages say as JSON: read once here, for the pages' JSON twins and for the API alike.

Visibility is not decided here: the records come from ``queries`` (through ``visible_to``) and
``access.pages.record_for_page``, as the pages get them; these functions only put what the page shows into plain
JSON-ready values, so that the twin and the API cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode

from movement_archive.access.pages import record_for_page
from movement_archive.core import twins
from movement_archive.core.aggregates import Pages
from movement_archive.core.dates import date_in_words
from movement_archive.redaction.text import shown_text
from movement_archive.sources.citations import citation_data

from . import queries
from .filters import Filters, read_filters
from .models import Organisation


@dataclass
class Listing:
    filters: Filters
    page: Any  # a Django paginator page of organisations


def list_page(request: HttpRequest) -> Listing:
    """The page of the directory the query string asks for; raises BadQuery naming a bad parameter."""
    filters = read_filters(request.GET, request.user)
    found = queries.organisation_list(request.user, **filters.query())
    page = twins.paginate(request, Pages(found, f"organisations:{filters.key()}", request.user))
    return Listing(filters, page)


def list_data(request: HttpRequest, listing: Listing, *, json: bool = True) -> dict[str, Any]:
    return twins.list_data(request, listing.page, lambda organisation: list_item(request, organisation), json=json)


def list_item(request: HttpRequest, organisation: Organisation) -> dict[str, Any]:
    return {
        "key": organisation.key,
        "url": twins.absolute(request, organisation.get_absolute_url()),
        "name": organisation.name,
        "acronym": organisation.acronym,
        "kind": organisation.kind,
        "scope": organisation.scope,
        "status": organisation.status,
        "countries": [country.iso2 for country in organisation.countries.all()],
        "founded": organisation.founded,
        "closed": organisation.closed,
        "founded_words": date_in_words(organisation.founded),
    }


def detail_page(user, key: str, *, what: str = "page") -> queries.OrganisationPage:
    """The organisation's page as this reader may see it: Http404, or Gone for a withdrawn one (``record_for_page``)."""
    organisation = record_for_page(user, Organisation.objects.visible_to(user), key, what=what)
    return queries.organisation_page(organisation, user)


def _reference(request: HttpRequest, record, **fields) -> dict[str, Any]:
    return {"key": record.key, "url": twins.absolute(request, record.get_absolute_url()), **fields}


def detail_data(request: HttpRequest, page: queries.OrganisationPage) -> dict[str, Any]:
    o = page.organisation
    timeline_query = {"organisation": o.key, "format": "json"}
    return {
        **_reference(request, o, name=o.name, acronym=o.acronym),
        "other_names": [{"name": n.name, "kind": n.kind, "language": n.language} for n in o.other_names.all()],
        "description": shown_text(o.description, request.user),
        "kind": o.kind,
        "scope": o.scope,
        "status": o.status,
        "founded": o.founded,
        "founded_words": date_in_words(o.founded),
        "closed": o.closed,
        "closed_words": date_in_words(o.closed),
        "website": o.website,
        "whereabouts_withheld": page.sensitive_withheld,
        "countries": [
            {"iso2": c.iso2, "name": c.name, "url": twins.absolute(request, c.get_absolute_url())}
            for c in o.countries.all()
        ],
        "localities": [
            {"key": loc.key, "name": loc.name, "kind": loc.kind, "country": loc.country.iso2}
            for loc in o.localities.all()
        ],
        "organising_models": [
            {
                "model": _reference(request, p.model, name=p.model.name),
                "start": p.start,
                "end": p.end,
                "note": p.note,
                "citations": citation_data(p.cited, request),
            }
            for p in page.practices
        ],
        "relations": [
            {
                "label": r.label,
                "type": r.relation.type,
                "direction": r.direction,
                "organisation": _reference(request, r.other, name=r.other.name),
                "start": r.relation.start,
                "end": r.relation.end,
                "description": r.relation.description,
                "citations": citation_data(r.relation.cited, request),
            }
            for r in page.relations
        ],
        "people": [
            {
                "person": _reference(request, a.person, name=a.person.shown_name),
                "role": a.role,
                "start": a.start,
                "end": a.end,
                "citations": citation_data(a.cited, request),
            }
            for a in page.affiliations
        ],
        # The first events in order; "event_count" says how many there are, "events_url" lists them all.
        "events": [
            _reference(request, e, title=e.title, kind=e.kind, date=e.date, date_words=date_in_words(e.date))
            for e in page.events
        ],
        "event_count": page.event_count,
        "events_url": twins.absolute(request, f"{reverse('events:timeline')}?{urlencode(timeline_query)}"),
        "episodes": [
            {"number": e.number, "url": twins.absolute(request, e.get_absolute_url()), "title": e.title}
            for e in page.episodes
        ],
        "disagreements": [
            {
                "key": d.key,
                "title": d.title,
                "summary": shown_text(d.summary, request.user),
                "claims": [
                    {"statement": c.statement, "citations": citation_data(c.cited, request)} for c in d.claims.all()
                ],
            }
            for d in page.disagreements
        ],
        "citations": citation_data(o.cited, request),
    }
