"""A passage of an interview closed to some readers is closed everywhere at once: the transcript, the index, the
captions, the exports, the search and the sound of the recording."""

from __future__ import annotations

import wave
from io import BytesIO

from movement_archive.interviews.models import Interview, RestrictedPassage
from movement_archive.oralhistory.document import IndexPoint, Segment
from movement_archive.testing import CastTestCase
from movement_archive.testing.cast import reader_group

from .helpers import synthetic_interview, synthetic_wav, with_recording

LINES = [
    Segment(0, 4000, "Open words about the drop-in.", "Narrator"),
    Segment(4000, 8000, "Closed words Quillfeather about a raid.", "Narrator"),
    Segment(8000, 12000, "Open words about the union.", "Narrator"),
]
RATE = 8000  # frames a second in ``synthetic_wav``: one byte a frame, 8 bytes a millisecond


def frames(recording: bytes) -> bytes:
    with wave.open(BytesIO(recording)) as audio:
        return audio.readframes(audio.getnframes())


class RestrictedPassageTests(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        interview = synthetic_interview(
            key="passage-story",
            lines=LINES,
            segments_alt=[],
            index=[IndexPoint(time_ms=0, title="Opening"), IndexPoint(time_ms=5000, title="Quillmoment raid")],
        )
        cls.interview = with_recording(interview, synthetic_wav(seconds=12, rate=RATE))
        RestrictedPassage.objects.create(
            interview=cls.interview, start_ms=4000, end_ms=8000, access="restricted", access_group=reader_group()
        )
        cls.url = cls.interview.get_absolute_url()

    def get(self, suffix="", user=None, **params):
        if user is not None:
            self.client.force_login(user)
        return self.client.get(self.url + suffix, params)

    def test_a_visitor_reads_the_open_words_and_is_told_a_passage_is_closed(self):
        page = self.get()
        self.assertContains(page, "Open words about the drop-in.")
        self.assertContains(page, "Open words about the union.")
        self.assertNotContains(page, "Quillfeather")
        self.assertNotContains(page, "Quillmoment")
        self.assertContains(page, "0:04–0:08")
        data = self.get(format="json").json()
        self.assertEqual([s["start_ms"] for s in data["segments"]], [0, 8000])
        self.assertEqual([p["title"] for p in data["index"]], ["Opening"])
        self.assertEqual(data["closed_passages"], [{"start_ms": 4000, "end_ms": 8000}])

    def test_the_captions_and_the_exports_leave_the_passage_out(self):
        for suffix in ("captions/en.vtt", "export.vtt", "export.srt", "export.ohms"):
            with self.subTest(suffix=suffix):
                response = self.get(suffix)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn(b"Quill", response.content)
                self.assertIn(b"Open words about the union.", response.content)

    def test_the_search_finds_no_word_of_the_passage_but_finds_the_open_ones(self):
        def titles(words):
            return self.client.get("/search/", {"q": words, "format": "json"}).json()["results"]

        self.assertFalse(titles("Quillfeather"))
        self.assertFalse(titles("Quillmoment"))
        self.assertTrue(titles("drop-in"))

    def test_the_recording_plays_silence_over_the_passage_for_a_visitor(self):
        original = frames(self.interview.recording.open("rb").read())
        served = frames(b"".join(self.get("recording").streaming_content))
        closed = slice(4 * RATE, 8 * RATE)
        self.assertEqual(len(served), len(original))
        self.assertEqual(set(served[closed]), {0x80})
        self.assertEqual(served[: 4 * RATE], original[: 4 * RATE])
        self.assertEqual(served[8 * RATE :], original[8 * RATE :])

    def test_a_byte_range_across_the_edge_of_the_passage_is_silenced_only_inside_it(self):
        header = len(self.interview.recording.open("rb").read()) - 12 * RATE
        edge = header + 4 * RATE
        response = self.client.get(self.url + "recording", headers={"Range": f"bytes={edge - 10}-{edge + 9}"})
        self.assertEqual(response.status_code, 206)
        body = b"".join(response.streaming_content)
        self.assertEqual(len(body), 20)
        self.assertNotEqual(set(body[:10]), {0x80})
        self.assertEqual(set(body[10:]), {0x80})

    def test_a_member_of_the_group_has_the_whole_interview(self):
        page = self.get(user=self.group_member)
        self.assertContains(page, "Closed words Quillfeather about a raid.")
        self.assertNotContains(page, "0:04–0:08")
        served = b"".join(self.client.get(self.url + "recording").streaming_content)
        self.assertEqual(served, self.interview.recording.open("rb").read())

    def test_a_compressed_recording_is_not_served_to_a_reader_a_passage_is_closed_to(self):
        compressed = with_recording(
            synthetic_interview(key="compressed-story", lines=LINES, segments_alt=[]), b"not really ogg", "story.ogg"
        )
        RestrictedPassage.objects.create(interview=compressed, start_ms=4000, end_ms=8000, access="community")
        url = compressed.get_absolute_url()
        self.assertEqual(self.client.get(url + "recording").status_code, 404)
        self.assertContains(self.client.get(url), "not served to you")
        self.client.force_login(self.community_member)
        self.assertEqual(self.client.get(url + "recording").status_code, 200)

    def test_a_passage_must_end_after_it_starts(self):
        passage = RestrictedPassage(interview=self.interview, start_ms=9000, end_ms=9000, access="community")
        with self.assertRaisesMessage(Exception, "end after it starts"):
            passage.full_clean()
        self.assertEqual(Interview.objects.get(pk=self.interview.pk).restricted_passages.count(), 1)


class PartsWithTheirOwnLevelTests(CastTestCase):
    """A passage can close the recording alone (faces and voices) and leave the words open; an index point can have
    its own level."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        interview = synthetic_interview(
            key="faces-story",
            lines=LINES,
            segments_alt=[],
            index=[
                IndexPoint(time_ms=0, title="Lanternfall gathering"),
                IndexPoint(time_ms=9000, title="Union talk", synopsis="Dues."),
            ],
        )
        cls.interview = with_recording(interview, synthetic_wav(seconds=12, rate=RATE))
        RestrictedPassage.objects.create(
            interview=cls.interview, start_ms=0, end_ms=12000, access="community", covers="recording"
        )
        point = cls.interview.index_points.get(title="Union talk")
        point.access = "metadata"
        point.save()
        cls.url = cls.interview.get_absolute_url()

    def test_a_passage_closing_the_recording_only_silences_it_and_leaves_the_words(self):
        page = self.client.get(self.url)
        self.assertContains(page, "Closed words Quillfeather about a raid.")
        self.assertContains(page, "the transcript is open")
        served = frames(b"".join(self.client.get(self.url + "recording").streaming_content))
        self.assertEqual(set(served), {0x80})
        self.client.force_login(self.community_member)
        served = frames(b"".join(self.client.get(self.url + "recording").streaming_content))
        self.assertNotEqual(set(served), {0x80})

    def test_an_index_point_listed_with_its_metadata_only_keeps_its_moment_and_title(self):
        data = self.client.get(self.url, {"format": "json"}).json()
        (point,) = [p for p in data["index"] if p["title"] == "Union talk"]
        self.assertEqual((point["time_ms"], point["synopsis"]), (9000, ""))
        self.assertNotIn(b"Dues.", self.client.get(self.url + "export.ohms").content)
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(self.url), "Dues.")

    def test_an_index_point_restricted_to_a_group_is_left_out_for_others(self):
        point = self.interview.index_points.get(title="Lanternfall gathering")
        point.access, point.access_group = "restricted", reader_group()
        point.save()
        self.assertNotContains(self.client.get(self.url), "Lanternfall")
        self.assertFalse(self.client.get("/search/", {"q": "Lanternfall", "format": "json"}).json()["results"])
        self.client.force_login(self.group_member)
        self.assertContains(self.client.get(self.url), "Lanternfall")
        self.assertTrue(self.client.get("/search/", {"q": "Lanternfall", "format": "json"}).json()["results"])
