"""Editors find a contribution's moderation page from the queue, and its heading says which contribution it is.
Wagtail's buttons for publishing mean nothing for a contribution (it is never published: what is accepted
becomes draft records of their own), so its edit form and the queue do not offer them."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse

from movement_archive.contributions.models import Contribution
from movement_archive.testing import CastTestCase

from .helpers import history

EDIT = "wagtailsnippets_contributions_contribution:edit"


class FindingTheModerationPage(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.client_class().post("/contribute/", history(group_name="Synthetic Harbour Users Union"))
        cls.contribution = Contribution.objects.get()
        cls.moderate = reverse("contributions_moderate", args=[cls.contribution.pk])

    def setUp(self):
        self.client.force_login(self.editor)

    def test_the_contributions_name_in_the_queue_opens_its_moderation_page(self):
        queue = self.client.get(reverse("wagtailsnippets_contributions_contribution:list")).content.decode()

        title = re.search(r'<a href="([^"]+)">\s*<span id="snippet_\d+_title">Synthetic Harbour Users Union', queue)
        self.assertEqual(title.group(1), self.moderate)

    def test_the_dashboards_awaiting_review_and_the_email_to_editors_open_the_moderation_page(self):
        self.editor.email = "editor@example.org"
        self.editor.save()
        self.client_class().post("/contribute/", history(group_name="Another Synthetic Union"))
        latest = Contribution.objects.latest("pk")
        moderate = reverse("contributions_moderate", args=[latest.pk])

        dashboard = self.client.get(reverse("wagtailadmin_home")).content.decode()
        (email,) = mail.outbox

        self.assertIn(f'href="{moderate}"', dashboard)
        self.assertIn(moderate, email.body)
        self.assertNotIn(reverse(EDIT, args=[latest.pk]), email.body)

    def test_the_moderation_page_is_headed_with_the_contributions_number_and_the_groups_name(self):
        page = self.client.get(self.moderate).content.decode()

        heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL).group(1)
        self.assertIn(f"Moderate Contribution {self.contribution.pk}", " ".join(heading.split()))
        self.assertIn("Synthetic Harbour Users Union", page)
        self.assertIn(reverse(EDIT, args=[self.contribution.pk]), page)  # tidying the texts is one link away

    def test_its_edit_form_offers_saving_a_tidied_draft_and_no_publishing_or_approving(self):
        form = self.client.get(reverse(EDIT, args=[self.contribution.pk])).content.decode()

        self.assertIn('name="action-publish"', self.organisations_form())  # the same form elsewhere offers it
        for action in ('name="action-publish"', 'name="action-unpublish"', 'name="action-submit"', "approve"):
            self.assertNotIn(action, form)
        self.assertIn("Save draft", form)

    def organisations_form(self) -> str:
        return self.client.get(reverse("wagtailsnippets_organisations_organisation:add")).content.decode()
