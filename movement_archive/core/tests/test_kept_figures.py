"""Figures kept in the cache (counts, filter choices) change as soon as the archive does, and a reader who may see
more than the public never gets the public's figures, nor the public theirs."""

from __future__ import annotations

import re

from django.urls import reverse

from movement_archive.core.aggregates import archive_changed, kept
from movement_archive.testing import CastTestCase, make_country, make_organisation, make_person

HOME = "/"


def home_counts(client) -> dict[str, int]:
    html = client.get(HOME).content.decode()
    return {label: int(n) for n, label in re.findall(r"<li><strong>(\d+)</strong> (\w+)</li>", html)}


class KeptFigures(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.union = make_organisation(name="Wallaby Union", key="wallaby-union")
        cls.union.countries.set([make_country("NL")])
        cls.union.save()

    def test_publishing_and_unpublishing_show_at_once_in_the_counts(self):
        self.assertEqual(home_counts(self.client)["organisations"], 1)  # now kept

        second = make_organisation(name="Quokka Collective", key="quokka")
        self.assertEqual(home_counts(self.client)["organisations"], 2)

        second.live = False
        second.save()
        self.assertEqual(home_counts(self.client)["organisations"], 1)

    def test_a_new_country_appears_among_the_directory_s_choices_once_an_organisation_is_placed_there(self):
        directory = reverse("organisations:list")
        self.assertNotContains(self.client.get(directory), 'value="KE"')
        kenyan = make_organisation(name="Peer Outreach", key="peer-outreach")
        kenyan.countries.set([make_country("KE")])
        kenyan.save()
        self.assertContains(self.client.get(directory), 'value="KE"')

    def test_hidden_people_count_for_a_researcher_and_never_for_the_public(self):
        make_person(name="Quiet Member", consent="research")
        make_person(name="Open Member")
        self.assertEqual(home_counts(self.client)["people"], 1)
        self.client.force_login(self.researcher)
        self.assertEqual(home_counts(self.client)["people"], 2)
        self.client.logout()
        self.assertEqual(home_counts(self.client)["people"], 1)


def test_a_figure_is_computed_once_until_the_archive_changes():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert kept("figure", None, compute) == 1
    assert kept("figure", None, compute) == 1
    archive_changed()
    assert kept("figure", None, compute) == 2
    assert kept("another figure", None, compute) == 3
