"""An editor opens an interview that has a recording: the form shows the file it holds (its name, its size and a
link that plays it through the archive's own check) and takes a new one. Its storage gives the file no address,
and drawing Django's own input for it answered 500."""

from __future__ import annotations

from django.urls import reverse

from movement_archive.access.models import AccessLevel
from movement_archive.testing import CastTestCase

from .helpers import synthetic_interview, with_recording

BYTES = b"OggS" + bytes(2044)


class EditingAnInterviewWithARecording(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.interview = with_recording(
            synthetic_interview(key="heard-in-the-back-office", access=AccessLevel.COMMUNITY), BYTES, "voices.ogg"
        )
        cls.edit = reverse("wagtailsnippets_interviews_interview:edit", args=[cls.interview.pk])
        cls.file = reverse("interviews_recording", args=[cls.interview.pk])

    def test_the_form_names_the_file_its_size_and_links_it_through_the_archive(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.edit)

        self.assertEqual(response.status_code, 200)
        name = self.interview.recording.name.rsplit("/", 1)[-1]
        self.assertContains(response, f'<a href="{self.file}">{name}</a> (2.0\xa0KB)', html=False)
        self.assertContains(response, 'type="file" name="recording"')

    def test_the_link_plays_the_file_to_an_editor_and_to_no_one_else(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.file)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), BYTES)
        self.assertEqual(response["Content-Type"], "audio/ogg")
        self.assertIn("no-store", response["Cache-Control"])

        # A researcher may read interviews in the back office but not edit them; Wagtail turns the refusal into
        # a redirect with a message, as it does for its own views. A visitor is sent to sign in.
        for reader in (self.researcher, None):
            with self.subTest(reader=reader):
                if reader:
                    self.client.force_login(reader)
                else:
                    self.client.logout()
                response = self.client.get(self.file)
                self.assertEqual(response.status_code, 302)
                self.assertFalse(getattr(response, "streaming", False))

    def test_a_file_gone_from_storage_is_said_to_be_missing_and_the_form_still_opens(self):
        # Its own interview: files outlive a test's transaction, and the others need theirs.
        gone = with_recording(synthetic_interview(key="recording-gone"), BYTES, "gone.ogg")
        gone.recording.storage.delete(gone.recording.name)
        self.client.force_login(self.editor)

        response = self.client.get(reverse("wagtailsnippets_interviews_interview:edit", args=[gone.pk]))

        self.assertContains(response, "the file is missing from the archive")
        self.assertEqual(self.client.get(reverse("interviews_recording", args=[gone.pk])).status_code, 404)
