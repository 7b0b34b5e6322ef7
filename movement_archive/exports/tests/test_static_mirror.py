"""The static mirror holds what an anonymous reader reaches, as files that link to each other and to nothing else."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.test import TestCase

from movement_archive.exports.links import addresses, loaded_addresses
from movement_archive.exports.mirror import write_mirror
from movement_archive.organisations.models import Organisation

from . import small_archive


class AStaticMirrorOfASmallArchive(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.records = small_archive.build()
        cls.root = Path(tempfile.mkdtemp(prefix="mirror-test-")) / "mirror"
        cls.progress: list[str] = []
        cls.mirror = write_mirror(cls.root, languages=("en", "es"), progress=cls.progress.append)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root.parent, ignore_errors=True)
        super().tearDownClass()

    def test_the_home_page_the_lists_and_each_public_record_are_files_with_their_json_beside(self):
        union, person, interview = self.records["union"], self.records["person"], self.records["interview"]
        for page in ("", "organisations/", "people/", "interviews/", "places/map/", "events/timeline/", "es/"):
            self.assertTrue((self.root / page / "index.html").is_file(), page)
            self.assertTrue((self.root / page / "index.json").is_file(), page)
        for record in (union, person, interview):
            page = self.root / record.get_absolute_url().strip("/")
            self.assertIn(str(record), (page / "index.html").read_text(encoding="utf-8"))
            self.assertEqual(json.loads((page / "index.json").read_text(encoding="utf-8"))["key"], record.key)
        self.assertTrue((self.root / "es" / "people" / person.key / "index.html").is_file())

    def test_the_mirror_knows_the_records_it_holds(self):
        union, person = self.records["union"], self.records["person"]
        self.assertIn(("organisation", union.key), self.mirror.records)
        self.assertIn(("person", person.key), self.mirror.records)
        self.assertEqual(self.mirror.problems, [])

    def test_a_hidden_person_is_left_out_of_the_static_mirror(self):
        self._assert_left_out(self.records["hidden_person"], ("person", self.records["hidden_person"].key))

    def test_an_interview_for_editors_only_is_left_out_of_the_static_mirror(self):
        closed = self.records["closed_interview"]
        self._assert_left_out(closed, ("interview", closed.key))

    def test_an_unpublished_draft_is_left_out_of_the_static_mirror(self):
        self._assert_left_out(self.records["draft"], ("organisation", self.records["draft"].key))

    def _assert_left_out(self, record, ref):
        self.assertFalse((self.root / record.get_absolute_url().strip("/")).exists())
        self.assertNotIn(ref, self.mirror.records)
        for path, text in small_archive.every_text(self.root):
            self.assertNotIn(str(record), text, path)
            self.assertNotIn(record.key, text, path)

    def test_every_link_between_mirrored_pages_leads_to_a_mirrored_file(self):
        checked = 0
        for page in self.root.rglob("*.html"):
            for _tag, _attribute, address in addresses(page.read_text(encoding="utf-8")):
                parts = urlsplit(address)
                if parts.scheme or address.startswith(("#", "data:")):
                    continue
                self.assertTrue((page.parent / unquote(parts.path)).resolve().is_file(), f"{page}: {address}")
                checked += 1
        self.assertGreater(checked, 100)

    def test_exported_pages_load_nothing_from_another_host(self):
        for page in self.root.rglob("*.html"):
            for address in loaded_addresses(page.read_text(encoding="utf-8")):
                parts = urlsplit(address)
                self.assertFalse(parts.scheme and parts.scheme != "data", f"{page}: {address}")
                self.assertFalse(address.startswith("//"), f"{page}: {address}")
                self.assertFalse(address.startswith("/"), f"{page} links from the root of a host: {address}")

    def test_the_stylesheets_the_pages_use_are_copied(self):
        stylesheet = self.root / "static" / "core" / "archive.css"
        self.assertTrue(stylesheet.is_file())
        self.assertIn('href="static/core/archive.css"', (self.root / "index.html").read_text(encoding="utf-8"))

    def test_pages_the_mirror_cannot_answer_are_linked_on_the_archive_itself(self):
        home = (self.root / "index.html").read_text(encoding="utf-8")
        self.assertIn('action="http://127.0.0.1:8000/search/"', home)
        self.assertIn('href="http://127.0.0.1:8000/contribute/"', home)
        self.assertFalse((self.root / "search").exists())
        self.assertFalse((self.root / "contribute").exists())
        self.assertFalse((self.root / "admin").exists())

    def test_recordings_stay_out_unless_asked_for(self):
        self.assertFalse(list(self.root.rglob("recording")))

    def test_progress_is_told_as_the_mirror_is_written(self):
        self.assertIn("written to", self.progress[-1])


class AMirrorOfALongList(TestCase):
    @classmethod
    def setUpTestData(cls):
        Organisation.objects.bulk_create(
            Organisation(name=f"Union {number:02}", key=f"union-{number:02}", live=True) for number in range(51)
        )
        cls.root = Path(tempfile.mkdtemp(prefix="mirror-test-")) / "mirror"
        write_mirror(cls.root, languages=("en",))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root.parent, ignore_errors=True)
        super().tearDownClass()

    def test_each_page_of_a_list_is_a_file_of_its_own_linked_from_the_first(self):
        first = (self.root / "organisations" / "index.html").read_text(encoding="utf-8")
        self.assertIn('href="page-2.html"', first)
        second = (self.root / "organisations" / "page-2.html").read_text(encoding="utf-8")
        self.assertIn("Union 50", second)
        self.assertIn('href="index.html" rel="prev"', second)
        self.assertEqual(json.loads((self.root / "organisations" / "page-2.json").read_bytes())["count"], 51)
        self.assertTrue((self.root / "organisations" / "union-50" / "index.html").is_file())

    def test_only_the_chosen_language_is_copied(self):
        self.assertFalse((self.root / "es").exists())
        self.assertIn('href="http://127.0.0.1:8000/es/"', (self.root / "index.html").read_text(encoding="utf-8"))
