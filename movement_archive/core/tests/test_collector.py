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


# Handlers registered with atexit run last first: this one, registered before, sees what the skip left.
EXITING = (
    "import atexit, gc\n"
    "atexit.register(lambda: print(gc.get_freeze_count() > 1_000))\n"
    "from movement_archive.core.collector import skip_collections_at_exit\n"
    "skip_collections_at_exit()\n"
    "loaded = [[n] for n in range(5_000)]  # objects a command would leave for the passes at exit\n"
)


def test_a_finishing_command_freezes_what_it_loaded_before_python_clears_its_modules(tmp_path: Path):
    exited = subprocess.run(
        [sys.executable, "-c", EXITING], env=cli_env(tmp_path), capture_output=True, text=True, timeout=60
    )
    assert exited.returncode == 0, exited.stderr
    assert exited.stdout.strip() == "True"


RUNNING = (
    "import atexit, gc, runpy, sys\n"
    "atexit.register(lambda: print('frozen' if gc.get_freeze_count() else 'not frozen'))\n"
    "sys.argv = {argv!r}\n"
    "runpy.run_{how}({target!r}, run_name='__main__')\n"
)


def test_the_command_line_tool_and_manage_py_skip_those_passes(tmp_path: Path):
    repo = Path(__file__).resolve().parents[3]
    for how, target, argv in (
        ("module", "movement_archive.cli", ["movement-archive", "--help"]),
        ("path", str(repo / "manage.py"), ["manage.py", "help"]),
    ):
        code = RUNNING.format(how=how, target=target, argv=argv)
        ran = subprocess.run(
            [sys.executable, "-c", code], env=cli_env(tmp_path), capture_output=True, text=True, timeout=60, cwd=repo
        )
        assert ran.returncode == 0, ran.stderr
        assert ran.stdout.strip().endswith("frozen") and not ran.stdout.strip().endswith("not frozen"), ran.stdout
