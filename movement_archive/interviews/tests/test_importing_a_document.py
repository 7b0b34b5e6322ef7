"""A file read into a document becomes an interview: a draft, with its transcripts, index and people."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from movement_archive.access.models import AccessLevel
from movement_archive.interviews.actions import import_interview
from movement_archive.interviews.exports import interview_document
from movement_archive.interviews.models import Interview, Participant, Transcript
from movement_archive.oralhistory.document import (
    FormatError,
    GpsPoint,
    Hyperlink,
    IndexPoint,
    InterviewDocument,
    Segment,
)
from movement_archive.people.models import Person
from movement_archive.testing import CastTestCase, make_person


def synthetic_document(segments: int = 3) -> InterviewDocument:
    return InterviewDocument(
        title="Synthetic interview: a harm reduction worker",
        date="3/14/2019",
        interviewees=["Narrator A. Example", "Jo Known"],
        interviewers=["Interviewer B. Example"],
        language="en",
        language_alt="es",
        duration_ms=5_400_000,
        rights="Invented for testing.",
        segments=[Segment(n * 4000, n * 4000 + 3500, f"Line {n} — ¿qué? مرحبا", "Narrator") for n in range(segments)],
        segments_alt=[Segment(n * 4000, n * 4000 + 3500, f"Línea {n}", "Narrador") for n in range(segments)],
        index=[
            IndexPoint(
                time_ms=60_000,
                title="Starting the group",
                title_alt="Fundar el grupo",
                keywords=["peer support", "outreach"],
                gps_points=[GpsPoint(52.37, 4.89, 10, "A city", "Una ciudad")],
                hyperlinks=[Hyperlink("https://example.org/a", "A link", "Un enlace")],
            )
        ],
    )


class ImportingADocument(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.known = make_person(name="Jo Known", key="jo-known")

    def test_the_interview_arrives_as_a_draft_with_its_transcripts_and_index(self):
        imported = import_interview(synthetic_document(), source_format="ohms", by=self.editor)
        interview = imported.interview
        self.assertFalse(interview.live)
        self.assertEqual((imported.segments, imported.index_points), (6, 1))
        self.assertEqual(interview.date, "2019-03-14")
        self.assertEqual(interview.language_list, ["en", "es"])
        original, translation = interview.transcripts.all()
        self.assertEqual((original.language, original.original), ("en", True))
        self.assertEqual((translation.language, translation.original), ("es", False))
        self.assertEqual(original.segments.get(position=1).text, "Line 1 — ¿qué? مرحبا")
        self.assertTrue(interview.revisions.exists())

    def test_a_known_name_is_linked_and_an_unknown_one_becomes_a_hidden_unpublished_person(self):
        interview = import_interview(synthetic_document(), source_format="ohms").interview
        narrators = Participant.objects.filter(interview=interview, role=Participant.Role.NARRATOR)
        self.assertIn(self.known, [p.person for p in narrators])
        newcomer = Person.objects.get(name="Narrator A. Example")
        self.assertEqual((newcomer.live, newcomer.access), (False, AccessLevel.RESTRICTED))

    def test_publishing_on_import_makes_it_live(self):
        interview = import_interview(synthetic_document(), source_format="ohms", publish=True).interview
        self.assertTrue(Interview.objects.get(pk=interview.pk).live)

    def test_a_date_the_archive_cannot_read_is_left_out_and_said(self):
        document = synthetic_document()
        document.date = "the spring after the flood"
        imported = import_interview(document, source_format="ohms")
        self.assertEqual(imported.interview.date, "")
        self.assertIn("the spring after the flood", imported.warnings[0])

    def test_a_document_with_neither_title_nor_narrator_is_refused_and_nothing_is_written(self):
        document = InterviewDocument(segments=[Segment(0, 1000, "hello")])
        with self.assertRaises(FormatError):
            import_interview(document, source_format="webvtt")
        self.assertFalse(Interview.objects.exists())
        self.assertFalse(Transcript.objects.exists())

    def test_four_thousand_segments_are_written_in_batches_not_one_by_one(self):
        document = synthetic_document(segments=4000)
        with CaptureQueriesContext(connection) as captured:
            imported = import_interview(document, source_format="webvtt")
        self.assertEqual(imported.segments, 8000)
        inserts = [q for q in captured.captured_queries if q["sql"].startswith('INSERT INTO "interviews_segment"')]
        # SQLite takes at most 999 values a statement: 166 segments of 6 columns.
        self.assertLessEqual(len(inserts), 8000 // 150)

    def test_exporting_gives_back_what_was_imported(self):
        document = synthetic_document()
        interview = import_interview(document, source_format="ohms", publish=True).interview
        out = interview_document(Interview.objects.get(pk=interview.pk), self.editor)
        self.assertEqual(out.segments, document.segments)
        self.assertEqual(out.segments_alt, document.segments_alt)
        self.assertEqual(out.index, document.index)
        self.assertEqual((out.language, out.language_alt, out.date), ("en", "es", "2019-03-14"))
        # The newcomer is nobody's to see until an editor publishes them, and then, hidden, only editors'.
        self.assertEqual(out.interviewees, ["Jo Known"])
        newcomer = Person.objects.get(name="Narrator A. Example")
        newcomer.save_revision(user=self.editor).publish(user=self.editor)
        out = interview_document(Interview.objects.get(pk=interview.pk), self.editor)
        self.assertEqual(out.interviewees, ["Narrator A. Example", "Jo Known"])
        public = interview_document(Interview.objects.get(pk=interview.pk), self.anonymous)
        self.assertEqual(public.interviewees, ["Jo Known"])
