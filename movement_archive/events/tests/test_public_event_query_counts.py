"""The timeline and an event page cost the same number of queries however many events and related records they show."""

from __future__ import annotations

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from movement_archive.organising.models import Practice
from movement_archive.sources.models import Claim
from movement_archive.testing import (
    make_country,
    make_disagreement,
    make_event,
    make_locality,
    make_organisation,
    make_organising_model,
    make_person,
    make_source,
)

COUNTRIES = ["NL", "TH", "KE", "CA", "BR", "JM", "FR", "DE", "ES", "IT", "PT", "BE", "IN", "ID", "VN", "ZA", "NG", "MX"]
TIMELINE = reverse("events:timeline")


def _queries(client, path: str, **params) -> int:
    client.get(path, params)  # once to warm caches (content types and the like) that only the first request fills
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(captured)


def _queries_when_nothing_is_kept(client, path: str, **params) -> int:
    """As ``_queries``, but with the figures kept until the archive changes (counts, choices) computed afresh."""
    client.get(path, params)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        client.get(path, params)
    return len(captured)


def _events(count: int, organisations: list, countries: list) -> list:
    """``count`` events, each with all these organisations and countries; the first two disagree."""
    source = make_source()
    citation = [{"type": "citation", "value": {"source": source.pk, "locator": "¶1", "supports": ""}}]
    events = [
        make_event(
            title=f"Event {n}",
            date=str(1975 + n),
            organisations=organisations,
            countries=countries,
            citations=citation,
        )
        for n in range(count)
    ]
    make_disagreement(
        claims=[Claim(statement="One account", event=events[0]), Claim(statement="Another", event=events[1])]
    )
    return events


def test_the_timeline_costs_the_same_for_2_events_as_for_20_with_ten_times_the_organisations(client, db):
    grassroots = make_organising_model(name="Grassroots organising", key="grassroots")
    groups = [make_organisation(name=f"Group {n}", practices=[Practice(model=grassroots)]) for n in range(20)]
    countries = [make_country(code) for code in COUNTRIES]
    pages = [
        {},
        {"format": "json"},
        {"region": "Europe", "kind": "founding", "organisation": groups[0].key},
        {"model": "grassroots", "from": "1970", "to": "2020"},
    ]
    _events(2, groups[:2], countries[:2])
    few = [_queries(client, TIMELINE, **params) for params in pages]
    few_afresh = [_queries_when_nothing_is_kept(client, TIMELINE, **params) for params in pages]

    _events(18, groups, countries)
    many = [_queries(client, TIMELINE, **params) for params in pages]
    many_afresh = [_queries_when_nothing_is_kept(client, TIMELINE, **params) for params in pages]

    for params in pages:
        assert client.get(TIMELINE, {**params, "format": "json"}).json()["count"] == 20
    assert many == few
    assert many_afresh == few_afresh


def _rich_event(related: int):
    event = make_event(
        title=f"An event with {related} of everything",
        organisations=[make_organisation(name=f"Group {related}-{n}") for n in range(related)],
        people=[make_person(name=f"Person {related}-{n}") for n in range(related)],
        countries=[make_country(code) for code in COUNTRIES[:related]],
        localities=[make_locality(name=f"Town {related}-{n}") for n in range(related)],
    )
    other = make_event(title=f"Another account {related}")
    make_disagreement(
        title=f"Doubt {related}",
        claims=[Claim(statement="One account", event=event), Claim(statement="Another", event=other)],
    )
    return event


def test_an_event_page_costs_the_same_with_2_or_6_of_each_related_record(client, db):
    few, many = _rich_event(2).get_absolute_url(), _rich_event(6).get_absolute_url()

    for params in ({}, {"format": "json"}):
        assert _queries(client, many, **params) == _queries(client, few, **params)
