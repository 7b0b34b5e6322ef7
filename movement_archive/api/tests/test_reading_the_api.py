"""Reading the archive through the API: every kind has a list and a record, built from the pages' JSON twins."""

from __future__ import annotations

from django.test import Client

from movement_archive.documentary.models import Episode
from movement_archive.sources.models import Source
from movement_archive.testing import (
    CastTestCase,
    make_country,
    make_episode,
    make_event,
    make_interview,
    make_organisation,
    make_organising_model,
    make_person,
    make_source,
)

API = "/api/v1/"


class ReadingTheApi(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.netherlands = make_country("NL")
        cls.union = make_organisation(name="Rotterdam Junkie Union", acronym="RJU", founded="1981")
        cls.union.countries.add(cls.netherlands)
        cls.union.save()
        cls.network = make_organisation(name="Kenyan Network", kind="network", scope="national")
        cls.organiser = make_person(name="Nico Organiser", biography="Ran the union's phone line.")
        cls.founding = make_event(title="The union is founded", date="1981")
        cls.episode = make_episode(title="The first unions")
        cls.interview = make_interview(title="An interview about the phone line")
        cls.source = make_source(title="A briefing on user unions")
        cls.model = make_organising_model(name="Grassroots organising")

    def get(self, address: str, client: Client | None = None, **params):
        return (client or self.client).get(address, params)

    def twin(self, page_address: str, **params) -> dict:
        return self.client.get(page_address, {**params, "format": "json"}).json()

    def test_the_index_lists_every_list_and_the_schema(self):
        data = self.get(API).json()
        for kind in ("organisations", "people", "events", "episodes", "interviews", "sources", "countries", "models"):
            self.assertEqual(data[kind], f"http://testserver{API}{kind}")
        self.assertEqual(data["search"], f"http://testserver{API}search")
        self.assertEqual(self.get(data["openapi"]).status_code, 200)

    def test_each_list_gives_what_its_pages_twin_gives_with_the_address_of_each_record_in_the_api(self):
        lists = {
            "organisations": ("/organisations/", "key", "organisations"),
            "people": ("/people/", "key", "people"),
            "events": ("/events/timeline/", "key", "events"),
            "episodes": ("/episodes/", "number", "episodes"),
            "interviews": ("/interviews/", "key", "interviews"),
            "sources": ("/sources/", "key", "sources"),
            "models": ("/models/", "key", "models"),
        }
        for kind, (page, field, path) in lists.items():
            with self.subTest(kind=kind):
                data = self.get(f"{API}{kind}").json()
                twin = self.twin(page)
                self.assertTrue(data["results"], kind)
                for item in data["results"]:
                    self.assertEqual(item.pop("api_url"), f"http://testserver{API}{path}/{item[field]}")
                self.assertEqual(data, twin)

    def test_each_record_is_what_its_pages_twin_says(self):
        records = {
            f"organisations/{self.union.key}": self.union.get_absolute_url(),
            f"people/{self.organiser.key}": self.organiser.get_absolute_url(),
            f"events/{self.founding.key}": self.founding.get_absolute_url(),
            f"episodes/{self.episode.number}": self.episode.get_absolute_url(),
            f"interviews/{self.interview.key}": self.interview.get_absolute_url(),
            f"sources/{self.source.key}": self.source.get_absolute_url(),
            f"models/{self.model.key}": self.model.get_absolute_url(),
            "countries/NL": self.netherlands.get_absolute_url(),
        }
        for address, page in records.items():
            with self.subTest(address=address):
                response = self.get(API + address)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.json(), self.twin(page))

    def test_the_countries_list_pages_the_rows_of_the_places_page(self):
        data = self.get(f"{API}countries").json()
        netherlands = next(row for row in data["results"] if row["iso2"] == "NL")
        self.assertEqual(netherlands["organisations"], 1)
        self.assertEqual(netherlands["api_url"], f"http://testserver{API}countries/NL")
        self.assertEqual(self.get(netherlands["api_url"]).json()["name"], self.netherlands.name)

    def test_lists_take_the_filters_their_pages_take(self):
        data = self.get(f"{API}organisations", country="NL").json()
        self.assertEqual([item["key"] for item in data["results"]], [self.union.key])
        data = self.get(f"{API}organisations", kind="network").json()
        self.assertEqual([item["key"] for item in data["results"]], [self.network.key])

    def test_the_next_page_is_an_api_address_that_keeps_the_filters(self):
        Source.objects.bulk_create(Source(key=f"report-{n}", title=f"Report {n:02}", kind="report") for n in range(51))
        data = self.get(f"{API}sources", kind="report").json()
        self.assertEqual((data["count"], len(data["results"])), (51, 50))
        self.assertEqual(data["next"], f"http://testserver{API}sources?kind=report&page=2")
        second = self.get(data["next"]).json()
        self.assertEqual([item["title"] for item in second["results"]], ["Report 50"])
        self.assertEqual(second["previous"], f"http://testserver{API}sources?kind=report&page=1")

    def test_the_search_finds_what_the_search_page_finds(self):
        data = self.get(f"{API}search", q="junkie", type="organisation").json()
        self.assertEqual([hit["key"] for hit in data["results"]], [self.union.key])
        self.assertEqual(data, self.twin("/search/", q="junkie", type="organisation"))

    def test_a_search_without_words_finds_nothing(self):
        self.assertEqual(self.get(f"{API}search").json()["results"], [])


class BadQueriesInTheApi(CastTestCase):
    def assertBadQuery(self, address: str, parameter: str, **params) -> dict:
        response = self.client.get(address, params)
        self.assertEqual(response.status_code, 400, address)
        data = response.json()
        self.assertEqual((data["error"], data["parameter"]), ("bad_query", parameter))
        self.assertTrue(data["message"].startswith(f"{parameter}: "), data["message"])
        return data

    def test_a_country_code_that_names_no_country_is_refused_naming_the_parameter(self):
        data = self.assertBadQuery(f"{API}organisations", "country", country="XX")
        self.assertIn("'XX'", data["message"])

    def test_a_page_that_is_no_number_is_refused_with_the_pages_words(self):
        for address in ("organisations", "people", "events", "countries", "search"):
            with self.subTest(address=address):
                data = self.assertBadQuery(API + address, "page", page="two")
                self.assertEqual(data["message"], "page: 'two' is not a page number")

    def test_a_bad_decade_kind_or_search_filter_is_refused_as_the_page_refuses_it(self):
        self.assertBadQuery(f"{API}events", "from", **{"from": "eighties"})
        self.assertBadQuery(f"{API}sources", "kind", kind="scroll")
        self.assertBadQuery(f"{API}search", "type", q="union", type="rumour")
        self.assertBadQuery(f"{API}search", "q", q="x" * 201)

    def test_an_unknown_record_is_a_404_in_json(self):
        for address in ("organisations/nobody", "people/nobody", "episodes/99", "countries/XX", "models/nothing"):
            with self.subTest(address=address):
                response = self.client.get(API + address)
                self.assertEqual(response.status_code, 404)
                self.assertEqual(response.json()["error"], "not_found")


class TheApiIsReadOnlyAndKeepsNoTrace(CastTestCase):
    def test_reading_the_api_sets_no_cookie(self):
        make_organisation(name="Open Union")
        for address in ("", "organisations", "organisations/open-union", "search?q=union", "openapi.json"):
            response = Client().get(API + address)
            with self.subTest(address=address):
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.cookies, {})

    def test_the_api_answers_only_reading(self):
        for method in ("post", "put", "patch", "delete"):
            with self.subTest(method=method):
                self.assertEqual(getattr(Client(), method)(f"{API}organisations").status_code, 405)

    def test_any_site_may_read_the_api_as_it_may_read_the_twins(self):
        response = self.client.get(f"{API}organisations")
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")

    def test_names_in_any_script_are_written_as_they_are(self):
        make_organisation(name="Союз")
        self.assertIn("Союз", self.client.get(f"{API}organisations").content.decode())


class EpisodeNumbers(CastTestCase):
    def test_an_episode_is_found_by_its_number(self):
        episode = make_episode(title="The first unions")
        data = self.client.get(f"{API}episodes/{episode.number}").json()
        self.assertEqual(data["title"], "The first unions")
        self.assertEqual(Episode.objects.count(), 1)
