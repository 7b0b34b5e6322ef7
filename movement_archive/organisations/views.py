"""The public pages of organisations: the directory with its filters, and one page per organisation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from movement_archive.access.pages import record_for_page
from movement_archive.core import twins
from movement_archive.core.aggregates import Pages
from movement_archive.core.citations import citation_data
from movement_archive.core.dates import date_in_words
from movement_archive.redaction.text import shown_text

from . import jsonld, queries
from .filters import read_filters
from .models import Organisation


def _json_twin(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["format"] = "json"
    return f"?{query.urlencode()}"


def organisation_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = read_filters(request.GET, request.user)
        found = queries.organisation_list(request.user, **filters.query())
        page = twins.paginate(request, Pages(found, f"organisations:{filters.key()}", request.user))
    except twins.BadQuery as error:
        return twins.bad_query(request, error)
    context: dict[str, Any] = {"page": page, "filters": filters, "json_twin": _json_twin(request)}
    if not twins.wants_json(request):
        context["choices"] = queries.list_choices(request.user)
        context["kinds"] = Organisation.Kind.choices
        context["scopes"] = Organisation.Scope.choices
        context["statuses"] = Organisation.Status.choices
        context["previous_url"] = twins.page_url(request, page.previous_page_number()) if page.has_previous() else None
        context["next_url"] = twins.page_url(request, page.next_page_number()) if page.has_next() else None
    return twins.respond(
        request,
        "organisations/list.html",
        context,
        lambda: twins.list_data(request, page, lambda organisation: _list_item(request, organisation)),
    )


def _list_item(request: HttpRequest, organisation: Organisation) -> dict[str, Any]:
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


def organisation_detail(request: HttpRequest, key: str) -> HttpResponse:
    organisation = record_for_page(request.user, Organisation.objects.visible_to(request.user), key)
    page = queries.organisation_page(organisation, request.user)
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
    return twins.respond(request, "organisations/detail.html", context, lambda: _detail_data(request, page))


def _language_name(code: str) -> str:
    if not code:
        return ""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def _reference(request: HttpRequest, record, **fields) -> dict[str, Any]:
    return {"key": record.key, "url": twins.absolute(request, record.get_absolute_url()), **fields}


def _detail_data(request: HttpRequest, page: queries.OrganisationPage) -> dict[str, Any]:
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
