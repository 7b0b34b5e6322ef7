"""A record's address made from its key is the one ``reverse`` gives, in every language and under any script prefix."""

from __future__ import annotations

from django.test import SimpleTestCase
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from movement_archive.core.addresses import keyed_url

ROUTES = ("events:detail", "organisations:detail", "people:detail", "organising:detail", "sources:detail")
KEYS = ("inpud", "gen-org-1", "a", "zz", "yy-zz", "under_score", "Mixed-Case-9")


class KeyedAddresses(SimpleTestCase):
    def tearDown(self):
        set_script_prefix("/")

    def assert_as_reverse(self, route: str, key: str):
        self.assertEqual(keyed_url(route, key), reverse(route, args=[key]))

    def test_every_route_and_key_gives_reverse_s_address(self):
        for route in ROUTES:
            for key in KEYS:
                with self.subTest(route=route, key=key):
                    self.assert_as_reverse(route, key)

    def test_a_country_s_code_gives_its_page(self):
        self.assertEqual(keyed_url("places:country", "nl"), "/places/nl/")

    def test_the_spanish_pages_link_to_spanish_pages(self):
        self.assertEqual(keyed_url("events:detail", "inpud"), "/events/inpud/")  # kept for English first
        with translation.override("es"):
            self.assertEqual(keyed_url("events:detail", "inpud"), "/es/events/inpud/")
        self.assertEqual(keyed_url("events:detail", "inpud"), "/events/inpud/")

    def test_a_site_served_under_a_prefix_links_under_it(self):
        keyed_url("people:detail", "someone")  # kept without the prefix first
        set_script_prefix("/archive/")
        self.assertEqual(keyed_url("people:detail", "someone"), "/archive/people/someone/")
        with translation.override("es"):
            self.assertEqual(keyed_url("people:detail", "someone"), "/archive/es/people/someone/")

    def test_a_key_that_is_no_slug_is_refused_as_reverse_refuses_it(self):
        for key in ("two words", "ñandú", "", "a/b"):
            with self.subTest(key=key), self.assertRaises(NoReverseMatch):
                keyed_url("organisations:detail", key)
