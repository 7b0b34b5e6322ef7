"""Stories of the consent ledger: what a narrator or a group agrees to, and how a change holds everywhere at once."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from movement_archive.consent.actions import record_consent, withdraw_consent
from movement_archive.consent.models import Attribution, ConsentEntry, Flag, Method, Scope
from movement_archive.documentary.models import Episode
from movement_archive.interviews.models import EpisodeUse, Interview, Participant
from movement_archive.interviews.tests.helpers import synthetic_interview
from movement_archive.people.models import Person
from movement_archive.testing.cast import CastTestCase, make_episode, make_person

TODAY = timezone.localdate()


def found(client, words: str) -> list[str]:
    """The titles the site search gives the client's reader for ``words``."""
    results = client.get("/search/", {"q": words, "format": "json"}).json()["results"]
    return [result["title"] for result in results]


class NarratorConsentTests(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.narrator = make_person(name="Marisol Quintero-Vale", biography="She ran the needle exchange.")
        cls.interview = synthetic_interview(key="marisol-story")
        Participant.objects.create(interview=cls.interview, person=cls.narrator, role=Participant.Role.NARRATOR)
        cls.episode = make_episode(number=3, title="Exchanges")
        EpisodeUse.objects.create(interview=cls.interview, episode=cls.episode)

    def consent(self, **fields):
        values = {
            "person": self.narrator,
            "scope": Scope.PUBLIC,
            "attribution": Attribution.NAME,
            "agreed_on": TODAY,
            "method": Method.SIGNED_FORM,
            "by": self.editor,
        }
        return record_consent(**{**values, **fields})

    def test_the_ledger_keeps_what_was_agreed_when_how_and_by_whom(self):
        entry = self.consent(agreed_on=TODAY - timedelta(days=400), evidence="Release form 2019/14")
        self.assertEqual(entry.subject, f"person:{self.narrator.key}")
        self.assertEqual(entry.recorded_by, self.editor)
        self.assertEqual((entry.scope, entry.attribution, entry.method), ("public", "name", "signed_form"))
        self.assertNotIn("Marisol", str(entry))

    def test_entries_are_never_changed_a_change_is_a_new_entry(self):
        entry = self.consent()
        entry.scope = Scope.COMMUNITY
        with self.assertRaises(ValueError):
            entry.save()
        self.consent(scope=Scope.COMMUNITY)
        self.assertEqual(ConsentEntry.objects.filter(person=self.narrator).count(), 2)

    def test_consent_cannot_be_dated_after_today(self):
        with self.assertRaises(ValidationError):
            self.consent(agreed_on=TODAY + timedelta(days=1))

    def test_narrowing_to_the_community_hides_the_narrator_and_the_interview_from_visitors_at_once(self):
        self.consent(scope=Scope.COMMUNITY)
        self.assertEqual(self.client.get(self.narrator.get_absolute_url()).status_code, 404)
        self.assertEqual(self.client.get(self.interview.get_absolute_url()).status_code, 404)
        self.client.force_login(self.community_member)
        self.assertEqual(self.client.get(self.narrator.get_absolute_url()).status_code, 200)
        self.assertEqual(self.client.get(self.interview.get_absolute_url()).status_code, 200)

    def test_a_withdrawn_narrator_and_their_interview_are_gone_for_readers_who_could_see_them(self):
        withdraw_consent(person=self.narrator, method=Method.WRITTEN, by=self.editor)
        for url in (self.narrator.get_absolute_url(), self.interview.get_absolute_url()):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 410, url)
            self.assertNotContains(response, "Marisol", status_code=410)
            self.assertEqual(self.client.get(url, {"format": "json"}).json()["error"], "gone")
        self.assertFalse(Interview.objects.get(pk=self.interview.pk).live)

    def test_a_withdrawn_interview_leaves_the_search_index_with_its_transcript(self):
        self.assertTrue(found(self.client, "synthetic story"))
        withdraw_consent(person=self.narrator, method=Method.WRITTEN, by=self.editor)
        self.client.force_login(self.editor)
        self.assertFalse(found(self.client, "synthetic story"))
        self.assertFalse(found(self.client, "Quintero"))

    def test_publishing_an_old_draft_does_not_bring_a_withdrawn_interview_back(self):
        self.interview.summary = "A draft written before the withdrawal."
        self.interview.save_revision(user=self.editor)
        withdraw_consent(person=self.narrator, method=Method.SPOKEN, by=self.editor)
        Interview.objects.get(pk=self.interview.pk).latest_revision.publish(user=self.editor)
        interview = Interview.objects.get(pk=self.interview.pk)
        self.assertFalse(interview.live)
        self.assertEqual(interview.consent, "withdrawn")
        self.assertEqual(self.client.get(interview.get_absolute_url()).status_code, 410)

    def test_episodes_drawing_on_the_interview_are_flagged_for_editors(self):
        withdraw_consent(person=self.narrator, method=Method.WRITTEN, by=self.editor)
        flags = Flag.objects.filter(kind="episode", key=self.episode.key)
        self.assertEqual(flags.count(), 1)
        self.assertIsNone(flags.get().resolved_at)

    def test_consent_given_again_clears_the_withdrawal_and_an_editor_publishes_anew(self):
        withdraw_consent(person=self.narrator, method=Method.WRITTEN, by=self.editor)
        self.consent(scope=Scope.PUBLIC)
        person = Person.objects.get(pk=self.narrator.pk)
        self.assertIsNone(person.withdrawn_at)
        self.assertFalse(person.live)
        person.save_revision(user=self.editor).publish(user=self.editor)
        self.assertEqual(self.client.get(person.get_absolute_url()).status_code, 200)


class PseudonymTests(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.person = make_person(name="Teodora Blasković", biography="Organised outreach at night.")
        cls.old_url = cls.person.get_absolute_url()

    def test_a_pseudonym_replaces_the_name_and_the_address_that_held_it(self):
        record_consent(
            person=self.person,
            scope=Scope.PUBLIC,
            attribution=Attribution.PSEUDONYM,
            pseudonym="Nightbird",
            agreed_on=TODAY,
            method=Method.RECORDED,
            by=self.editor,
        )
        person = Person.objects.get(pk=self.person.pk)
        self.assertEqual(person.shown_name, "Nightbird")
        self.assertNotIn("blaskovic", person.key)
        self.assertEqual(self.client.get(self.old_url).status_code, 404)
        page = self.client.get(person.get_absolute_url())
        self.assertContains(page, "<title>Nightbird")
        self.assertNotContains(page, "Teodora")
        self.assertNotIn("Teodora", self.client.get(person.get_absolute_url(), {"format": "json"}).content.decode())
        self.assertFalse(found(self.client, "Teodora"))
        self.assertEqual(found(self.client, "Nightbird"), ["Nightbird"])

    def test_a_pseudonym_is_required_for_attribution_by_pseudonym(self):
        with self.assertRaises(ValidationError):
            record_consent(
                person=self.person,
                scope=Scope.PUBLIC,
                attribution=Attribution.PSEUDONYM,
                agreed_on=TODAY,
                method=Method.RECORDED,
            )
        self.assertFalse(ConsentEntry.objects.exists())

    def test_an_anonymous_person_is_called_anonymous_and_editors_alone_see_the_name(self):
        record_consent(
            person=self.person, scope=Scope.PUBLIC, attribution=Attribution.ANONYMOUS, agreed_on=TODAY,
            method=Method.SIGNED_FORM,
        )  # fmt: skip
        person = Person.objects.get(pk=self.person.pk)
        self.assertContains(self.client.get(person.get_absolute_url()), "Anonymous")
        self.client.force_login(self.researcher)
        self.assertNotContains(self.client.get(person.get_absolute_url()), "Teodora")
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(person.get_absolute_url()), "Teodora")


class EpisodeFlagTests(CastTestCase):
    def test_an_episode_featuring_a_person_is_flagged_when_their_consent_narrows(self):
        person = make_person(name="Ilse Vermeer")
        episode = make_episode(number=4, title="Unions")
        episode.people.add(person)
        episode.save()  # a parental many-to-many is written when its record is saved
        record_consent(
            person=person, scope=Scope.RESEARCH, attribution=Attribution.NAME, agreed_on=TODAY,
            method=Method.WRITTEN,
        )  # fmt: skip
        self.assertEqual(Flag.objects.get().key, episode.key)
        self.assertTrue(Episode.objects.filter(pk=episode.pk, live=True).exists())
