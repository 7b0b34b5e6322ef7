"""What the markers declared in pyproject.toml do.

- `postgres` and `sqlite` tests belong to one database: the run on the other leaves them out (deselected, not
  skipped, so a skip in the report always means something went missing).
- `browser` tests need Debian's Chromium, Java (for the Nu Html Checker) and the npm packages of the checkers.
  When one is missing they fail, naming it: a check that skips proves nothing in CI. Setting
  MOVEMENT_ARCHIVE_SKIP_BROWSER=1 skips them on purpose, for local work only.
"""

from __future__ import annotations

import os
import shutil

import pytest

from movement_archive.core.collector import skip_collections_at_exit
from movement_archive.testing import migrated
from movement_archive.testing.outside import AXE, VNU

BROWSER_NEEDS = {
    "chromium": "Debian's chromium (apt-get install chromium)",
    "java": "Java for the Nu Html Checker (apt-get install default-jre-headless)",
}
CHECKERS = {AXE: "axe-core", VNU: "vnu-jar"}


def pytest_configure(config):
    # Test databases are copied from one migrated template rather than migrated in every process.
    migrated.install()
    # Each worker, and pytest itself, exits without the collector's passes over all it loaded.
    skip_collections_at_exit()


def pytest_collection_modifyitems(config, items):
    other = "sqlite" if _default_database_is_postgresql() else "postgres"
    kept = [item for item in items if not item.get_closest_marker(other)]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item.get_closest_marker(other)])
        items[:] = kept

    if os.environ.get("MOVEMENT_ARCHIVE_SKIP_BROWSER") == "1":
        skip = pytest.mark.skip(reason="MOVEMENT_ARCHIVE_SKIP_BROWSER=1 was set")
        for item in items:
            if item.get_closest_marker("browser"):
                item.add_marker(skip)


def pytest_runtest_setup(item):
    # Before any fixture is set up, so that a machine without Chromium fails at once rather than after
    # loading the seed and starting the live server.
    if item.get_closest_marker("browser") and os.environ.get("MOVEMENT_ARCHIVE_SKIP_BROWSER") != "1":
        missing = missing_browser_components()
        if missing:
            pytest.fail(
                "the browser tests need " + "; ".join(missing) + " (or set MOVEMENT_ARCHIVE_SKIP_BROWSER=1 locally)",
                pytrace=False,
            )


def missing_browser_components() -> list[str]:
    missing = [what for program, what in BROWSER_NEEDS.items() if shutil.which(program) is None]
    missing += [f"{name} from npm (make setup runs npm ci)" for path, name in CHECKERS.items() if not path.is_file()]
    return missing


def _default_database_is_postgresql() -> bool:
    # The vendor is a property of the backend class: asking it opens no connection, which pytest-django
    # would refuse during collection.
    from django.db import connections

    return connections["default"].vendor == "postgresql"
