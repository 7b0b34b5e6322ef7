"""The archive uses the documents' facts but never their sentences: no file repeats twelve words in a row."""

from django.test import SimpleTestCase

from movement_archive.testing.outside import runs_of_words, source_sentences, tracked_files

# Binary files and compiled catalogues: their bytes are no sentences.
NOT_TEXT = {".png", ".jpg", ".mo", ".sqlite3", ".pdf", ".ico", ".woff2"}


class WordingTests(SimpleTestCase):
    def test_no_file_in_the_repository_repeats_a_sentence_of_the_sources(self):
        sentences = source_sentences()
        copied = []
        for path in tracked_files():
            if path.suffix in NOT_TEXT or not path.is_file():
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            if runs_of_words(text) & sentences:
                copied.append(str(path))
        self.assertEqual(copied, [])
