"""What some tests read from outside the package: the source documents, the git checkout and npm's checkers.

Both are missing on some machines (a copy of the package without ``../shared``, an unpacked tarball without
``.git``). A test that needs them then fails saying what it needed and where it looked, rather than
with an empty set that an assertion far below reports as ``set() is not true``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings

REPO = Path(__file__).resolve().parents[2]
# How many words in a row count as a copied sentence: the same number the before-stop hook uses.
COPIED_RUN = 12
# The checkers the browser tests run on every key page, installed from npm by `make setup`.
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def source_documents() -> list[Path]:
    """The texts of the founding documents, in name order; fails the calling test when there are none."""
    folder = Path(settings.SEED_DOCUMENTS_DIR)
    documents = sorted(folder.glob("*.txt"))
    if not documents:
        state = "holds no .txt file" if folder.is_dir() else "does not exist"
        raise AssertionError(
            f"this test reads the source documents, but {folder} {state}. They come with the project's shared/ "
            "folder, kept beside the checkout as ../shared/seeds; point MOVEMENT_ARCHIVE_SEED_DOCUMENTS at "
            "another copy if yours is elsewhere."
        )
    return documents


def words(text: str) -> list[str]:
    """The words of a text, folded, with inner apostrophes kept: the unit copied sentences are counted in."""
    return re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text.casefold())


def runs_of_words(text: str, length: int = COPIED_RUN) -> set[str]:
    w = words(text)
    return {" ".join(w[i : i + length]) for i in range(len(w) - length + 1)}


def source_sentences() -> set[str]:
    """Every run of ``COPIED_RUN`` words in the source documents."""
    found: set[str] = set()
    for path in source_documents():
        found |= runs_of_words(path.read_text(encoding="utf-8"))
    return found


def tracked_files() -> list[Path]:
    """The files git tracks in the checkout, and the untracked ones it does not ignore.

    Fails the calling test, saying why, when git is not installed or the package is not in a git checkout.
    """
    git = shutil.which("git")
    if git is None:
        raise AssertionError("this test lists the repository's files with git, which is not installed")
    listed = subprocess.run(
        [git, "ls-files", "-co", "--exclude-standard"], cwd=REPO, capture_output=True, text=True, check=False
    )
    if listed.returncode != 0:
        raise AssertionError(
            f"this test lists the repository's files with git, and `git ls-files` in {REPO} failed "
            f"(is it a git checkout?): {listed.stderr.strip()}"
        )
    return [REPO / name for name in listed.stdout.splitlines()]
