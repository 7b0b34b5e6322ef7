"""Recordings are large: the mirror copies them only when asked, and never makes a page fetch one online."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from django.test import TestCase

from movement_archive.exports.links import loaded_addresses
from movement_archive.exports.mirror import write_mirror
from movement_archive.interviews.tests.helpers import synthetic_wav, with_recording
from movement_archive.testing import make_interview


class AMirrorOfAnInterviewWithARecording(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.interview = with_recording(make_interview(title="A Recorded Conversation"), synthetic_wav(seconds=1))
        cls.directory = Path(tempfile.mkdtemp(prefix="mirror-test-"))
        write_mirror(cls.directory / "plain", languages=("en",))
        write_mirror(cls.directory / "media", languages=("en",), with_media=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.directory, ignore_errors=True)
        super().tearDownClass()

    def _page(self, mirror: str) -> str:
        return (self.directory / mirror / "interviews" / self.interview.key / "index.html").read_text(encoding="utf-8")

    def test_without_media_the_recording_stays_behind_and_the_page_does_not_fetch_it_online(self):
        self.assertFalse((self.directory / "plain" / "interviews" / self.interview.key / "recording").exists())
        self.assertIn('id="player" controls preload="metadata" src=""', self._page("plain"))
        self.assertTrue(all("://" not in address for address in loaded_addresses(self._page("plain"))))

    def test_with_media_the_recording_is_copied_beside_its_page(self):
        copied = self.directory / "media" / "interviews" / self.interview.key / "recording"
        self.assertEqual(copied.read_bytes()[:4], b"RIFF")
        self.assertIn('src="recording"', self._page("media"))
