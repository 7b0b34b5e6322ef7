"""A word found in very many records: the search stays quick by not ranking them, and says so; a long list is cut
and says that too. Shown with small limits, so that a handful of records stands for an archive of thousands."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import connection
from django.urls import reverse

from movement_archive.search import fts, queries
from movement_archive.search.fts import match_expression
from movement_archive.testing import CastTestCase, make_event, make_organisation, make_person

SEARCH = reverse("search:search")
# The one-pass search, and so its limits, are the SQLite backend's; PostgreSQL searches kind by kind, so these
# tests are left out of the PostgreSQL run (see the `sqlite` marker in the root conftest.py).
ONE_PASS = pytest.mark.sqlite


def test_query_words_become_quoted_terms_and_the_last_one_a_prefix_when_long_enough():
    assert match_expression(("vancouver", "drug", "us"), any_word=False) == '"vancouver" AND "drug" AND "us"'
    assert match_expression(("brugerfor",), any_word=False) == '"brugerfor"*'
    assert match_expression(("quokka", "zyzzogeton"), any_word=True) == '"quokka" OR "zyzzogeton"*'
    assert match_expression((), any_word=False) == ""


class ABroadSearch(CastTestCase):
    """Six groups and a person share the word "wallaby"; the oldest group is the only one named just that."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.first = make_organisation(name="Wallaby", key="wallaby")
        for n in range(5):
            make_organisation(name=f"Wallaby users group {n}", key=f"wallaby-{n}")
        make_person(name="Wally Wallaby", key="wally")

    def results(self, **params) -> dict:
        response = self.client.get(SEARCH, {"q": "wallaby", "format": "json", **params})
        self.assertEqual(response.status_code, 200)
        return response.json()

    def test_a_word_in_few_records_is_ranked_and_the_list_is_complete(self):
        found = self.results()
        self.assertEqual((found["ranked"], found["complete"], found["count"]), (True, True, 7))
        self.assertEqual(found["results"][0]["key"], "wallaby")  # its name is exactly the query

    @ONE_PASS
    def test_a_word_in_too_many_records_to_rank_lists_the_newest_first_and_the_page_says_so(self):
        with mock.patch.object(fts, "RANK_LIMIT", 3):
            found = self.results()
            page = self.client.get(SEARCH, {"q": "wallaby"})
        self.assertFalse(found["ranked"])
        self.assertEqual(found["count"], 7)
        # An exact name still comes first; the rest follow as they were added, the newest first.
        self.assertEqual(
            [r["key"] for r in found["results"]],
            ["wallaby", "wally", "wallaby-4", "wallaby-3", "wallaby-2", "wallaby-1", "wallaby-0"],
        )
        self.assertContains(page, "not ranked by relevance")

    @ONE_PASS
    def test_asking_for_one_kind_finds_it_behind_newer_matches_of_other_kinds(self):
        # Wally, the newest match, is a person; with room for two entries the index alone must skip him.
        with mock.patch.object(fts, "RANK_LIMIT", 3), mock.patch.object(queries, "MAX_RESULTS", 2):
            people = self.results(type="person")
            groups = self.results(type="organisation")
        self.assertEqual([r["key"] for r in people["results"]], ["wally"])
        self.assertTrue(people["complete"])
        self.assertEqual([r["key"] for r in groups["results"]], ["wallaby-4", "wallaby-3"])
        self.assertFalse(groups["complete"])

    @ONE_PASS
    def test_each_kind_gets_its_own_best_matches_whatever_ranks_above_it(self):
        # With room for two, FTS5's own best two hold at most one kind fully: the other kind is ranked among
        # its own matches instead, and each kind's two must be the first two of that kind in the full ranking.
        from django.contrib.contenttypes.models import ContentType
        from wagtail.search.backends import get_search_backend

        from movement_archive.organisations.models import Organisation
        from movement_archive.people.models import Person

        backend = get_search_backend()
        kinds = [ContentType.objects.get_for_model(model).pk for model in (Organisation, Person)]
        everything = backend.find_entries(("wallaby",), any_word=False, content_type_ids=kinds, limit=100).entries
        self.assertEqual(len(everything), 7)
        for kind in kinds:
            with self.subTest(kind=kind):
                found = backend.find_entries(("wallaby",), any_word=False, content_type_ids=[kind], limit=2)
                self.assertEqual(found.entries, [entry for entry in everything if entry[0] == kind][:2])
                self.assertTrue(found.ranked)

    def test_the_start_of_a_word_finds_what_the_whole_word_finds(self):
        self.assertEqual(self.results(q="walla")["count"], 7)
        self.assertEqual(self.results(q="wal")["count"], 7)

    @ONE_PASS
    def test_more_matches_than_are_listed_are_said_to_be_more(self):
        with mock.patch.object(queries, "MAX_RESULTS", 4):
            found = self.results()
            page = self.client.get(SEARCH, {"q": "wallaby"})
        self.assertEqual((found["count"], found["complete"]), (4, False))
        self.assertContains(page, "Only the 4 best matches are listed.")

    def test_the_search_backend_on_sqlite_is_the_archive_one(self):
        from wagtail.search.backends import get_search_backend

        backend = get_search_backend()
        self.assertEqual(hasattr(backend, "find_entries"), connection.vendor == "sqlite")


@ONE_PASS
class TitleNormsAtScale(CastTestCase):
    def test_a_new_entry_is_normalised_against_the_newest_titles_not_every_title(self):
        from wagtail.search.models import IndexEntry

        from movement_archive.search import sqlite

        make_event(title="A much longer title for an older event", key="older")
        with mock.patch.object(sqlite, "RECENT_ENTRIES", 1):
            make_event(title="Quokka rally", key="newer")
        norms = dict(IndexEntry.objects.values_list("title", "title_norm"))
        # Over the newest entry alone the average is its own length; over every title it would be 1.75.
        self.assertEqual(norms["Quokka rally"], 1.0)
        self.assertAlmostEqual(norms["A much longer title for an older event"], 1.0)
