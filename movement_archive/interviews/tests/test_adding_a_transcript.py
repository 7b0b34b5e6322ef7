"""An editor gives an interview imported earlier a translation: from the back office or the command line, from a
file cut differently from the original, and the page shows each translated line beside the one it translates."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from movement_archive.cli import main
from movement_archive.interviews.actions import add_transcript
from movement_archive.interviews.files import read_interview_file
from movement_archive.oralhistory.document import FormatError, InterviewDocument
from movement_archive.oralhistory.document import Segment as Said
from movement_archive.testing import CastTestCase

from .helpers import synthetic_interview

# The original speaks a line every four seconds (helpers.spoken_lines); this Spanish file cuts line 1 in two.
SPANISH = (
    "WEBVTT\n\n00:00.000 --> 00:03.800\nLínea cero.\n\n"
    "00:04.000 --> 00:05.500\nLínea uno,\n\n00:05.500 --> 00:07.800\nen dos partes.\n\n"
    "00:08.000 --> 00:11.800\nLínea dos.\n"
)


def spanish_document() -> InterviewDocument:
    return read_interview_file(SPANISH.encode("utf-8"))[1]


class AddingATranslation(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.interview = synthetic_interview(key="only-english", segments_alt=[])

    def test_a_translation_cut_differently_sits_beside_the_lines_it_translates(self):
        add_transcript(self.interview, spanish_document(), language="es", source_format="webvtt")
        response = self.client.get(self.interview.get_absolute_url(), {"beside": "es"})
        self.assertContains(response, '<span class="translation" lang="es">Línea uno, en dos partes.</span>')
        self.assertContains(response, '<span class="translation" lang="es">Línea dos.</span>')

    def test_a_second_language_is_a_translation_unless_it_is_said_to_be_the_original(self):
        translation = add_transcript(self.interview, spanish_document(), language="es", source_format="webvtt")
        self.assertFalse(translation.original)
        self.assertTrue(self.interview.transcripts.get(language="en").original)
        bare = synthetic_interview(key="no-transcript", segments=0, segments_alt=[])
        self.assertTrue(add_transcript(bare, spanish_document(), language="es", source_format="webvtt").original)

    def test_adding_a_language_again_replaces_its_transcript(self):
        add_transcript(self.interview, spanish_document(), language="es", source_format="webvtt")
        again = InterviewDocument(segments=[Said(0, 2000, "Una sola línea.")])
        transcript = add_transcript(self.interview, again, language="es", source_format="webvtt")
        self.assertEqual(list(transcript.segments.values_list("text", flat=True)), ["Una sola línea."])
        self.assertEqual(self.interview.transcripts.count(), 2)

    def test_a_file_without_timed_lines_or_a_language_that_is_no_code_changes_nothing(self):
        with self.assertRaisesMessage(FormatError, "no timed lines"):
            add_transcript(self.interview, InterviewDocument(), language="es", source_format="ohms")
        for language in ("", "Spanish", "es, fr"):
            with self.subTest(language=language), self.assertRaises(ValidationError):
                add_transcript(self.interview, spanish_document(), language=language, source_format="webvtt")
        self.assertEqual([t.language for t in self.interview.transcripts.all()], ["en"])


class AddingATranscriptInTheBackOffice(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.interview = synthetic_interview(key="only-english", segments_alt=[])
        cls.url = reverse("interviews_add_transcript", args=[cls.interview.pk])

    def post(self, content: bytes, **fields):
        upload = SimpleUploadedFile("es.vtt", content)
        return self.client.post(self.url, {"file": upload, "format": "auto", "language": "es", **fields})

    def test_the_interview_listing_offers_it_to_an_editor(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailsnippets_interviews_interview:list"))
        self.assertContains(response, self.url)

    def test_an_editor_adds_a_translation_and_returns_to_the_interview(self):
        self.client.force_login(self.editor)
        response = self.post(SPANISH.encode("utf-8"))
        self.assertRedirects(response, reverse("wagtailsnippets_interviews_interview:edit", args=[self.interview.pk]))
        self.assertEqual(self.interview.transcripts.get(language="es").segments.count(), 4)

    def test_a_broken_file_is_explained_with_its_line_and_nothing_is_written(self):
        self.client.force_login(self.editor)
        response = self.post(b"WEBVTT\n\n00:00.000 --> later\nHola\n")
        self.assertContains(response, "This file cannot be read as a transcript")
        self.assertContains(response, "line 3")
        self.assertFalse(self.interview.transcripts.filter(language="es").exists())

    def test_more_than_one_language_is_refused_on_its_field(self):
        self.client.force_login(self.editor)
        response = self.post(SPANISH.encode("utf-8"), language="es, fr")
        self.assertFormError(response.context["form"], "language", "Give one language code, such as es.")

    def test_a_researcher_may_not_add_one(self):
        self.client.force_login(self.researcher)
        # Wagtail turns a refusal into a return to the dashboard, with a message saying why.
        self.assertRedirects(self.post(SPANISH.encode("utf-8")), reverse("wagtailadmin_home"))
        self.assertFalse(self.interview.transcripts.filter(language="es").exists())


@pytest.mark.django_db
def test_the_command_line_adds_a_translation_and_says_what_it_made(tmp_path, capsys):
    interview = synthetic_interview(key="only-english", segments_alt=[])
    captions = tmp_path / "es.vtt"
    captions.write_text(SPANISH, encoding="utf-8")
    status = main(["import-transcript", "only-english", str(captions), "--language", "es", "--json"])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    result = json.loads(out)
    assert (result["id"], result["language"], result["original"], result["segments"]) == (interview.pk, "es", False, 4)


@pytest.mark.django_db
def test_the_command_line_refuses_an_unknown_interview_and_a_broken_file(tmp_path, capsys):
    synthetic_interview(key="only-english", segments_alt=[])
    broken = tmp_path / "broken.srt"
    broken.write_text("1\n00:00:01,000 --> later\nHola\n", encoding="utf-8")
    assert main(["import-transcript", "nobody", str(broken), "--language", "es"]) == 1
    assert "no interview 'nobody'" in capsys.readouterr().err
    assert main(["import-transcript", "only-english", str(broken), "--language", "es"]) == 1
    assert "line 2" in capsys.readouterr().err
