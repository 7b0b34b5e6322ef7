"""An editor imports an interview file in the back office; a researcher cannot; a broken file is explained."""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from movement_archive.interviews.models import Interview
from movement_archive.testing import CastTestCase

IMPORT = reverse("interviews_import")
OHMS = Path(__file__).resolve().parents[2] / "oralhistory" / "tests" / "files" / "ohms6_vtt_translation.xml"


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


class ImportingInTheBackOffice(CastTestCase):
    def post(self, file: SimpleUploadedFile, **fields):
        return self.client.post(IMPORT, {"file": file, "format": "auto", **fields})

    def test_an_editor_imports_an_ohms_file_and_lands_on_the_new_draft(self):
        self.client.force_login(self.editor)
        response = self.post(upload("story.xml", OHMS.read_bytes()))
        interview = Interview.objects.get()
        self.assertRedirects(response, reverse("wagtailsnippets_interviews_interview:edit", args=[interview.pk]))
        self.assertFalse(interview.live)
        self.assertTrue(interview.transcripts.exists())

    def test_a_caption_file_with_a_title_and_language_becomes_a_published_interview(self):
        self.client.force_login(self.editor)
        captions = b"WEBVTT\n\n00:01.000 --> 00:03.000\nA synthetic first line.\n"
        self.post(upload("first.vtt", captions), title="Synthetic captions", language="en", publish="on")
        interview = Interview.objects.get(title="Synthetic captions")
        self.assertTrue(interview.live)
        self.assertEqual(interview.transcripts.get().language, "en")

    def test_a_broken_file_is_explained_with_its_line_and_nothing_is_created(self):
        self.client.force_login(self.editor)
        response = self.post(upload("broken.srt", b"1\n00:00:01,000 --> later\nHello\n"), title="Broken")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This file cannot be imported")
        self.assertContains(response, "line 2")
        self.assertFalse(Interview.objects.exists())

    def test_a_time_past_the_longest_recording_is_refused_with_its_line_on_every_database(self):
        # 600 hours is past what a PostgreSQL integer holds in milliseconds: the reader refuses it before any
        # database is asked, so SQLite and PostgreSQL answer alike.
        self.client.force_login(self.editor)
        captions = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n\n600:00:00.000 --> 600:00:01.000\nLate\n"

        response = self.post(upload("late.vtt", captions), title="Late", language="en")

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "line 6")
        self.assertContains(response, "later than the longest recording the archive keeps")
        self.assertFalse(Interview.objects.exists())

    def test_a_researcher_may_not_import(self):
        self.client.force_login(self.researcher)
        # Wagtail turns a refusal into a return to the dashboard, with a message saying why.
        self.assertRedirects(self.client.get(IMPORT), reverse("wagtailadmin_home"))
        response = self.post(upload("story.xml", OHMS.read_bytes()))
        self.assertRedirects(response, reverse("wagtailadmin_home"))
        self.assertFalse(Interview.objects.exists())
