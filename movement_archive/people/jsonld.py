"""schema.org descriptions of people, for search engines and linked-data harvesters."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from movement_archive.redaction.text import shown_text

from .queries import PersonPage


def person_data(page: PersonPage, request: HttpRequest) -> dict[str, Any]:
    """A schema.org Person: names, affiliations, nationality (country names) and the episodes about them."""
    person = page.person
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Person",
        "@id": request.build_absolute_uri(person.get_absolute_url()),
        "url": request.build_absolute_uri(person.get_absolute_url()),
        "name": person.shown_name,
    }
    if page.other_names:
        data["alternateName"] = page.other_names
    if page.biography:
        data["description"] = shown_text(page.biography, request.user)
    organisations = {a.organisation.pk: a.organisation for a in page.affiliations}
    if organisations:
        data["affiliation"] = [
            {
                "@type": "Organization",
                "name": organisation.name,
                "url": request.build_absolute_uri(organisation.get_absolute_url()),
            }
            for organisation in organisations.values()
        ]
    if page.countries:
        data["nationality"] = [{"@type": "Country", "name": country.name} for country in page.countries]
    if page.episodes:
        data["subjectOf"] = [
            {
                "@type": "TVEpisode",
                "name": episode.title,
                "episodeNumber": episode.number,
                "url": request.build_absolute_uri(episode.get_absolute_url()),
            }
            for episode in page.episodes
        ]
    return data


def as_script(data: dict[str, Any]) -> SafeString:
    """The text of a ``<script type="application/ld+json">`` element.

    Django's json_script filter would give type="application/json", which harvesters ignore, so the JSON is
    written out here. Escaping every "<" keeps a value such as "</script>" from closing the element early,
    which is what makes it safe to mark the text safe.
    """
    return mark_safe(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))
