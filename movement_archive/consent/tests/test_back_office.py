"""Editors keep the consent ledger in the back office: they add entries, which take effect at once, and never
change or delete one. Researchers do not open it."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from movement_archive.consent.models import ConsentEntry, Flag
from movement_archive.people.models import Person
from movement_archive.testing import CastTestCase, make_person

ADD = reverse("consententry:add")


class ConsentBackOfficeTests(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.person = make_person(name="Odile Marchetti", biography="Ran a peer line.")

    def form(self, **fields):
        values = {
            "person": self.person.pk,
            "contribution": "",
            "scope": "community",
            "attribution": "name",
            "pseudonym": "",
            "agreed_on": timezone.localdate().isoformat(),
            "method": "signed_form",
            "evidence": "Release forms binder, page 12",
            "note": "",
        }
        return {**values, **fields}

    def test_an_editor_records_consent_and_it_holds_on_the_reading_pages_at_once(self):
        self.client.force_login(self.editor)
        response = self.client.post(ADD, self.form())
        self.assertEqual(response.status_code, 302)
        entry = ConsentEntry.objects.get()
        self.assertEqual(
            (entry.recorded_by, entry.scope, entry.subject), (self.editor, "community", "person:odile-marchetti")
        )
        self.client.logout()
        self.assertEqual(self.client.get(self.person.get_absolute_url()).status_code, 404)

    def test_a_pseudonym_is_asked_for_when_the_person_is_to_be_known_by_one(self):
        self.client.force_login(self.editor)
        response = self.client.post(ADD, self.form(attribution="pseudonym"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Give the pseudonym this person is to be known by.")
        self.assertFalse(ConsentEntry.objects.exists())
        self.client.post(ADD, self.form(attribution="pseudonym", pseudonym="Kestrel", scope="public"))
        self.assertEqual(Person.objects.get(pk=self.person.pk).shown_name, "Kestrel")

    def test_an_entry_about_nobody_or_dated_tomorrow_is_refused_with_the_reason(self):
        self.client.force_login(self.editor)
        tomorrow = (timezone.localdate() + timezone.timedelta(days=1)).isoformat()
        self.assertContains(self.client.post(ADD, self.form(person="")), "not both")
        self.assertContains(self.client.post(ADD, self.form(agreed_on=tomorrow)), "after today")
        self.assertFalse(ConsentEntry.objects.exists())

    def test_no_one_edits_or_deletes_an_entry(self):
        self.client.force_login(self.administrator)
        self.client.post(ADD, self.form())
        entry = ConsentEntry.objects.get()
        for view in ("consententry:edit", "consententry:delete"):
            response = self.client.post(reverse(view, args=[entry.pk]), self.form(scope="public"))
            self.assertNotEqual(response.status_code, 200, view)
        self.assertEqual(ConsentEntry.objects.get().scope, "community")

    def test_researchers_do_not_open_the_ledger_or_the_flags(self):
        self.client.force_login(self.researcher)
        for view in ("consententry:index", "flag:index"):
            self.assertRedirects(self.client.get(reverse(view)), reverse("wagtailadmin_home"))

    def test_an_editor_resolves_a_flag_saying_what_was_done(self):
        self.client.force_login(self.editor)
        self.client.post(ADD, self.form())
        flag = Flag.objects.create(
            entry=ConsentEntry.objects.get(), kind="episode", key="3", label="Episode 3", reason="features them"
        )
        self.client.post(reverse("flag:edit", args=[flag.pk]), {"resolution": "Cut the scene."})
        flag.refresh_from_db()
        self.assertEqual((flag.resolution, flag.resolved_by), ("Cut the scene.", self.editor))
        self.assertIsNotNone(flag.resolved_at)
