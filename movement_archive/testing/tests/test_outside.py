"""Tests that need the source documents or git fail saying so, rather than on an empty set far below."""

from pathlib import Path
from unittest import mock

from django.test import SimpleTestCase, override_settings

from movement_archive.testing import outside


class MissingSourceDocumentsTests(SimpleTestCase):
    def test_a_missing_folder_is_named_in_the_failure(self):
        with override_settings(SEED_DOCUMENTS_DIR="/nowhere/seeds"), self.assertRaises(AssertionError) as failure:
            outside.source_documents()
        self.assertIn("/nowhere/seeds does not exist", str(failure.exception))
        self.assertIn("MOVEMENT_ARCHIVE_SEED_DOCUMENTS", str(failure.exception))

    def test_a_folder_without_texts_is_named_in_the_failure(self):
        empty = Path(__file__).parent  # a folder that holds Python, no .txt
        with override_settings(SEED_DOCUMENTS_DIR=str(empty)), self.assertRaises(AssertionError) as failure:
            outside.source_documents()
        self.assertIn("holds no .txt file", str(failure.exception))

    def test_sentences_are_runs_of_twelve_folded_words(self):
        text = "One two three four five six seven eight nine ten eleven Twelve thirteen"
        self.assertEqual(
            outside.runs_of_words(text),
            {
                "one two three four five six seven eight nine ten eleven twelve",
                "two three four five six seven eight nine ten eleven twelve thirteen",
            },
        )


class MissingGitTests(SimpleTestCase):
    def test_a_machine_without_git_is_told_so(self):
        with mock.patch("shutil.which", return_value=None), self.assertRaises(AssertionError) as failure:
            outside.tracked_files()
        self.assertIn("git, which is not installed", str(failure.exception))

    def test_a_copy_outside_a_checkout_is_told_so(self):
        with mock.patch.object(outside, "REPO", Path("/")), self.assertRaises(AssertionError) as failure:
            outside.tracked_files()
        self.assertIn("is it a git checkout?", str(failure.exception))
