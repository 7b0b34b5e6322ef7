"""Editors moderate contributions: the queue, the probable matches, questions, declining, accepting and merging.
Every decision is in the audit log, and accepted material becomes published records that credit as chosen."""

from __future__ import annotations

from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry, WorkflowState

from movement_archive.consent.models import ConsentEntry, Flag
from movement_archive.contributions import decisions
from movement_archive.contributions.actions import withdraw
from movement_archive.contributions.models import Contribution
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation
from movement_archive.testing import CastTestCase
from movement_archive.testing.cast import make_country, make_organisation, make_organising_model

from .helpers import history

CONTRIBUTE = reverse("contributions:contribute")


class Moderating(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.netherlands = make_country("NL")
        cls.grassroots = make_organising_model(name="Grassroots organising")
        cls.existing = make_organisation(name="Rotterdamse Junkiebond", acronym="RJB")
        cls.existing.countries.set([cls.netherlands])
        cls.existing.save()
        cls.editor.email = "editor@example.org"
        cls.editor.save()

    def setUp(self):
        response = self.client.post(
            CONTRIBUTE,
            history(
                group_name="Rotterdamse Junkie Bond",
                other_names="Havenbond",
                country=str(self.netherlands.pk),
                models_then=[str(self.grassroots.pk)],
                credit="pseudonym",
                credit_name="Harbour Crew",
                contact="crew@example.org",
                **{"milestones-0-year": "1981", "milestones-0-text": "The union's first meeting."},
            ),
        )
        self.receipt = response["Location"].split("?")[0]
        self.contribution = Contribution.objects.get()
        self.page = reverse("contributions_moderate", args=[self.contribution.pk])

    def decide(self, action: str, **fields):
        data = {"action": action, **{f"{action}-{name}": value for name, value in fields.items()}}
        return self.client.post(self.page, data)

    def test_a_new_contribution_waits_in_the_queue_and_editors_are_told_without_names(self):
        self.assertEqual(WorkflowState.objects.get().status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual([m.to for m in mail.outbox], [["editor@example.org"]])
        self.assertNotIn("Junkie", mail.outbox[0].body + mail.outbox[0].subject)
        self.assertIn(f"/contributions/{self.contribution.pk}/moderate/", mail.outbox[0].body)
        self.client.force_login(self.editor)
        listing = self.client.get(reverse("wagtailsnippets_contributions_contribution:list"), {"status": "received"})
        self.assertContains(listing, "Rotterdamse Junkie Bond")

    def test_researchers_cannot_read_contributions(self):
        self.client.force_login(self.researcher)
        self.assertRedirects(self.client.get(self.page), reverse("wagtailadmin_home"))

    def test_the_moderation_page_shows_the_probable_match_and_the_contact(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.page)
        self.assertContains(response, "Rotterdamse Junkiebond")
        self.assertContains(response, "same country")
        self.assertContains(response, "crew@example.org")

    def test_a_question_reaches_the_receipt_and_the_answer_reaches_the_editors(self):
        self.client.force_login(self.editor)
        self.decide("ask", text="Was the first meeting in a squat?")
        self.assertContains(self.client.get(self.receipt), "Was the first meeting in a squat?")
        self.assertTrue(ModelLogEntry.objects.filter(action=decisions.ASKED, user=self.editor).exists())
        mail.outbox.clear()
        self.contribution.refresh_from_db()
        from movement_archive.contributions.actions import answer

        with self.captureOnCommitCallbacks(execute=True):
            answer(self.contribution, "Yes, on the harbour.")
        self.assertIn(["editor@example.org"], [m.to for m in mail.outbox])
        self.assertNotIn("harbour", mail.outbox[0].body.lower())

    def test_declining_gives_the_reason_on_the_receipt_and_closes_the_workflow(self):
        self.client.force_login(self.editor)
        self.decide("decline", reason="The archive already holds this history.")
        self.contribution.refresh_from_db()
        self.assertEqual(self.contribution.status, Contribution.Status.DECLINED)
        self.assertContains(self.client.get(self.receipt), "The archive already holds this history.")
        self.assertEqual(WorkflowState.objects.get().status, WorkflowState.STATUS_CANCELLED)
        self.decide("accept", names="")
        self.assertFalse(Organisation.objects.filter(name="Rotterdamse Junkie Bond").exists())

    def test_accepting_publishes_a_record_citing_the_contribution_credited_as_chosen(self):
        self.client.force_login(self.editor)
        self.decide("accept", names="")
        made = Organisation.objects.get(name="Rotterdamse Junkie Bond")
        self.assertTrue(made.live)
        self.assertEqual([n.name for n in made.other_names.all()], ["Havenbond"])
        self.assertEqual([p.model for p in made.practices.all()], [self.grassroots])
        self.assertEqual(list(made.countries.all()), [self.netherlands])
        milestone = Event.objects.get(kind=Event.Kind.MILESTONE)
        self.assertEqual((milestone.date, list(milestone.organisations.all())), ("1981", [made]))
        self.assertTrue(ModelLogEntry.objects.filter(action=decisions.ACCEPTED).exists())
        self.client.logout()
        page = self.client.get(made.get_absolute_url())
        self.assertContains(page, "sent in by Harbour Crew")

    def test_withdrawing_after_acceptance_takes_what_was_made_from_it_off_the_archive(self):
        self.client.force_login(self.editor)
        self.decide("accept", names="")
        made = Organisation.objects.get(name="Rotterdamse Junkie Bond")
        source = Contribution.objects.get().source
        withdraw(Contribution.objects.get())
        self.client.logout()
        for url in (made.get_absolute_url(), source.get_absolute_url()):
            page = self.client.get(url)
            self.assertEqual(page.status_code, 410, url)
            self.assertNotContains(page, "Harbour Crew", status_code=410)
            self.assertNotContains(page, "Junkie Bond", status_code=410)
        self.assertEqual(ConsentEntry.objects.filter(scope="withdrawn").count(), 1)

    def test_withdrawing_after_a_merge_flags_the_record_it_was_merged_into(self):
        self.client.force_login(self.editor)
        self.decide("merge", organisation=self.existing.pk)
        withdraw(Contribution.objects.get())
        self.assertEqual(Flag.objects.get().key, self.existing.key)
        self.assertEqual(self.client.get(self.existing.get_absolute_url()).status_code, 200)

    def test_after_acceptance_the_moderation_page_links_the_records_made_and_the_receipt_those_published(self):
        self.client.force_login(self.editor)
        self.decide("accept", names="Harbour Users North\nHarbour Users South")
        north, south = Organisation.objects.filter(name__startswith="Harbour Users").order_by("name")
        south.unpublish()

        moderation = self.client.get(self.page).content.decode()
        self.client.logout()
        receipt = self.client.get(self.receipt).content.decode()

        for organisation in (north, south):
            edit = reverse("wagtailsnippets_organisations_organisation:edit", args=[organisation.pk])
            self.assertIn(f'<a href="{edit}">{organisation.name}</a>', moderation)
        self.assertIn(f'<a href="{north.get_absolute_url()}">Harbour Users North</a>', receipt)
        self.assertNotIn("Harbour Users South", receipt)  # a draft again: not shown to the contributor

    def test_a_contribution_about_two_groups_is_split(self):
        self.client.force_login(self.editor)
        self.decide("accept", names="Harbour Users North\nHarbour Users South")
        self.assertEqual(
            sorted(Organisation.objects.filter(name__startswith="Harbour Users").values_list("name", flat=True)),
            ["Harbour Users North", "Harbour Users South"],
        )

    def test_merging_adds_what_is_new_and_keeps_what_the_record_says(self):
        self.client.force_login(self.editor)
        response = self.decide("merge", organisation=self.existing.pk)  # a probable match, chosen from the list
        self.assertRedirects(response, self.page)
        merged = Organisation.objects.get(pk=self.existing.pk)
        self.assertEqual(merged.name, "Rotterdamse Junkiebond")
        self.assertEqual(sorted(n.name for n in merged.other_names.all()), ["Havenbond", "Rotterdamse Junkie Bond"])
        self.assertEqual(merged.founded, "1989")
        self.assertTrue(ModelLogEntry.objects.filter(action=decisions.MERGED).exists())
        self.assertEqual(self.decide("merge", organisation="no-such-group").status_code, 400)

    def test_an_organisation_found_by_its_acronym_is_offered_and_one_never_listed_is_refused(self):
        elsewhere = make_organisation(name="Vancouver Area Network of Drug Users", acronym="VANDU")
        self.client.force_login(self.editor)

        found = self.client.get(self.page, {"find": "vandu"}).content.decode()
        unlisted = self.decide("merge", organisation=elsewhere.pk)  # no search sent with it: not among the choices
        merged = self.decide("merge", organisation=elsewhere.pk, find="vandu")

        self.assertIn(f'value="{elsewhere.pk}"', found)
        self.assertLess(found.index(f'value="{self.existing.pk}"'), found.index(f'value="{elsewhere.pk}"'))
        self.assertNotIn('name="merge-organisation" type="text"', found)
        self.assertEqual(unlisted.status_code, 400)
        self.assertRedirects(merged, self.page)
        self.assertEqual(Contribution.objects.get().organisation, elsewhere)

    def test_what_an_editor_tidied_in_a_draft_is_what_gets_accepted(self):
        draft = Contribution.objects.get()
        draft.group_name = "Rotterdam Junkie Union"
        draft.save_revision(user=self.editor, clean=False)
        self.client.force_login(self.editor)
        from movement_archive.contributions.actions import answer

        answer(Contribution.objects.get(), "An answer that must not undo the editor's tidying.")
        self.decide("accept", names="")
        self.assertTrue(Organisation.objects.filter(name="Rotterdam Junkie Union", live=True).exists())
