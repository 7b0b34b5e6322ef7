"""A group writes in Spanish; the editors' back office still names its contribution in the back office's language.

What the contributor's sending writes into the back office (a revision's title, the log, the workflow's steps) is
kept as written then, so it is written in the site's default language, not the language of the form they read.
"""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import ModelLogEntry, Revision

from movement_archive.contributions.models import Contribution
from movement_archive.testing import CastTestCase

from .helpers import history


class AContributionSentInSpanish(CastTestCase):
    def setUp(self):
        response = self.client.post("/es/contribute/", history(group_name="Unión de Usuarios del Puerto"))
        self.assertEqual(response.status_code, 302)
        self.contribution = Contribution.objects.get()
        self.title = f"Contribution {self.contribution.pk}"

    def test_its_revision_and_log_entries_are_titled_in_the_back_office_language(self):
        revisions = Revision.objects.for_instance(self.contribution)
        entries = ModelLogEntry.objects.for_instance(self.contribution)

        self.assertTrue(revisions.exists() and entries.exists())
        self.assertEqual({revision.object_str for revision in revisions}, {self.title})
        self.assertEqual({entry.label for entry in entries}, {self.title})

    def test_an_english_editor_reads_its_number_in_english_in_the_listing_and_the_history(self):
        self.client.force_login(self.editor)
        listing = self.client.get(reverse("wagtailsnippets_contributions_contribution:list"))
        history_page = self.client.get(
            reverse("wagtailsnippets_contributions_contribution:history", args=[self.contribution.pk])
        )

        for page in (listing, history_page):
            self.assertContains(page, self.title)
            self.assertNotContains(page, "Aportación")

    def test_the_contributor_still_reads_their_receipt_in_spanish(self):
        receipt = self.client.get(self.client.post("/es/contribute/", history()).url)
        self.assertEqual(receipt.status_code, 200)
        self.assertContains(receipt, 'lang="es"')
