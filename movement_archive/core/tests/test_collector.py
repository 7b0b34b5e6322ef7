"""The server process settles Python's garbage collector once the application is loaded (``core/collector.py``):
what it loaded is kept out of the collector's passes, and young passes come less often, so that a request's own
objects are freed by their reference counts before any pass sees them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from movement_archive.core.collector import YOUNG_PASS_EVERY

from .test_cli import cli_env

LOADING_THE_SERVER = (
    "import gc\n"
    "import movement_archive.wsgi\n"
    "print(gc.get_threshold()[0], gc.get_freeze_count() > 10_000, len(gc.get_objects()) < 1_000)\n"
)


def test_loading_the_wsgi_application_settles_the_collector(tmp_path: Path):
    # In a process of its own: settling the test run's own collector would change how every other test runs.
    loaded = subprocess.run(
        [sys.executable, "-c", LOADING_THE_SERVER], env=cli_env(tmp_path), capture_output=True, text=True, timeout=120
    )
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split() == [str(YOUNG_PASS_EVERY), "True", "True"]
