"""schema.org descriptions of organisations (JSON-LD), for search engines and linked-data harvesters."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest

from movement_archive.core.fields import parsed_or_none
from movement_archive.redaction.text import shown_text

from .models import RelationType
from .queries import OrganisationPage


def plain_date(value: str) -> str | None:
    """The value as an ISO 8601 date ("1981", "1981-01", "1981-01-15") when it names one for certain, else None.

    A decade, an interval, or an approximate or uncertain date has no honest ISO form: stripping the "~"
    from "1991~" would claim a certainty the sources do not give.
    """
    parsed = parsed_or_none(value)
    if parsed is None or parsed.is_interval or parsed.approximate or parsed.uncertain:
        return None
    if parsed.precision not in ("year", "month", "day"):
        return None
    return parsed.text


def _organisation_ref(request: HttpRequest, organisation) -> dict[str, Any]:
    url = request.build_absolute_uri(organisation.get_absolute_url())
    return {"@type": "Organization", "@id": url, "name": organisation.name, "url": url}


def _place(country=None, locality=None) -> dict[str, Any]:
    if locality is None:
        address = {"@type": "PostalAddress", "addressCountry": country.iso2}
        return {"@type": "Country", "name": country.name, "address": address}
    address = {"@type": "PostalAddress", "addressCountry": locality.country.iso2}
    address["addressLocality" if locality.kind == locality.Kind.CITY else "addressRegion"] = locality.name
    return {"@type": "Place", "name": locality.name, "address": address}


def organisation_jsonld(page: OrganisationPage, request: HttpRequest) -> dict[str, Any]:
    """An Organization with its names, dates, places, memberships and the episodes about it.

    Reads only what ``queries.organisation_page`` has loaded: no queries of its own.
    """
    organisation = page.organisation
    url = request.build_absolute_uri(organisation.get_absolute_url())
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Organization", "@id": url, "url": url}
    data["name"] = organisation.name
    alternates = [organisation.acronym] if organisation.acronym and organisation.acronym != organisation.name else []
    alternates += [n.name for n in organisation.other_names.all()]
    if alternates:
        data["alternateName"] = alternates
    if organisation.description:
        data["description"] = shown_text(organisation.description, request.user)
    for prop, value in (("foundingDate", organisation.founded), ("dissolutionDate", organisation.closed)):
        if plain_date(value):
            data[prop] = plain_date(value)
    if organisation.website:
        data["sameAs"] = organisation.website
    places = [_place(country=c) for c in organisation.countries.all()]
    places += [_place(locality=loc) for loc in organisation.localities.all()]
    if places:
        data["location"] = places
    # Only the relations schema.org has words for; the others stay on the page and in the JSON twin.
    links = {
        ("outgoing", RelationType.MEMBER_OF): "memberOf",
        ("outgoing", RelationType.PART_OF): "parentOrganization",
        ("incoming", RelationType.MEMBER_OF): "member",
        ("incoming", RelationType.PART_OF): "subOrganization",
    }
    for read in page.relations:
        prop = links.get((read.direction, read.relation.type))
        if prop:
            data.setdefault(prop, []).append(_organisation_ref(request, read.other))
    if page.episodes:
        data["subjectOf"] = [
            {
                "@type": "Episode",
                "name": episode.title,
                "episodeNumber": episode.number,
                "url": request.build_absolute_uri(episode.get_absolute_url()),
            }
            for episode in page.episodes
        ]
    return data


def script_text(data: dict[str, Any]) -> str:
    """JSON for a <script type="application/ld+json"> element.

    Every "<" is escaped so that no value (a description, a name) can close the script element early;
    the text is JSON still, as \\u003c reads back as "<".
    """
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
