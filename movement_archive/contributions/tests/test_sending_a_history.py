"""A user group sends its history through the public form, without an account, a cookie or a script."""

from __future__ import annotations

from django.test import override_settings
from django.urls import reverse
from PIL import Image

from movement_archive.contributions import contact
from movement_archive.contributions.models import Contribution, Throttle, token_digest
from movement_archive.testing import CastTestCase
from movement_archive.testing.cast import make_country, make_organisation, make_organising_model

from .helpers import GPS_IFD, history, photo_with_gps

CONTRIBUTE = reverse("contributions:contribute")


class SendingAHistory(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.grassroots = make_organising_model(name="Grassroots organising")
        cls.advocacy = make_organising_model(name="Drug law reform")
        cls.netherlands = make_country("NL")

    def send(self, **fields):
        return self.client.post(CONTRIBUTE, history(**fields))

    def test_the_form_asks_for_the_history_and_sets_no_cookie(self):
        response = self.client.get(CONTRIBUTE)
        self.assertContains(response, "Share your group")
        self.assertContains(response, "Grassroots organising")
        self.assertEqual(response.cookies, {})
        self.assertEqual(response["Cache-Control"], "private, no-store")

    def test_a_history_is_stored_and_the_contributor_lands_on_a_private_receipt(self):
        response = self.send(
            other_names="SHUU\nHavenbond",
            country=str(self.netherlands.pk),
            city="Rotterdam",
            founded_month="3",
            founded_approximate="on",
            models_then=[str(self.grassroots.pk)],
            models_now=[str(self.grassroots.pk), str(self.advocacy.pk)],
            **{"milestones-0-year": "1990", "milestones-0-text": "First needle exchange opened."},
            credit="pseudonym",
            credit_name="Harbour Crew",
            contact="signal: +00 000 0000",
        )
        contribution = Contribution.objects.get()
        self.assertEqual(response.status_code, 302)
        token = response["Location"].split("/receipt/")[1].split("/")[0]
        self.assertEqual(contribution.token_digest, token_digest(token))
        self.assertNotIn(token, contribution.token_digest)
        self.assertEqual(contribution.founded, "1989-03~")
        self.assertEqual(contribution.other_names, "SHUU\nHavenbond")
        self.assertEqual(
            [m.name for m in contribution.models_now.order_by("name")], ["Drug law reform", "Grassroots organising"]
        )
        self.assertEqual(
            [(m.date, m.text) for m in contribution.milestones.all()], [("1990", "First needle exchange opened.")]
        )
        self.assertEqual(contribution.credited_as, "Harbour Crew")

        receipt = self.client.get(response["Location"])
        self.assertContains(receipt, "Synthetic Harbour Users Union")
        self.assertContains(receipt, "Keep the link below somewhere safe")
        self.assertEqual(receipt["Referrer-Policy"], "no-referrer")
        self.assertEqual(receipt.cookies, {})

    def test_the_contact_is_stored_encrypted_and_opens_only_with_the_key(self):
        self.send(contact="signal: +00 000 0000")
        sealed = bytes(Contribution.objects.get().contact_sealed)
        self.assertNotIn(b"signal", sealed)
        self.assertEqual(contact.unseal(sealed), "signal: +00 000 0000")
        with (
            override_settings(MOVEMENT_ARCHIVE_CONTACT_KEY="another key"),
            self.assertRaises(contact.ContactUnreadable),
        ):
            contact.unseal(sealed)

    def test_an_uploaded_photo_loses_its_gps_tag_and_camera_before_it_is_stored(self):
        self.send(files=[photo_with_gps()])
        attachment = Contribution.objects.get().attachments.get()
        stored = attachment.file.read()
        self.assertNotIn(b"Synthetic PhoneCam", stored)
        with attachment.file.open("rb") as file, Image.open(file) as image:
            self.assertNotIn(GPS_IFD, image.getexif())
        self.assertNotIn("harbour", attachment.file.name)

    def test_a_correction_names_the_record_it_concerns(self):
        union = make_organisation(name="Rotterdam Junkie Union")
        url = f"{CONTRIBUTE}?record={union.key}"
        self.assertContains(self.client.get(union.get_absolute_url()), f'href="{url}"')
        self.assertContains(self.client.get(url), "Corrections or additions for Rotterdam Junkie Union")
        self.client.post(url, history(group_name="Rotterdam Junkie Union", narrative="It was founded in 1980."))
        contribution = Contribution.objects.get()
        self.assertEqual((contribution.kind, contribution.organisation), (Contribution.Kind.CORRECTION, union))

    def test_a_correction_for_a_record_the_public_cannot_see_is_not_found(self):
        draft = make_organisation(name="Unpublished Union", live=False)
        self.assertEqual(self.client.get(f"{CONTRIBUTE}?record={draft.key}").status_code, 404)


class BadInput(CastTestCase):
    """Every wrong answer is named beside its field, and nothing at all is stored."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.netherlands = make_country("NL")

    def assertRefused(self, message: str, **fields):
        response = self.client.post(CONTRIBUTE, history(**fields))
        self.assertEqual(response.status_code, 400, message)
        self.assertContains(response, "Nothing has been stored yet", status_code=400)
        self.assertContains(response, message, status_code=400)
        self.assertFalse(Contribution.objects.exists())

    def test_the_name_is_required_and_limited(self):
        self.assertRefused("This field is required.", group_name="")
        self.assertRefused("Ensure this value has at most 255 characters", group_name="x" * 256)

    def test_markup_and_script_are_refused_in_every_text(self):
        for field in ("group_name", "other_names", "city", "narrative", "achievements", "credit_name"):
            with self.subTest(field=field):
                self.assertRefused("markup such as", **{field: 'Union <script>alert("x")</script>'}, credit="name")

    def test_a_malformed_date_is_explained(self):
        self.assertRefused("Give the year as well as the month.", founded_year="", founded_month="3")
        self.assertRefused("greater than or equal to 1900", founded_year="1700")
        self.assertRefused("Enter a whole number.", founded_year="eighty-one")
        self.assertRefused("Give at least the year of this milestone.", **{"milestones-1-text": "A march."})

    def test_links_must_be_web_addresses(self):
        self.assertRefused("Line 2 is not a web address", links="https://example.org/union\njavascript:alert(1)")

    def test_files_must_be_images_or_pdfs_of_a_sensible_size(self):
        from django.core.files.uploadedfile import SimpleUploadedFile

        self.assertRefused("File 1 cannot be accepted", files=[SimpleUploadedFile("story.jpg", b"just some words")])
        big = SimpleUploadedFile("huge.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 1))
        self.assertRefused("File 1 is larger than 10 MB", files=[big])

    def test_credit_and_place_answers_must_agree(self):
        self.assertRefused("Give the name or pseudonym to credit", credit="name", credit_name="")
        self.assertRefused("leave the name empty", credit="anonymous", credit_name="Alex")
        self.assertRefused("leave this empty", place_withheld="on", country=str(self.netherlands.pk))

    def test_both_agreements_are_needed(self):
        self.assertRefused("This field is required.", consent_keep=None)

    def test_a_forged_or_stale_form_is_refused(self):
        self.assertRefused("not served by the archive", stamp="made-up")
        self.assertRefused("not served by the archive", stamp=None)
        with self.settings(SECRET_KEY="another secret"):
            stale = history()["stamp"]
        self.assertRefused("not served by the archive", stamp=stale)

    def test_the_box_robots_fill_in_must_stay_empty(self):
        self.assertRefused("must stay empty", website="https://spam.example")


class TooManyAtOnce(CastTestCase):
    @override_settings(MOVEMENT_ARCHIVE_CONTRIBUTIONS_PER_HOUR=2)
    def test_a_client_sending_too_many_is_asked_to_wait_and_its_address_is_not_kept(self):
        statuses = [self.client.post(CONTRIBUTE, history(), REMOTE_ADDR="192.0.2.7").status_code for _ in range(3)]
        self.assertEqual(statuses, [302, 302, 429])
        self.assertEqual(Contribution.objects.count(), 2)
        self.assertEqual(self.client.post(CONTRIBUTE, history(), REMOTE_ADDR="192.0.2.8").status_code, 302)
        # Past the limit, even a form with a broken file is refused before anything in it is read.
        broken = history(files=[photo_with_gps()], group_name="")
        self.assertEqual(self.client.post(CONTRIBUTE, broken, REMOTE_ADDR="192.0.2.7").status_code, 429)
        keys = list(Throttle.objects.values_list("key", flat=True))
        self.assertEqual(len(keys), 2)
        self.assertTrue(all("192.0.2" not in key for key in keys))
