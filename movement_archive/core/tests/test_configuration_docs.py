"""docs/configuration.md lists every environment variable the archive reads: adding a variable to the code
without documenting it fails here."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
DOCS = PACKAGE.parent / "docs" / "configuration.md"

NAME = r"""["']([A-Z][A-Z0-9_]*)["']"""
READS = [
    re.compile(r"\benv_(?:str|bool|int|list|path|choice)\(\s*" + NAME),
    re.compile(r"\bos\.(?:environ\.get|environ\.setdefault|environ\.pop|getenv)\(\s*" + NAME),
    # Subscripts that are read, not assigned to (a test may set a variable for a subprocess).
    re.compile(r"\bos\.environ\[\s*" + NAME + r"\s*\](?!\s*=(?!=))"),
]


def variables_read_by_the_code() -> dict[str, set[str]]:
    """Each variable name, with the files that read it."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for pattern in READS:
            for name in pattern.findall(source):
                found.setdefault(name, set()).add(str(path.relative_to(PACKAGE.parent)))
    return found


def test_the_scan_finds_the_variables_it_is_meant_to_find():
    # Guards the regular expressions: a scan that finds nothing would make the next test pass vacuously.
    found = variables_read_by_the_code()
    assert {"MOVEMENT_ARCHIVE_HOME", "MOVEMENT_ARCHIVE_DEBUG", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"} <= set(found)


def test_every_environment_variable_the_code_reads_is_documented():
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]*)`", DOCS.read_text(encoding="utf-8")))
    missing = {name: sorted(files) for name, files in variables_read_by_the_code().items() if name not in documented}
    assert not missing, f"add these variables to docs/configuration.md: {missing}"
