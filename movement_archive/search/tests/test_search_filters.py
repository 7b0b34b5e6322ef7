"""Narrowing a search: filters that combine, pages of twenty, the empty form, and 400s that name the parameter."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from movement_archive.events.models import Event
from movement_archive.organisations.models import OrganisationName
from movement_archive.organising.models import Practice
from movement_archive.testing import (
    CastTestCase,
    make_country,
    make_episode,
    make_event,
    make_locality,
    make_organisation,
    make_organising_model,
    make_person,
    make_source,
)

SEARCH = reverse("search:search")


class SearchFilterTests(CastTestCase):
    """Every record mentions quokkas: a Dutch union of the 1980s practising grassroots organising and its founding,
    a Canadian network of the 1990s and its rally, a Dutch person, a Canadian episode, a source of 1983, a town in
    the Netherlands and an organising model of its own."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        nl, ca = make_country("NL"), make_country("CA")
        cls.grassroots = make_organising_model(name="Grassroots organising", key="grassroots")
        make_organising_model(name="Quokka organising", key="quokka-organising", definition="Quokkas organise.")
        union = make_organisation(name="Quokka Union", founded="1981")
        union.countries.set([nl])
        union.save()  # cluster fields keep changes in memory until the record is saved
        Practice.objects.create(organisation=union, model=cls.grassroots)
        network = make_organisation(name="Quokka Network", founded="1995")
        network.countries.set([ca])
        network.save()
        founding = make_event(title="Quokka Union forms", date="1981-02")
        founding.organisations.set([union])
        founding.countries.set([nl])
        founding.save()
        rally = make_event(title="Quokka rally", date="1996", kind=Event.Kind.CAMPAIGN)
        rally.organisations.set([network])
        rally.countries.set([ca])
        rally.save()
        person = make_person(name="Quinn Quokka")
        person.countries.set([nl])
        person.save()
        episode = make_episode(title="Quokkas of Canada")
        episode.countries.set([ca])
        episode.save()
        make_source(title="A quokka report", date="1983")
        make_locality(name="Quokkadam", country=nl)

    def found(self, **params) -> set[tuple[str, str]]:
        response = self.client.get(SEARCH, {"q": "quokka", "format": "json", **params})
        self.assertEqual(response.status_code, 200, response.content)
        return {(result["type"], result["title"]) for result in response.json()["results"]}

    def bad(self, params: dict) -> str:
        response = self.client.get(SEARCH, {**params, "format": "json"})
        self.assertEqual(response.status_code, 400)
        return response.json()["parameter"]

    def test_without_filters_every_kind_is_found(self):
        self.assertEqual(
            self.found(),
            {
                ("organisation", "Quokka Union"),
                ("organisation", "Quokka Network"),
                ("event", "Quokka Union forms"),
                ("event", "Quokka rally"),
                ("person", "Quinn Quokka"),
                ("episode", "1. Quokkas of Canada"),
                ("source", "A quokka report"),
                ("place", "Quokkadam"),
                ("model", "Quokka organising"),
            },
        )

    def test_the_type_filter_keeps_one_kind_or_several(self):
        organisations = {("organisation", "Quokka Union"), ("organisation", "Quokka Network")}
        self.assertEqual(self.found(type="organisation"), organisations)
        self.assertEqual(self.found(type=["person", "place"]), {("person", "Quinn Quokka"), ("place", "Quokkadam")})

    def test_a_country_keeps_what_is_placed_there_and_drops_what_has_no_place(self):
        self.assertEqual(
            self.found(country="nl"),
            {
                ("organisation", "Quokka Union"),
                ("event", "Quokka Union forms"),
                ("person", "Quinn Quokka"),
                ("place", "Quokkadam"),
            },
        )

    def test_a_region_keeps_what_is_placed_in_its_countries(self):
        self.assertEqual(
            self.found(region="Northern America"),
            {("organisation", "Quokka Network"), ("event", "Quokka rally"), ("episode", "1. Quokkas of Canada")},
        )

    def test_an_organising_model_keeps_its_practitioners_and_their_events(self):
        self.assertEqual(
            self.found(model="grassroots"), {("organisation", "Quokka Union"), ("event", "Quokka Union forms")}
        )

    def test_a_decade_keeps_what_was_founded_or_dated_in_it(self):
        self.assertEqual(
            self.found(decade="1980"),
            {("organisation", "Quokka Union"), ("event", "Quokka Union forms"), ("source", "A quokka report")},
        )
        self.assertEqual(self.found(decade="1990"), {("organisation", "Quokka Network"), ("event", "Quokka rally")})

    def test_filters_combine(self):
        self.assertEqual(self.found(type="event", decade="1990"), {("event", "Quokka rally")})
        self.assertEqual(self.found(country="NL", decade="1990"), set())
        self.assertEqual(self.found(country="CA", model="grassroots"), set())

    def test_the_filters_are_offered_on_the_page(self):
        response = self.client.get(SEARCH, {"q": "quokka"})
        for control in ("filter-type", "filter-country", "filter-region", "filter-model", "filter-decade"):
            self.assertContains(response, f'<label for="{control}">')
        self.assertContains(response, '<option value="NL">Netherlands</option>', html=True)
        self.assertContains(response, '<option value="1980">the 1980s</option>', html=True)

    # The form and its help ----------------------------------------------------------------------------------

    def test_an_empty_search_shows_the_form_and_how_searching_works(self):
        response = self.client.get(SEARCH)
        self.assertContains(response, '<input id="search-q" type="search" name="q" value=""', status_code=200)
        self.assertContains(response, "How the search works")
        self.assertNotContains(response, 'class="results"')
        self.assertEqual(
            self.client.get(SEARCH, {"format": "json"}).json(),
            {"count": 0, "next": None, "previous": None, "results": [], "ranked": True, "complete": True},
        )

    def test_a_query_of_punctuation_alone_finds_nothing_without_failing(self):
        for q in ('"', '"quokka', "quokka*", "(", "-", "' OR 1=1 --"):
            with self.subTest(q=q):
                response = self.client.get(SEARCH, {"q": q, "format": "json"})
                self.assertEqual(response.status_code, 200)

    def test_when_no_record_has_every_word_records_with_some_are_shown_and_the_page_says_so(self):
        response = self.client.get(SEARCH, {"q": "quokka zyzzogeton"})
        self.assertContains(response, "No record contains every word you typed")
        self.assertContains(response, "Quokka Union")

    # Pages --------------------------------------------------------------------------------------------------

    def test_results_come_twenty_to_a_page(self):
        for n in range(22):
            make_organisation(name=f"Wombat group {n}")
        first = self.client.get(SEARCH, {"q": "wombat", "format": "json"}).json()
        self.assertEqual((first["count"], len(first["results"]), first["previous"]), (22, 20, None))
        self.assertIn("page=2", first["next"])
        self.assertIn("format=json", first["next"])
        second = self.client.get(first["next"]).json()
        self.assertEqual((len(second["results"]), second["next"]), (2, None))
        self.assertFalse({r["key"] for r in first["results"]} & {r["key"] for r in second["results"]})
        self.assertContains(self.client.get(SEARCH, {"q": "wombat"}), 'rel="next"')

    def test_the_number_of_queries_does_not_grow_with_the_records_found(self):
        def queries_for(q: str) -> int:
            with CaptureQueriesContext(connection) as captured:
                self.assertEqual(self.client.get(SEARCH, {"q": q, "format": "json"}).status_code, 200)
            return len(captured.captured_queries)

        def groups(word: str, n: int) -> None:
            for i in range(n):
                group = make_organisation(name=f"{word} group {i}")
                OrganisationName.objects.create(organisation=group, name=f"{word} alias {i}")
                OrganisationName.objects.create(organisation=group, name=f"{word} other {i}")

        groups("Bilby", 2)
        groups("Numbat", 20)
        self.assertEqual(queries_for("bilby"), queries_for("numbat"))

    # Values the page cannot use -----------------------------------------------------------------------------

    def test_a_search_over_two_hundred_characters_is_refused_naming_q(self):
        self.assertEqual(self.bad({"q": "q" * 201}), "q")
        self.assertEqual(self.client.get(SEARCH, {"q": "q" * 200}).status_code, 200)
        response = self.client.get(SEARCH, {"q": "q" * 201})
        self.assertContains(response, "“q”", status_code=400)

    def test_unusable_filter_values_are_refused_naming_the_parameter(self):
        cases = [
            ({"q": "quokka", "type": "organization"}, "type"),
            ({"q": "quokka", "country": "Netherlands"}, "country"),
            ({"q": "quokka", "country": "XX"}, "country"),
            ({"q": "quokka", "region": "Atlantis"}, "region"),
            ({"q": "quokka", "model": "no-such-model"}, "model"),
            ({"q": "quokka", "decade": "1985"}, "decade"),
            ({"q": "quokka", "decade": "eighties"}, "decade"),
            ({"q": "quokka", "page": "two"}, "page"),
        ]
        for params, parameter in cases:
            with self.subTest(params=params):
                self.assertEqual(self.bad(params), parameter)

    def test_filters_are_checked_even_without_a_query(self):
        self.assertEqual(self.bad({"decade": "198"}), "decade")

    def test_an_organising_model_still_in_draft_is_not_a_filter(self):
        make_organising_model(name="Secret model", key="secret-model", live=False)
        self.assertEqual(self.bad({"q": "quokka", "model": "secret-model"}), "model")
