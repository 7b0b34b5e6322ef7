"""schema.org descriptions of the documentary's episodes, for search engines and linked-data harvesters."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from movement_archive.redaction.text import shown_text

from .queries import EpisodePage


def episode_data(page: EpisodePage, request: HttpRequest) -> dict[str, Any]:
    """A schema.org TVEpisode: number, title, series, summary and the countries it is set in."""
    episode = page.episode
    url = request.build_absolute_uri(episode.get_absolute_url())
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "TVEpisode",
        "@id": url,
        "url": url,
        "episodeNumber": episode.number,
        "name": episode.title,
        "partOfSeries": {"@type": "TVSeries", "name": episode.series.title},
    }
    if episode.summary:
        data["description"] = shown_text(episode.summary, request.user)
    if page.countries:
        data["contentLocation"] = [
            {"@type": "Country", "name": c.name, "url": request.build_absolute_uri(c.get_absolute_url())}
            for c in page.countries
        ]
    return data


def as_script(data: dict[str, Any]) -> SafeString:
    """The text of a ``<script type="application/ld+json">`` element.

    Django's json_script filter would give type="application/json", which harvesters ignore, so the JSON is
    written out here. Escaping every "<" keeps a value such as "</script>" from closing the element early,
    which is what makes it safe to mark the text safe.
    """
    return mark_safe(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))
