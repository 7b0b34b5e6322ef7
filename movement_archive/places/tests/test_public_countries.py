"""Places: the countries by region, and one page per country listing only what readers may see."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from movement_archive.places import queries
from movement_archive.testing import (
    CastTestCase,
    make_country,
    make_episode,
    make_event,
    make_locality,
    make_organisation,
    make_person,
)

from .helpers import located

PLACES = reverse("places:list")
NETHERLANDS = reverse("places:country", args=["nl"])


class PlacesWorld(CastTestCase):
    """The Netherlands holds a union, a public and a hidden person, two events, a city and an episode, each with a
    draft beside it; Belgium holds three unions; Kenya one service; France only a person; Germany nothing."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        nl, be, ke, fr = (make_country(code) for code in ("NL", "BE", "KE", "FR"))
        make_country("DE")
        located(make_organisation(name="Junkiebond", founded="1981-01"), nl)
        located(make_organisation(name="Draft Union", live=False), nl)
        for name in ("Belgian Union", "Brussels Peers", "Antwerp Collective"):
            located(make_organisation(name=name), be)
        located(make_organisation(name="Peer Outreach Kenya"), ke)
        located(make_person(name="Alex Organiser"), nl)
        located(make_person(name="Quiet Member", consent="research"), nl)
        located(make_person(name="Draft Person", live=False), nl)
        located(make_person(name="Camille Militante"), fr)
        located(make_event(title="A later campaign", date="1995"), nl)
        located(make_event(title="The union is founded", date="1981-01"), nl)
        located(make_event(title="Draft event", date="1990", live=False), nl)
        make_locality(name="Rotterdam", country=nl)
        make_locality(name="Draft City", country=nl, live=False)
        located(make_episode(title="The first user unions"), nl)
        located(make_episode(title="A draft episode", live=False), nl)


class PlaceListTests(PlacesWorld):
    def test_places_lists_the_countries_with_records_by_region_with_their_counts(self):
        response = self.client.get(PLACES)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, f'<a href="{reverse("places:region", args=["europe"])}">Europe</a>', html=True)
        self.assertContains(response, '<a href="/places/regions/western-europe/">Western Europe</a>', html=True)
        self.assertContains(response, '<a href="/places/regions/sub-saharan-africa/">Sub-Saharan Africa</a>', html=True)
        self.assertContains(
            response,
            '<tr><th scope="row"><a href="/places/nl/">Netherlands</a></th>'
            '<td class="number">1</td><td class="number">1</td><td class="number">2</td></tr>',
            html=True,
        )
        self.assertNotContains(response, "Germany")

    def test_the_json_twin_gives_each_country_its_regions_and_counts(self):
        data = self.client.get(PLACES, {"format": "json"}).json()

        self.assertEqual(data["count"], 4)
        self.assertEqual([c["iso2"] for c in data["results"]], ["BE", "FR", "KE", "NL"])
        netherlands = data["results"][3]
        self.assertEqual(
            {k: netherlands[k] for k in ("name", "url", "organisations", "people", "events")},
            {
                "name": "Netherlands",
                "url": "http://testserver/places/nl/",
                "organisations": 1,
                "people": 1,
                "events": 2,
            },
        )
        self.assertEqual([r["slug"] for r in netherlands["regions"]], ["europe", "western-europe"])
        kenya = data["results"][2]
        self.assertEqual(
            [(r["name"], r["level"]) for r in kenya["regions"]],
            [("Africa", "region"), ("Sub-Saharan Africa", "subregion"), ("Eastern Africa", "intermediate")],
        )

    def test_a_hidden_person_counts_only_for_those_allowed_to_see_hidden_people(self):
        self.client.force_login(self.researcher)
        data = self.client.get(PLACES, {"format": "json"}).json()

        netherlands = next(c for c in data["results"] if c["iso2"] == "NL")
        self.assertEqual((netherlands["people"], netherlands["organisations"]), (2, 1))


class CountryPageTests(PlacesWorld):
    def test_a_country_page_lists_what_is_published_about_the_country(self):
        response = self.client.get(NETHERLANDS)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>Netherlands</h1>", html=True)
        for text in ("Junkiebond", "Alex Organiser", "Rotterdam", "The first user unions", "Western Europe"):
            self.assertContains(response, text)
        content = response.content.decode()
        self.assertLess(content.index("The union is founded"), content.index("A later campaign"))

    def test_drafts_and_hidden_people_never_appear_on_the_page_or_in_its_json(self):
        html = self.client.get(NETHERLANDS).content.decode()
        text = self.client.get(NETHERLANDS, {"format": "json"}).content.decode()

        for unseen in ("Draft Union", "Quiet Member", "Draft Person", "Draft event", "Draft City", "A draft episode"):
            self.assertNotIn(unseen, html)
            self.assertNotIn(unseen, text)

    def test_the_json_twin_lists_the_same_records_with_stable_keys_and_addresses(self):
        data = self.client.get(NETHERLANDS, {"format": "json"}).json()

        self.assertEqual((data["iso2"], data["iso3"], data["m49"]), ("NL", "NLD", "528"))
        self.assertEqual([o["name"] for o in data["organisations"]], ["Junkiebond"])
        self.assertEqual(data["organisations"][0]["url"], "http://testserver/organisations/junkiebond/")
        self.assertEqual([p["key"] for p in data["people"]], ["alex-organiser"])
        self.assertEqual([e["title"] for e in data["events"]], ["The union is founded", "A later campaign"])
        self.assertEqual([loc["name"] for loc in data["localities"]], ["Rotterdam"])
        self.assertEqual([e["title"] for e in data["episodes"]], ["The first user unions"])

    def test_a_busy_country_lists_its_first_records_with_counts_and_links_to_the_rest(self):
        belgium = reverse("places:country", args=["be"])
        with mock.patch.object(queries, "SHOWN", 2):
            html = self.client.get(belgium).content.decode()
            data = self.client.get(belgium, {"format": "json"}).json()
        self.assertIn('<span class="count">(3)</span>', html)
        self.assertIn("The first 2 by name:", html)
        self.assertIn('<a href="/organisations/?country=BE">', html)
        self.assertEqual([o["name"] for o in data["organisations"]], ["Antwerp Collective", "Belgian Union"])
        self.assertEqual(data["organisation_count"], 3)

    def test_a_researcher_sees_the_hidden_person_but_still_no_drafts(self):
        self.client.force_login(self.researcher)
        data = self.client.get(NETHERLANDS, {"format": "json"}).json()

        self.assertEqual([p["name"] for p in data["people"]], ["Alex Organiser", "Quiet Member"])
        self.assertEqual([o["name"] for o in data["organisations"]], ["Junkiebond"])

    def test_an_upper_case_code_redirects_for_good_to_the_lower_case_address(self):
        response = self.client.get("/places/NL/?format=json")

        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], "/places/nl/?format=json")

    def test_unknown_codes_are_not_found(self):
        for address in ("/places/zz/", "/places/ZZ/", "/places/nld/", "/places/n1/"):
            self.assertEqual(self.client.get(address).status_code, 404, address)

    def test_a_country_with_nothing_published_says_so(self):
        response = self.client.get(reverse("places:country", args=["de"]))

        self.assertContains(response, "has published nothing about this country yet")


@override_settings(MOVEMENT_ARCHIVE_WORLD_ATLAS=Path(__file__).parent / "data" / "tiny-world.json")
class QueryCountTests(CastTestCase):
    """A page's queries do not grow with its rows: the same count with two organisations and with twenty."""

    def queries(self, address: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            for form in ("html", "json"):
                response = self.client.get(address, {"format": form} if form == "json" else {})
                self.assertEqual(response.status_code, 200, address)
        return len(captured)

    def test_places_country_region_and_map_pages_cost_the_same_with_two_or_twenty_organisations(self):
        nl, ke = make_country("NL"), make_country("KE")
        addresses = [
            PLACES,
            NETHERLANDS,
            reverse("places:region", args=["europe"]),
            reverse("places:map"),
        ]
        for n in range(2):
            located(make_organisation(name=f"Dutch union {n}"), nl)
            located(make_person(name=f"Dutch organiser {n}"), nl)
            located(make_event(title=f"Dutch event {n}"), nl)
        located(make_organisation(name="Kenyan service 0"), ke)
        before = {address: self.queries(address) for address in addresses}

        for n in range(2, 20):
            located(make_organisation(name=f"Dutch union {n}"), nl)
            located(make_person(name=f"Dutch organiser {n}"), nl)
            located(make_event(title=f"Dutch event {n}"), nl)
            located(make_organisation(name=f"Kenyan service {n}"), ke)
        after = {address: self.queries(address) for address in addresses}

        self.assertEqual(after, before)
        self.assertContains(self.client.get(NETHERLANDS), "Dutch union 19")
