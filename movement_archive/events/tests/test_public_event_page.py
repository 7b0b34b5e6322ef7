"""An event's page says what happened, when (as loosely as known), who and where, and what the sources disagree on.

Search engines read the same facts from its schema.org JSON-LD, which states dates only where the sources give at
least a year without "about" or "perhaps".
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from movement_archive.events.models import Event
from movement_archive.sources.models import Claim
from movement_archive.testing import (
    make_country,
    make_disagreement,
    make_event,
    make_locality,
    make_organisation,
    make_person,
    make_source,
)

from .reading import jsonld, soup


def _cite(source, locator: str) -> list[dict]:
    return [{"type": "citation", "value": {"source": source.pk, "locator": locator, "supports": ""}}]


@pytest.fixture
def briefing(db):
    return make_source(title="A briefing on drug wars", key="briefing")


@pytest.fixture
def killings(db, briefing):
    """Two accounts of the same killings, recorded as two events and one disagreement."""
    thailand = make_country("TH")
    government = make_organisation(name="Thai government", key="thai-government", kind="government", scope="national")
    by_the_briefing = make_event(
        title="A drug war kills 2,800 people",
        key="killings-2003",
        kind=Event.Kind.STATISTIC,
        date="2003",
        description="The briefing's account of the killings.",
        statistic_value=Decimal("2800"),
        statistic_qualifier=Event.Qualifier.EXACT,
        statistic_unit="people killed in extrajudicial executions",
        organisations=[government],
        countries=[thailand],
        citations=_cite(briefing, "¶21"),
    )
    series = make_source(title="A documentary series", key="series")
    by_the_series = make_event(
        title="Police kill more than 3,000 people",
        key="killings-early-2000s",
        kind=Event.Kind.STATISTIC,
        date="2000~/2003~",
        statistic_value=Decimal("3000"),
        statistic_qualifier=Event.Qualifier.MORE_THAN,
        statistic_unit="people killed by police",
        countries=[thailand],
    )
    make_disagreement(
        title="How many were killed, and when",
        key="death-toll",
        summary="The two accounts give different figures and dates.",
        claims=[
            Claim(statement="In 2003, 2,800 deaths.", event=by_the_briefing, citations=_cite(briefing, "¶21•4")),
            Claim(statement="In the early 2000s, over 3,000.", event=by_the_series, citations=_cite(series, "¶30")),
        ],
    )
    return by_the_briefing


def test_the_page_says_what_when_and_how_many(client, killings):
    page = soup(client.get(killings.get_absolute_url()))

    assert page.h1.get_text(strip=True) == "A drug war kills 2,800 people"
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in page.select("dt")}
    assert facts["Date"] == "2003 (as recorded: 2003 )"
    assert facts["Kind"] == "Statistic"
    assert facts["Figure"] == "2,800 people killed in extrajudicial executions"
    assert "The briefing's account of the killings." in page.get_text()


def test_organisations_and_countries_link_to_their_pages(client, killings):
    page = soup(client.get(killings.get_absolute_url()))

    links = {a.get_text(strip=True): a["href"] for a in page.select("dl.facts a")}
    assert links["Thai government"] == reverse("organisations:detail", args=["thai-government"])
    assert links["Thailand"] == make_country("TH").get_absolute_url()


def test_people_and_localities_are_named(client, db):
    event = make_event(
        title="A consumption room opens",
        people=[make_person(name="Ann Organiser", key="ann")],
        localities=[make_locality(name="Vancouver", key="vancouver", country=make_country("CA"))],
    )

    page = soup(client.get(event.get_absolute_url()))

    assert page.find("a", string="Ann Organiser")["href"] == reverse("people:detail", args=["ann"])
    assert "Vancouver, Canada" in page.get_text(" ", strip=True)


def test_the_page_shows_every_claim_of_a_disagreement_with_its_citation(client, killings):
    page = soup(client.get(killings.get_absolute_url()))

    (disagreement,) = page.select(".disagreement")
    assert disagreement.h3.get_text(strip=True) == "How many were killed, and when"
    claims = disagreement.select("ol.claims > li")
    assert [c.p.get_text(strip=True) for c in claims] == ["In 2003, 2,800 deaths.", "In the early 2000s, over 3,000."]
    assert "¶21•4" in claims[0].get_text() and "¶30" in claims[1].get_text()
    assert claims[1].find("a", string="Police kill more than 3,000 people")["href"] == "/events/killings-early-2000s/"


def test_the_events_own_citations_are_listed(client, killings):
    page = soup(client.get(killings.get_absolute_url()))

    (own,) = page.select("article.event-page > details.citations")
    assert own.a.get_text(strip=True) == "A briefing on drug wars"
    assert "¶21" in own.get_text()


def test_the_json_twin_carries_the_same_facts(client, killings):
    data = client.get(killings.get_absolute_url(), {"format": "json"}).json()

    assert (data["key"], data["date"], data["date_words"], data["kind"]) == (
        "killings-2003",
        "2003",
        "2003",
        "statistic",
    )
    assert data["statistic"] == {
        "value": 2800,
        "qualifier": "exact",
        "unit": "people killed in extrajudicial executions",
    }
    assert data["organisations"] == [
        {"key": "thai-government", "url": "http://testserver/organisations/thai-government/", "name": "Thai government"}
    ]
    assert [c["iso2"] for c in data["countries"]] == ["TH"]
    assert data["citations"][0]["locator"] == "¶21"
    (disagreement,) = data["disagreements"]
    assert [(c["statement"], c["event"]["key"] if c["event"] else None) for c in disagreement["claims"]] == [
        ("In 2003, 2,800 deaths.", "killings-2003"),
        ("In the early 2000s, over 3,000.", "killings-early-2000s"),
    ]
    assert disagreement["claims"][1]["citations"][0]["source"] == "A documentary series"


def test_the_jsonld_describes_an_event(client, killings):
    data = jsonld(client.get(killings.get_absolute_url()))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "A drug war kills 2,800 people"
    assert (data["startDate"], data["endDate"]) == ("2003", "2003")
    assert data["location"] == [{"@type": "Country", "name": "Thailand"}]
    # A government is what a statistic of killings is about, not its organiser.
    assert [o["name"] for o in data["about"]] == ["Thai government"]
    assert "organizer" not in data


@pytest.mark.parametrize(
    ("date_text", "start", "end"),
    [
        ("1981-01-15", "1981-01-15", "1981-01-15"),
        ("1981-01", "1981-01", "1981-01"),
        ("2020-07/2020-10", "2020-07", "2020-10"),
        ("2006/..", "2006", None),
        ("../2016", None, "2016"),
        ("1991~", None, None),
        ("1990~/1993~", None, None),
        ("2003?", None, None),
        ("198X", None, None),
    ],
)
def test_jsonld_dates_only_where_the_sources_give_at_least_a_year_without_doubt(client, db, date_text, start, end):
    event = make_event(date=date_text)

    data = jsonld(client.get(event.get_absolute_url()))

    assert (data.get("startDate"), data.get("endDate")) == (start, end)


def test_organisations_of_a_campaign_are_its_organisers(client, db):
    event = make_event(kind=Event.Kind.CAMPAIGN, organisations=[make_organisation(name="Junkiebond")])

    data = jsonld(client.get(event.get_absolute_url()))

    assert [o["name"] for o in data["organizer"]] == ["Junkiebond"]


def test_a_title_cannot_break_out_of_the_jsonld(client, db):
    event = make_event(title="</script><script>alert(1)</script>")

    response = client.get(event.get_absolute_url())

    assert "</script><script>" not in response.content.decode()
    assert jsonld(response)["name"] == "</script><script>alert(1)</script>"
