"""schema.org JSON-LD for an event page: what search engines and harvesters read about the event."""

from __future__ import annotations

import json
from collections.abc import Callable

from movement_archive.dates import edtf
from movement_archive.dates.edtf import SingleDate
from movement_archive.redaction.text import shown_text

from .models import Event

# The organisations of these kinds of event organised them; of the others (a founding, a law change, a
# statistic) they are what the event is about, and calling a government the "organizer" of killings its
# own figures count would be wrong.
ORGANISED_KINDS = {
    Event.Kind.CAMPAIGN,
    Event.Kind.CONFERENCE,
    Event.Kind.DECLARATION,
    Event.Kind.SERVICE_OPENING,
}

_ISO_WIDTH = {"year": 4, "month": 7, "day": 10}


def schema_date(end: SingleDate | None) -> str | None:
    """An ISO 8601 date at the precision the EDTF gives, or None when schema.org cannot say it honestly.

    schema.org dates have no way to say "about" or "perhaps", nor "some year of the 1980s", so an approximate
    or uncertain end, or one less precise than a year, is left out rather than stated as a fact.
    """
    if end is None or end.precision not in _ISO_WIDTH or end.approximate or end.uncertain:
        return None
    return end.lower.isoformat()[: _ISO_WIDTH[end.precision]]


def event_jsonld(event: Event, absolute: Callable[[str], str], user=None) -> dict:
    """The JSON-LD of an event whose page relations are prefetched (see ``queries.event_for_page``), as ``user``
    may read it (redacted words, ``redaction.text``)."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": absolute(event.get_absolute_url()),
        "url": absolute(event.get_absolute_url()),
        "identifier": event.key,
        "name": event.title,
    }
    if event.description:
        data["description"] = shown_text(event.description, user)
    parsed = edtf.parse(event.date)
    if start := schema_date(parsed.start):
        data["startDate"] = start
    if end := schema_date(parsed.end):
        data["endDate"] = end
    location = [{"@type": "Country", "name": country.name} for country in event.country_list]
    location += [
        {
            "@type": "Place",
            "name": locality.name,
            "containedInPlace": {"@type": "Country", "name": locality.country.name},
        }
        for locality in event.visible_localities
    ]
    if location:
        data["location"] = location
    organisations = [
        {"@type": "Organization", "name": o.name, "url": absolute(o.get_absolute_url())}
        for o in event.visible_organisations
    ]
    if organisations:
        data["organizer" if event.kind in ORGANISED_KINDS else "about"] = organisations
    return data


def as_script_text(data: dict) -> str:
    """JSON to place inside <script type="application/ld+json">.

    Django's ``json_script`` filter would write type="application/json", which schema.org readers ignore, so the
    page writes the element itself. Escaping every "<" keeps a title containing "</script>" from closing the
    element early; the result is then safe to mark as such in the view.
    """
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
