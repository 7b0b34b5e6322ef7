"""Searching the seed collection: acronyms, other names, missing accents and partial words find the right record."""

from __future__ import annotations

from django.urls import reverse

from movement_archive.seed.tests.base import SeededTestCase

SEARCH = reverse("search:search")


class SearchingTheSeedCollection(SeededTestCase):
    def results(self, q: str, **params) -> list[dict]:
        response = self.client.get(SEARCH, {"q": q, "format": "json", **params})
        self.assertEqual(response.status_code, 200)
        return response.json()["results"]

    def top(self, q: str) -> tuple[str, str]:
        first = self.results(q)[0]
        return first["type"], first["key"]

    def test_an_acronym_and_the_name_it_stands_for_find_vandu_first(self):
        for q in ("VANDU", "vandu", "vancouver drug users", "Vancouver Area Network"):
            with self.subTest(q=q):
                self.assertEqual(self.top(q), ("organisation", "vandu"))

    def test_the_danish_name_and_its_english_translation_find_the_same_union(self):
        for q in ("Brugerforeningen", "Danish Drug Users Union", "danish drug users union"):
            with self.subTest(q=q):
                self.assertEqual(self.top(q), ("organisation", "brugerforeningen"))

    def test_the_beginning_of_a_name_is_enough(self):
        for q, key in (("junkie", "junkiebond"), ("Brugerfor", "brugerforeningen"), ("brugerfor", "brugerforeningen")):
            with self.subTest(q=q):
                self.assertEqual(self.top(q), ("organisation", key))

    def test_names_typed_without_their_accents_find_the_people(self):
        for q, name in (("Schaffer", "Dirk Schäffer"), ("zoe dodd", "Zoë Dodd"), ("Gonzalez", "Brun González")):
            with self.subTest(q=q):
                first = self.results(q)[0]
                self.assertEqual((first["type"], first["title"]), ("person", name))

    def test_accents_typed_where_the_reader_adds_them_still_match(self):
        self.assertEqual(self.results("Schäffer")[0]["title"], "Dirk Schäffer")
        self.assertEqual(self.results("SCHÄFFER")[0]["title"], "Dirk Schäffer")

    def test_one_search_mixes_kinds_of_record(self):
        types = {result["type"] for result in self.results("Rotterdam")}
        self.assertLessEqual({"place", "organisation", "event"}, types)

    def test_the_json_twin_lists_type_title_address_and_a_plain_snippet(self):
        response = self.client.get(SEARCH, {"q": "VANDU", "format": "json"})
        data = response.json()
        self.assertEqual(set(data), {"count", "next", "previous", "results", "ranked", "complete"})
        self.assertEqual(data["count"], len(data["results"]))
        self.assertIsNone(data["next"])
        self.assertIsNone(data["previous"])
        first = data["results"][0]
        self.assertEqual(set(first), {"type", "key", "title", "url", "snippet"})
        self.assertEqual(first["title"], "Vancouver Area Network of Drug Users (VANDU)")
        self.assertEqual(first["url"], "http://testserver/organisations/vandu/")
        self.assertIn("Vancouver", first["snippet"])
        for result in data["results"]:
            self.assertNotIn("<", result["snippet"])
            self.assertTrue(result["url"].startswith("http://testserver/"))

    def test_the_page_links_each_result_and_marks_the_matched_words(self):
        response = self.client.get(SEARCH, {"q": "Schaffer"})
        self.assertContains(response, '<a href="/people/dirk-schaffer/">Dirk Schäffer</a>', html=True)
        self.assertContains(response, "<mark>Schäffer</mark>")
        self.assertContains(response, '<a href="?q=Schaffer&amp;format=json">This page as JSON</a>', html=True)

    def test_an_other_name_shows_in_the_snippet_when_it_is_what_matched(self):
        first = self.results("Danish Drug Users Union")[0]
        self.assertIn("Danish Drug Users Union", first["snippet"])

    def test_filters_narrow_seeded_results(self):
        self.assertEqual(self.results("drug users union", country="CA"), self.results("drug users union", country="ca"))
        in_denmark = self.results("drug users union", country="DK")
        self.assertIn(("organisation", "brugerforeningen"), [(r["type"], r["key"]) for r in in_denmark])
        in_canada = self.results("drug users union", country="CA")
        self.assertNotIn("brugerforeningen", [r["key"] for r in in_canada])
