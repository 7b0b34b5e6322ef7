"""The contributor's private receipt page: the status, the editors' questions, more material, and withdrawal."""

from __future__ import annotations

from django.urls import reverse

from movement_archive.contributions.forms import new_stamp
from movement_archive.contributions.models import Contribution, Message
from movement_archive.testing import CastTestCase

from .helpers import history, photo_with_gps


class TheReceipt(CastTestCase):
    def setUp(self):
        response = self.client.post(
            reverse("contributions:contribute"),
            history(credit="name", credit_name="Alex Harbour", contact="alex@example.org", files=[photo_with_gps()]),
        )
        self.url = response["Location"].split("?")[0]
        self.contribution = Contribution.objects.get()

    def post(self, action: str, **fields):
        data = {"action": action, f"{action}-stamp": new_stamp(), f"{action}-website": ""}
        data.update({f"{action}-{name}": value for name, value in fields.items()})
        return self.client.post(self.url, data)

    def test_the_receipt_shows_where_the_contribution_stands(self):
        response = self.client.get(self.url)
        self.assertContains(response, "Received, waiting for an editor")
        self.assertContains(response, "Alex Harbour")
        self.assertNotContains(response, "alex@example.org")
        self.assertNotContains(response, "Keep the link below somewhere safe")
        self.assertEqual(response["X-Robots-Tag"], "noindex, nofollow")

    def test_a_wrong_token_opens_nothing(self):
        self.assertEqual(self.client.get(reverse("contributions:receipt", args=["not-the-token"])).status_code, 404)

    def test_the_contributor_answers_an_editors_question(self):
        Message.objects.create(contribution=self.contribution, from_editor=True, text="Which year did the union start?")
        Contribution.objects.filter(pk=self.contribution.pk).update(status=Contribution.Status.QUESTION)
        self.assertContains(self.client.get(self.url), "Which year did the union start?")
        response = self.post("answer", text="In the spring of 1989.")
        self.assertRedirects(response, f"{self.url}?sent=answer")
        self.contribution.refresh_from_db()
        self.assertEqual(self.contribution.status, Contribution.Status.ANSWERED)
        self.assertEqual(list(self.contribution.messages.values_list("text", flat=True))[-1], "In the spring of 1989.")

    def test_an_answer_without_a_question_is_refused(self):
        self.assertEqual(self.post("answer", text="Unasked.").status_code, 400)
        self.assertFalse(self.contribution.messages.exists())

    def test_the_contributor_adds_material_while_the_editors_have_not_decided(self):
        response = self.post("add", text="We also ran a newsletter.", files=photo_with_gps("second.jpg"))
        self.assertRedirects(response, f"{self.url}?sent=add")
        self.assertEqual(self.contribution.attachments.count(), 2)
        self.assertEqual(self.post("add", text="").status_code, 400)

    def test_the_contact_can_be_deleted_on_its_own_from_every_copy(self):
        self.assertEqual(self.post("forget").status_code, 400)  # the confirmation box is needed
        self.assertRedirects(self.post("forget", confirm="on"), f"{self.url}?sent=forget")
        kept = Contribution.objects.get()
        self.assertIsNone(kept.contact_sealed)
        self.assertEqual(kept.status, Contribution.Status.RECEIVED)
        self.assertTrue(all(r.content.get("contact_sealed") is None for r in kept.revisions.all()))
        self.assertNotContains(self.client.get(self.url), "Delete my contact")

    def test_withdrawing_deletes_personal_data_and_files_at_once(self):
        stored = self.contribution.attachments.get().file
        storage, name = stored.storage, stored.name
        self.assertEqual(self.post("withdraw").status_code, 400)  # the confirmation box is needed
        with self.captureOnCommitCallbacks(execute=True):
            response = self.post("withdraw", confirm="on")
        self.assertContains(response, "Contribution withdrawn")
        withdrawn = Contribution.objects.get()
        self.assertEqual(withdrawn.status, Contribution.Status.WITHDRAWN)
        self.assertEqual((withdrawn.credit_name, withdrawn.credited_as, withdrawn.contact_sealed), ("", "", None))
        self.assertEqual(withdrawn.narrative, "")
        self.assertFalse(withdrawn.attachments.exists())
        self.assertFalse(storage.exists(name))
        self.assertEqual(self.client.get(self.url).status_code, 404)
