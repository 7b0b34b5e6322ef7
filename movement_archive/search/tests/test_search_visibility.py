"""Search shows only what the reader may see: drafts and hidden people never surface, in HTML or JSON."""

from __future__ import annotations

import re
from datetime import timedelta
from unittest import mock

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from movement_archive.interviews.models import Segment
from movement_archive.search.kinds import _PUBLIC_VISIBLE, KINDS
from movement_archive.testing import CastTestCase, make_country, make_organisation, make_person

SEARCH = reverse("search:search")


class SearchVisibilityTests(CastTestCase):
    """A draft organisation and a hidden person, each with a word nothing else uses, beside a public pangolin group."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_organisation(name="Pangolin Union")
        make_organisation(name="Xylofraternity of Pangolins", description="Draft words: quagmirequest.", live=False)
        make_person(
            name="Hester Pangolin",
            biography="Hidden words: zanzibarquux.",
            consent="research",
        )
        # A country whose only record is a draft is not something to find either.
        iceland = make_country("IS")
        draft = make_organisation(name="Reykjavik draft group", live=False)
        draft.countries.set([iceland])
        draft.save()

    def searches(self, q: str) -> tuple[str, dict]:
        """The list of results on the page (the query itself is echoed elsewhere on it), and the JSON twin."""
        html = self.client.get(SEARCH, {"q": q}).content.decode()
        listed = re.search(r'<ol class="results".*?</ol>', html, re.DOTALL)
        data = self.client.get(SEARCH, {"q": q, "format": "json"}).json()
        return (listed.group() if listed else ""), data

    def assert_hidden(self, q: str, *absent: str) -> None:
        html, data = self.searches(q)
        titles = [result["title"] for result in data["results"]]
        for text in absent:
            self.assertNotIn(text, html)
            self.assertNotIn(text, titles)
            self.assertNotIn(text, " ".join(result["snippet"] for result in data["results"]))

    def test_a_draft_organisation_is_never_found_by_visitors_or_community_members(self):
        for user in (None, self.community_member):
            if user:
                self.client.force_login(user)
            for q in ("Xylofraternity", "xylofrat", "quagmirequest", "Xylofraternity zzzmissing"):
                with self.subTest(user=user, q=q):
                    self.assert_hidden(q, "Xylofraternity", "quagmirequest")

    def test_a_hidden_person_is_never_found_by_visitors_or_community_members(self):
        for user in (None, self.community_member):
            if user:
                self.client.force_login(user)
            for q in ("zanzibarquux", "Hester", "hest", "Hester zzzmissing"):
                with self.subTest(user=user, q=q):
                    self.assert_hidden(q, "Hester Pangolin", "zanzibarquux")

    def test_records_sharing_a_word_with_hidden_ones_are_found_alone(self):
        html, data = self.searches("pangolin")
        self.assertEqual([(r["type"], r["title"]) for r in data["results"]], [("organisation", "Pangolin Union")])
        self.assertEqual(data["count"], 1)
        self.assertNotIn("Hester", html)
        self.assertNotIn("Xylofraternity", html)

    def test_unpublished_changes_to_a_live_record_are_not_searchable(self):
        organisation = make_organisation(name="Echidna Collective")
        organisation.name = "Renamedechidna Collective"
        organisation.save_revision()  # a draft of the change; the live record keeps its name
        self.assertEqual(self.searches("renamedechidna")[1]["count"], 0)
        self.assertEqual([r["title"] for r in self.searches("echidna")[1]["results"]], ["Echidna Collective"])

    def test_a_country_is_found_once_a_published_record_is_placed_there(self):
        self.assert_hidden("Iceland", "Iceland")
        group = make_organisation(name="Reykjavik users")
        group.countries.set([make_country("IS")])
        group.save()
        self.assertIn(("place", "Iceland"), [(r["type"], r["title"]) for r in self.searches("Iceland")[1]["results"]])

    def test_search_defers_to_visible_to_so_researchers_find_hidden_people_but_never_drafts(self):
        self.client.force_login(self.researcher)
        data = self.searches("pangolin")[1]
        self.assertEqual(
            {(r["type"], r["title"]) for r in data["results"]},
            {("organisation", "Pangolin Union"), ("person", "Hester Pangolin")},
        )


class PublicVisibilityKeptTests(CastTestCase):
    """What the public may see of each kind is built once a day (``Kind.visible_to``): it must say the same as
    building it afresh, hold no records, and follow the date, on which access levels open."""

    def test_building_what_the_public_may_see_runs_no_query_so_nothing_read_is_kept(self):
        for kind in KINDS:
            _PUBLIC_VISIBLE.clear()
            with self.subTest(kind=kind.label), self.assertNumQueries(0):
                kind.visible_to(AnonymousUser())

    def test_the_kept_conditions_are_those_built_afresh(self):
        for kind in KINDS:
            kind.visible_to(AnonymousUser())  # kept
            with self.subTest(kind=kind.label):
                self.assertEqual(str(kind.visible_to(AnonymousUser()).query), str(kind.visible(AnonymousUser()).query))

    def test_a_new_day_builds_them_again_with_its_date(self):
        segments = next(kind for kind in KINDS if kind.model is Segment)
        today = segments.visible_to(AnonymousUser())
        tomorrow = timezone.localdate() + timedelta(days=1)
        with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
            later = segments.visible_to(AnonymousUser())
        self.assertIn(str(tomorrow), str(later.query))
        self.assertNotIn(str(tomorrow), str(today.query))

    def test_signed_in_readers_have_theirs_built_each_time(self):
        _PUBLIC_VISIBLE.clear()
        for kind in KINDS:
            kind.visible_to(self.researcher)
        self.assertEqual(_PUBLIC_VISIBLE, {})

    def test_the_kept_statement_keeps_the_same_keys_as_one_built_afresh(self):
        # A public and a draft group: asked about both (and a key that is no record), the public one is kept.
        public, draft = make_organisation(name="Aardvark Union"), make_organisation(name="Aardwolf draft", live=False)
        organisations = next(kind for kind in KINDS if kind.key == "organisation")
        keys = [public.pk, draft.pk, 999_999]

        for _ in range(2):  # built, then kept
            sql, params = organisations.visible_among(AnonymousUser(), keys)
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                self.assertEqual([row[0] for row in cursor.fetchall()], [public.pk])

        afresh = organisations.visible(AnonymousUser()).filter(pk__in=keys).values_list("pk", flat=True)
        self.assertEqual(list(afresh), [public.pk])

    def test_a_record_withdrawn_after_a_search_is_not_found_by_the_next(self):
        group = make_organisation(name="Okapi Collective")
        self.assertEqual(self.client.get(SEARCH, {"q": "okapi", "format": "json"}).json()["count"], 1)

        group.unpublish()

        self.assertEqual(self.client.get(SEARCH, {"q": "okapi", "format": "json"}).json()["count"], 0)
