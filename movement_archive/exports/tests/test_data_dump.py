"""The data dump gives researchers one JSON object per public record, exactly as an anonymous reader sees it."""

from __future__ import annotations

import gzip
import json
import shutil
import tempfile
from pathlib import Path

from django.test import Client, TestCase

from movement_archive.exports.dump import write_dump

from . import small_archive


class ADumpOfASmallArchive(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.records = small_archive.build()
        cls.directory = Path(tempfile.mkdtemp(prefix="dump-test-"))
        cls.file = cls.directory / "archive.jsonl.gz"
        cls.dump = write_dump(cls.file)
        with gzip.open(cls.file, "rt", encoding="utf-8") as lines:
            cls.lines = [json.loads(line) for line in lines]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.directory, ignore_errors=True)
        super().tearDownClass()

    def test_each_public_record_is_one_line_holding_its_json_twin(self):
        union = self.records["union"]
        (line,) = [line for line in self.lines if line["kind"] == "organisation"]
        self.assertEqual(line["key"], union.key)
        twin = Client().get(union.get_absolute_url(), {"format": "json"}, HTTP_HOST="127.0.0.1:8000").json()
        self.assertEqual(line["record"], twin)

    def test_every_kind_of_public_record_is_there_once(self):
        kinds = sorted((line["kind"], line["key"]) for line in self.lines)
        self.assertEqual(len(kinds), len(set(kinds)))
        self.assertEqual(
            {kind for kind, _key in kinds},
            {"organisation", "person", "interview"},
        )
        self.assertEqual(sorted(self.dump.records), kinds)

    def test_a_hidden_person_an_editors_only_interview_and_a_draft_are_left_out_of_the_dump(self):
        text = gzip.decompress(self.file.read_bytes()).decode("utf-8")
        for name in small_archive.HIDDEN_NAMES:
            self.assertNotIn(name, text)
        for record in ("hidden_person", "closed_interview", "draft"):
            self.assertNotIn(self.records[record].key, text)

    def test_a_name_without_gz_gives_plain_json_lines(self):
        plain = write_dump(self.directory / "archive.jsonl")
        lines = (self.directory / "archive.jsonl").read_text(encoding="utf-8").splitlines()
        self.assertEqual([json.loads(line)["key"] for line in lines], [key for _kind, key in plain.records])
        self.assertEqual(len(lines), len(self.lines))
