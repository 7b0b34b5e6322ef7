"""A long timeline comes fifty events to a page, in chronological order, and a reader can always find their place.

Each page groups its events by decade and year; a decade or year that began on the previous page says it is
continued. Plain links lead to the previous and next pages and to each decade (through the decade filters), so the
pages work without JavaScript. The JSON twin is paginated like every list: count, next, previous and results.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from movement_archive.events.models import Event
from movement_archive.events.queries import by_decade
from movement_archive.testing import make_event

from .reading import soup, timeline_outline

TIMELINE = reverse("events:timeline")
LOOSE = "Not dated to a single year"


def _unsaved(date_text: str) -> Event:
    """An event with its date columns filled as saving fills them, without the database."""
    event = Event(title=date_text, date=date_text)
    Event._meta.get_field("date").update_bounds(event)
    return event


class TimelinePagesTests(TestCase):
    """54 events: one some time in the 1980s, 29 in 1984, 22 in 1985, a conference and a campaign in 1991.

    The first page ends with the 20th event of 1985; the second holds the other two and 1991's two.
    """

    @classmethod
    def setUpTestData(cls):
        make_event(title="Users meet in a squat", key="squat", date="198X")
        for n in range(29):
            make_event(title=f"Meeting {n:02} of 1984", key=f"meeting-1984-{n:02}", date="1984")
        for n in range(22):
            make_event(title=f"Meeting {n:02} of 1985", key=f"meeting-1985-{n:02}", date="1985")
        make_event(title="A conference", key="conference-1991", date="1991-05", kind=Event.Kind.CONFERENCE)
        make_event(title="A campaign", key="campaign-1991", date="1991-09", kind=Event.Kind.CAMPAIGN)

    def json(self, **params) -> dict:
        return self.client.get(TIMELINE, {**params, "format": "json"}).json()

    # Pages -------------------------------------------------------------------------------------------------------

    def test_fifty_events_to_a_page_and_the_second_page_holds_the_rest(self):
        first = self.json()
        second = self.client.get(first["next"]).json()

        assert (first["count"], len(first["results"]), first["previous"]) == (54, 50, None)
        assert first["next"] == "http://testserver/events/timeline/?format=json&page=2"
        assert (second["count"], len(second["results"]), second["next"]) == (54, 4, None)
        assert parse_qs(urlsplit(second["previous"]).query) == {"format": ["json"], "page": ["1"]}
        keys = [event["key"] for event in first["results"] + second["results"]]
        assert keys == [event.key for event in Event.objects.chronological()]  # each event once, in order

    def test_the_pages_link_to_each_other_and_say_where_the_reader_is(self):
        first = soup(self.client.get(TIMELINE))
        second = soup(self.client.get(first.select_one("a[rel=next]")["href"]))

        assert "Page 1 of 2" in first.select_one("nav.pagination").get_text()
        assert not first.select("a[rel=prev]")
        assert "Page 2 of 2" in second.select_one("nav.pagination").get_text()
        assert not second.select("a[rel=next]")
        assert parse_qs(urlsplit(second.select_one("a[rel=prev]")["href"]).query) == {"page": ["1"]}
        assert "54 events" in second.select_one(".count").get_text()

    def test_page_links_keep_the_filters(self):
        data = self.json(**{"from": "1980", "to": "1980"})
        page = soup(self.client.get(TIMELINE, {"from": "1980", "to": "1980"}))

        assert parse_qs(urlsplit(data["next"]).query) == {
            "from": ["1980"],
            "to": ["1980"],
            "format": ["json"],
            "page": ["2"],
        }
        assert parse_qs(urlsplit(page.select_one("a[rel=next]")["href"]).query) == {
            "from": ["1980"],
            "to": ["1980"],
            "page": ["2"],
        }

    def test_the_count_follows_the_archive_at_once(self):
        assert self.json()["count"] == 54

        make_event(title="A late addition", key="late-addition", date="1999")

        assert self.json()["count"] == 55  # the count is kept, until the archive changes

    def test_a_page_that_is_not_a_page_number_is_a_400_naming_it(self):
        for value in ("two", "0", "-1", "1.5"):
            with self.subTest(page=value):
                page = self.client.get(TIMELINE, {"page": value})
                data = self.client.get(TIMELINE, {"page": value, "format": "json"})

                assert page.status_code == 400
                assert "“page”" in page.content.decode()
                assert data.status_code == 400
                assert data.json()["parameter"] == "page"

    def test_a_page_past_the_end_shows_the_last_page(self):
        assert self.json(page="9")["results"] == self.json(page="2")["results"]

    # Decades and years across pages -------------------------------------------------------------------------------

    def test_the_first_page_groups_its_events_by_decade_and_year(self):
        outline = timeline_outline(self.client.get(TIMELINE))

        assert [(decade, [year for year, _titles in years]) for decade, years in outline] == [
            ("1980s", [LOOSE, "1984", "1985"])
        ]
        assert outline[0][1][2][1][-1] == "Meeting 19 of 1985"

    def test_a_decade_and_a_year_begun_on_the_previous_page_say_they_are_continued(self):
        outline = timeline_outline(self.client.get(TIMELINE, {"page": "2"}))

        assert outline == [
            ("1980s (continued)", [("1985 (continued)", ["Meeting 20 of 1985", "Meeting 21 of 1985"])]),
            ("1990s", [("1991", ["A conference", "A campaign"])]),
        ]

    def test_only_the_decade_and_the_group_the_previous_page_ended_in_are_continued(self):
        def headings(dates: list[str], after: str) -> list[tuple[str, list[str]]]:
            """The headings of a page holding events of these dates, after an event of the date ``after``."""
            continued = " (continued)"
            return [
                (
                    f"{decade.decade}s{continued * decade.continued}",
                    [f"{group.year or LOOSE}{continued * group.continued}" for group in decade.years],
                )
                for decade in by_decade([_unsaved(d) for d in dates], after=_unsaved(after))
            ]

        assert headings(["1990", "1991"], after="1989") == [("1990s", ["1990", "1991"])]
        assert headings(["1985", "1986"], after="1985") == [("1980s (continued)", ["1985 (continued)", "1986"])]
        assert headings(["1987~/1989~", "1987"], after="198X") == [
            ("1980s (continued)", [f"{LOOSE} (continued)", "1987"])
        ]
        assert headings(["1987"], after="1986~/1988~") == [("1980s (continued)", ["1987"])]

    def test_the_json_twin_says_the_decade_and_year_of_each_event_on_any_page(self):
        results = self.json(page="2")["results"]

        assert [(e["decade"], e["year"]) for e in results] == [(1980, 1985)] * 2 + [(1990, 1991)] * 2

    def test_decade_links_show_one_decade_and_keep_the_other_filters(self):
        page = soup(self.client.get(TIMELINE, {"kind": "conference", "page": "2"}))

        links = page.select("nav.decade-index a")
        this_decade = date.today().year // 10 * 10
        assert [a.get_text(strip=True) for a in links] == [f"{d}s" for d in range(1970, this_decade + 10, 10)]
        nineties = links[2]
        assert nineties["href"] == f"{TIMELINE}?kind=conference&from=1990&to=1990"  # and back to the first page
        assert not page.select("nav.decade-index a[aria-current]")

        followed = soup(self.client.get(nineties["href"]))
        assert followed.select_one("nav.decade-index a[aria-current]").get_text(strip=True) == "1990s"
        assert timeline_outline(self.client.get(nineties["href"])) == [("1990s", [("1991", ["A conference"])])]

    # Cost ---------------------------------------------------------------------------------------------------------

    def test_a_later_page_costs_one_query_more_than_the_first_for_the_event_before_it(self):
        def queries(**params) -> int:
            self.client.get(TIMELINE, params)  # warms the caches that only a first request fills
            with CaptureQueriesContext(connection) as captured:
                self.client.get(TIMELINE, params)
            return len(captured)

        assert queries(page="2") == queries(page="1") + 1
        assert queries(page="2", format="json") == queries(page="1", format="json")


def test_events_alike_in_date_and_title_are_neither_repeated_nor_skipped_across_pages(client, db):
    for n in range(51):
        make_event(title="A meeting", key=f"meeting-{n:02}", date="1995")

    first = client.get(TIMELINE, {"format": "json"}).json()["results"]
    second = client.get(TIMELINE, {"format": "json", "page": "2"}).json()["results"]

    assert sorted(e["key"] for e in first + second) == [f"meeting-{n:02}" for n in range(51)]
    # The event before the second page is found among its twins, so the page knows it continues 1995.
    assert timeline_outline(client.get(TIMELINE, {"page": "2"})) == [
        ("1990s (continued)", [("1995 (continued)", ["A meeting"])])
    ]
