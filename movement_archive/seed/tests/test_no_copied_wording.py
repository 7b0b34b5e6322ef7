"""The archive uses the documents' facts but never their sentences: no file repeats twelve words in a row."""

import re
import subprocess
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

RUN = 12
REPO = Path(__file__).resolve().parents[3]


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text.casefold())


class WordingTests(SimpleTestCase):
    def test_no_file_in_the_repository_repeats_a_sentence_of_the_sources(self):
        seen = set()
        for path in Path(settings.SEED_DOCUMENTS_DIR).glob("*.txt"):
            w = words(path.read_text(encoding="utf-8"))
            seen.update(" ".join(w[i : i + RUN]) for i in range(len(w) - RUN + 1))
        self.assertTrue(seen)
        listed = subprocess.run(
            ["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.split()
        copied = []
        for name in listed:
            path = REPO / name
            if path.suffix in {".png", ".jpg", ".mo", ".sqlite3", ".pdf", ".ico", ".woff2"} or not path.is_file():
                continue
            try:
                w = words(path.read_text(encoding="utf-8"))
            except UnicodeDecodeError:
                continue
            if any(" ".join(w[i : i + RUN]) in seen for i in range(len(w) - RUN + 1)):
                copied.append(name)
        self.assertEqual(copied, [])
