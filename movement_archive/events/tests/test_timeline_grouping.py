"""The timeline lays events out by decade, then year, earliest first, never dating them more precisely than sources do.

An event the sources date to one calendar year (or a month, a day, a few months of one year) sits under that year.
One they date only loosely, "late 1980s" or "by about 2016", sits at the head of its decade under "Not dated to a
single year", labelled with its whole span in words. (How a page of a long timeline groups its part of a decade is
in ``test_timeline_pages``.)
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from movement_archive.events.models import Event
from movement_archive.testing import make_country, make_event, make_organisation

from .reading import event_item, soup, timeline_outline

TIMELINE = reverse("events:timeline")
LOOSE = "Not dated to a single year"

# (date, title, how the timeline says the date), given shuffled below.
MIXED_PRECISION = [
    ("1973", "A methadone programme opens", "1973"),
    ("198X", "Users meet in a squat", "1980s"),
    ("1981-01", "The union holds its first meeting", "January 1981"),
    ("1981", "The union is founded", "1981"),
    ("1987~/1989~", "Needle exchanges spread", "late 1980s"),
    ("1990~/1993~", "User groups multiply", "early 1990s"),
    ("../2016~", "A national network has formed", "by about 2016"),
    ("2020-07/2020-10", "A campaign runs through the summer", "July 2020 to October 2020"),
]


@pytest.fixture
def mixed_precision(db):
    for index in (6, 2, 0, 7, 4, 1, 5, 3):
        date_text, title, _words = MIXED_PRECISION[index]
        make_event(title=title, date=date_text)


def test_events_are_grouped_by_decade_then_year_with_loosely_dated_ones_first(client, mixed_precision):
    response = client.get(TIMELINE)

    assert response.status_code == 200
    assert timeline_outline(response) == [
        ("1970s", [("1973", ["A methadone programme opens"])]),
        (
            "1980s",
            [
                (LOOSE, ["Users meet in a squat", "Needle exchanges spread"]),
                ("1981", ["The union holds its first meeting", "The union is founded"]),
            ],
        ),
        ("1990s", [(LOOSE, ["User groups multiply"])]),
        ("2010s", [(LOOSE, ["A national network has formed"])]),
        ("2020s", [("2020", ["A campaign runs through the summer"])]),
    ]


def test_no_loosely_dated_event_is_filed_under_a_year_it_may_not_belong_to(client, mixed_precision):
    page = soup(client.get(TIMELINE))

    year_headings = {h3.get_text(strip=True) for h3 in page.select("section.decade h3")}
    assert year_headings == {"1973", "1981", "2020", LOOSE}


def test_each_date_is_said_as_loosely_as_it_is_known(client, mixed_precision):
    response = client.get(TIMELINE)

    for _date_text, title, words in MIXED_PRECISION:
        event = Event.objects.get(title=title)
        item = event_item(response, event.key)
        assert item.select_one(".when").get_text(strip=True) == words
        assert item.select_one("h4 a")["href"] == event.get_absolute_url()


def test_the_json_twin_gives_each_event_its_decade_and_year_with_null_for_the_loosely_dated(client, mixed_precision):
    data = client.get(TIMELINE, {"format": "json"}).json()

    assert data["count"] == 8
    assert [(e["decade"], e["year"], e["date_words"]) for e in data["results"]] == [
        (1970, 1973, "1973"),
        (1980, None, "1980s"),
        (1980, 1981, "January 1981"),
        (1980, 1981, "1981"),
        (1980, None, "late 1980s"),
        (1990, None, "early 1990s"),
        (2010, None, "by about 2016"),  # where it sorts: some time by 2016
        (2020, 2020, "July 2020 to October 2020"),
    ]
    assert (data["next"], data["previous"]) == (None, None)  # all on one page


def test_an_event_in_the_json_twin_has_stable_keys_and_absolute_addresses(client, db):
    netherlands = make_country("NL")
    union = make_organisation(name="Rotterdam Junkie Union", key="junkiebond", countries=[netherlands])
    event = make_event(title="The union is founded", date="1981", organisations=[union], countries=[netherlands])

    data = client.get(TIMELINE, {"format": "json"}).json()

    assert data["results"] == [
        {
            "key": event.key,
            "url": f"http://testserver/events/{event.key}/",
            "title": "The union is founded",
            "kind": "founding",
            "date": "1981",
            "date_words": "1981",
            "statistic": None,
            "organisations": [
                {
                    "key": "junkiebond",
                    "url": "http://testserver/organisations/junkiebond/",
                    "name": "Rotterdam Junkie Union",
                }
            ],
            "countries": ["NL"],
            "decade": 1980,
            "year": 1981,
            "disagrees_with": [],
        }
    ]


def test_a_statistic_shows_its_figure_with_its_qualifier(client, db):
    make_event(
        title="Police kill people who use drugs",
        key="killings",
        date="2000~/2003~",
        kind=Event.Kind.STATISTIC,
        statistic_value=Decimal("3000"),
        statistic_qualifier=Event.Qualifier.MORE_THAN,
        statistic_unit="people killed by police",
    )

    response = client.get(TIMELINE)
    data = client.get(TIMELINE, {"format": "json"}).json()

    assert event_item(response, "killings").select_one(".figure").get_text(strip=True) == (
        "more than 3,000 people killed by police"
    )
    statistic = data["results"][0]["statistic"]
    assert statistic == {"value": 3000, "qualifier": "more_than", "unit": "people killed by police"}


def test_an_empty_archive_says_so(client, db):
    response = client.get(TIMELINE)

    assert "No events match these filters." in response.content.decode()
    assert client.get(TIMELINE, {"format": "json"}).json() == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
        "filters": {"region": None, "model": None, "kind": None, "organisation": None, "from": None, "to": None},
    }
