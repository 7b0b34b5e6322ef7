"""A recording is served by the archive itself, to those who may hear it, in the stretches a player asks for."""

from __future__ import annotations

from movement_archive.access.models import AccessLevel
from movement_archive.interviews.models import Interview
from movement_archive.testing import CastTestCase

from .helpers import synthetic_interview, with_recording

# Not a real recording: bytes whose positions are easy to check.
BYTES = bytes(range(256)) * 40


def with_bytes(interview: Interview) -> Interview:
    return with_recording(interview, BYTES, "synthetic.ogg")


class ServingARecording(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.public = with_bytes(synthetic_interview(key="public-recording"))
        cls.restricted = with_bytes(synthetic_interview(key="restricted-recording", access=AccessLevel.COMMUNITY))

    def get(self, interview: Interview, **headers):
        return self.client.get(f"{interview.get_absolute_url()}recording", headers=headers)

    def test_the_whole_recording_says_it_accepts_ranges_and_is_not_kept_by_shared_caches(self):
        response = self.get(self.public)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), BYTES)
        self.assertEqual(response["Accept-Ranges"], "bytes")
        self.assertEqual(response["Content-Length"], str(len(BYTES)))
        self.assertEqual(response["Cache-Control"], "private, no-store")
        self.assertEqual(response["Content-Type"], "audio/ogg")

    def test_a_range_gets_exactly_those_bytes(self):
        response = self.get(self.public, Range="bytes=300-309")
        self.assertEqual(response.status_code, 206)
        self.assertEqual(b"".join(response.streaming_content), BYTES[300:310])
        self.assertEqual(response["Content-Range"], f"bytes 300-309/{len(BYTES)}")
        self.assertEqual(response["Content-Length"], "10")

    def test_a_range_past_the_end_is_refused_with_the_size(self):
        response = self.get(self.public, Range=f"bytes={len(BYTES)}-")
        self.assertEqual(response.status_code, 416)
        self.assertEqual(response["Content-Range"], f"bytes */{len(BYTES)}")

    def test_a_restricted_recording_is_not_found_by_a_visitor_but_heard_by_a_researcher(self):
        self.assertEqual(self.get(self.restricted).status_code, 404)
        self.assertEqual(self.get(self.restricted, Range="bytes=0-9").status_code, 404)
        self.client.force_login(self.researcher)
        self.assertEqual(self.get(self.restricted, Range="bytes=0-9").status_code, 206)

    def test_the_page_plays_it_with_captions_from_the_transcript_and_moments_as_media_fragments(self):
        response = self.client.get(self.public.get_absolute_url(), {"t": "8"})
        self.assertContains(response, f'src="{self.public.get_absolute_url()}recording#t=8"')
        self.assertContains(response, f'src="{self.public.get_absolute_url()}captions/en.vtt"')
        self.assertContains(response, f'href="{self.public.get_absolute_url()}recording#t=4"')

    def test_a_recording_is_never_given_a_public_address(self):
        with self.assertRaises(ValueError):
            print(self.public.recording.url)
