"""The `movement-archive` command: every subcommand explains itself, configuration mistakes end in one clear
line, `demo` sets up a working archive with one editor account, and `serve` runs a real WSGI server.

The commands that touch a database run in a subprocess with the production settings and a fresh data
directory, as someone trying the archive would run them.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from django.contrib.auth.hashers import check_password
from django.test import override_settings

from movement_archive.cli import build_parser, gunicorn_options, main
from movement_archive.core.access_log import FORMAT
from movement_archive.testing import migrated

# Every command here runs on a first run's SQLite in a process of its own, whatever database the suite is
# using: the PostgreSQL pass would repeat them exactly (the demo alone takes over a minute), so they run once.
pytestmark = pytest.mark.sqlite

README = Path(__file__).resolve().parents[3] / "README.md"
# A row of the README's command table: | `movement-archive NAME USAGE` | what it does |
README_ROW = re.compile(r"^\| `movement-archive (?P<name>[a-z-]+)(?P<usage>[^`]*)` \| (?P<does>.+?) \|$", re.MULTILINE)


def readme_commands() -> dict[str, tuple[set[str], str]]:
    """The README's command table: each command's options and arguments, and what it says the command does."""
    rows = {}
    for row in README_ROW.finditer(README.read_text(encoding="utf-8")):
        words: set[str] = set()
        tokens = row["usage"].replace("[", " ").replace("]", " ").replace("\\|", "|").split()
        for previous, token in zip(["", *tokens], tokens, strict=False):
            if token.startswith("--"):
                words.update(token.split("|"))
            elif token.rstrip(".").isupper() and not previous.startswith("--"):
                words.add(token.rstrip("."))  # an argument; a word after an option is that option's value
        rows[row["name"]] = (words, row["does"])
    return rows


def parser_commands() -> dict[str, tuple[set[str], str]]:
    """The same, as the command's own parser (and so its --help) has them."""
    (subcommands,) = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    helps = {choice.dest: choice.help for choice in subcommands._choices_actions}
    commands = {}
    for name, parser in subcommands.choices.items():
        words = set()
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            long_options = [o for o in action.option_strings if o.startswith("--")]
            words.update(long_options or [action.metavar or action.dest.upper()])
        commands[name] = (words, helps[name])
    return commands


def run_cli(*args: str, home: Path, timeout: float = 300, **extra_env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "movement_archive.cli", *args],
        env=cli_env(home, **extra_env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a first run: none of the test run's settings, only a data directory of its own."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("MOVEMENT_ARCHIVE_") and name not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    return {**env, "MOVEMENT_ARCHIVE_HOME": str(home), **extra}


def test_the_console_script_runs_the_cli():
    (script,) = [ep for ep in entry_points(group="console_scripts") if ep.name == "movement-archive"]
    assert script.value == "movement_archive.cli:main"


def test_the_readme_lists_every_command_with_the_options_and_words_of_its_help():
    readme, parser = readme_commands(), parser_commands()
    assert sorted(readme) == sorted(parser), "the README's command table and the parser list different commands"
    for name, (options, does) in parser.items():
        assert readme[name][0] == options, (
            f"{name}: the README shows {sorted(readme[name][0])}, --help {sorted(options)}"
        )
        assert readme[name][1] == does[0].upper() + does[1:], f"{name}: the README and --help describe it differently"


def test_the_overview_lists_every_subcommand(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    overview = capsys.readouterr().out
    for command, (_, does) in parser_commands().items():
        assert command in overview
        assert does in " ".join(overview.split())


@pytest.mark.parametrize("command", sorted(parser_commands()))
def test_every_subcommand_explains_its_options(capsys, command):
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    help_text = capsys.readouterr().out
    for option in parser_commands()[command][0]:
        assert option in help_text


def test_an_impossible_port_is_refused_before_anything_starts(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--port", "70000"])
    assert exited.value.code == 2
    assert "not a port number" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["demo", "serve"])
def test_a_busy_port_is_named_in_one_line_with_how_to_choose_another(tmp_path, command):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli(command, "--port", str(port), home=tmp_path / "var", timeout=60)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert f"port {port} on 127.0.0.1 is already in use" in line
    assert "--port N (make demo PORT=N)" in line
    assert not (tmp_path / "var").exists(), "nothing is set up before the port is known to be free"


def test_manage_passes_a_django_command_through(tmp_path):
    result = run_cli("manage", "check", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_a_malformed_setting_ends_in_one_line_naming_it(tmp_path):
    result = run_cli("manage", "check", home=tmp_path, MOVEMENT_ARCHIVE_DEBUG="maybe")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "MOVEMENT_ARCHIVE_DEBUG" in line
    assert "'maybe'" in line


def test_a_data_directory_that_is_a_file_ends_in_one_line(tmp_path):
    not_a_directory = tmp_path / "var"
    not_a_directory.write_text("")
    result = run_cli("manage", "check", home=not_a_directory)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "MOVEMENT_ARCHIVE_HOME" in line


def migrated_home(home: Path) -> Path:
    """A data directory whose database is already migrated: a copy of the test run's migrated template."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated.sqlite_template(), home / "archive.sqlite3")
    return home


@pytest.mark.parametrize(
    "command",
    [("dump", "out.jsonl"), ("export-site", "mirror"), ("generate", "--organisations", "1"), ("load-seed",),
     ("reset-two-factor", "someone"), ("serve", "--port", "{free port}")],
    ids=lambda command: command[0],
)  # fmt: skip
def test_a_command_on_a_database_never_migrated_says_so_in_one_line(tmp_path, command):
    result = run_cli(*(str(free_port()) if part == "{free port}" else part for part in command), home=tmp_path / "var")

    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "has never been set up" in line and "movement-archive manage migrate" in line


def test_load_seed_reads_the_directory_it_is_given(tmp_path):
    empty = tmp_path / "no-seed-here"
    empty.mkdir()
    result = run_cli("load-seed", "--data-dir", str(empty), home=migrated_home(tmp_path / "var"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "sources.yaml" in result.stderr


@pytest.mark.slow
def test_the_demo_sets_up_an_archive_with_one_editor_whose_password_is_shown_once(tmp_path):
    home = tmp_path / "var"

    first = run_cli("demo", "--no-serve", "--port", "8123", home=home)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "http://127.0.0.1:8123/admin/" in first.stdout
    password = re.search(r"Password:\s+(\S+)", first.stdout)
    assert password, first.stdout
    assert "code from an authenticator app" in first.stdout
    assert "movement-archive reset-two-factor editor" in first.stdout

    database = home / "archive.sqlite3"
    assert database.is_file()
    assert (home / "static" / "staticfiles.json").is_file()
    editors = editors_in(database)
    assert [username for username, _ in editors] == ["editor"]
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
        assert check_password(password.group(1), editors[0][1])

    second = run_cli("demo", "--no-serve", "--port", "8123", home=home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Password:" not in second.stdout
    assert editors_in(database) == editors
    assert user_count(database) == 1


def editors_in(database: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(database) as db:
        return db.execute(
            "SELECT u.username, u.password FROM auth_user u"
            " JOIN auth_user_groups ug ON ug.user_id = u.id JOIN auth_group g ON g.id = ug.group_id"
            " WHERE g.name = 'Editors' ORDER BY u.id"
        ).fetchall()


def user_count(database: Path) -> int:
    with sqlite3.connect(database) as db:
        return db.execute("SELECT count(*) FROM auth_user").fetchone()[0]


@pytest.mark.slow
def test_serve_collects_static_files_and_answers_through_gunicorn(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "movement_archive.cli", "serve", "--port", str(port), "--workers", "1"],
        env=cli_env(migrated_home(tmp_path)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        status, headers = wait_for(f"http://127.0.0.1:{port}/healthz", server)
        assert status == 200
        assert headers["Server"].startswith("gunicorn")
        assert (tmp_path / "static" / "staticfiles.json").is_file()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/admin/css/base.css", timeout=10) as static:
            assert static.status == 200
            assert "text/css" in static.headers["Content-Type"]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output, _ = server.communicate(timeout=30)
    assert server.returncode == 0, output


def test_the_server_logs_no_client_address_browser_or_referrer():
    options = gunicorn_options("0.0.0.0", 8123, 3)

    assert options["logger_class"] == "movement_archive.core.access_log.PrivateAccessLog"
    assert options["access_log_format"] == FORMAT
    # remote address, forwarded-for header, user agent, referrer, request line with its query, query alone
    for atom in ("%(h)s", "%({x-forwarded-for}i)s", "%(a)s", "%(f)s", "%(r)s", "%(q)s"):
        assert atom not in options["access_log_format"]
    assert options["bind"] == ["0.0.0.0:8123"]
    assert options["workers"] == 3


def test_gunicorn_accepts_every_option_the_cli_gives_it():
    from gunicorn.config import Config

    config = Config()
    for key, value in gunicorn_options("::1", 8123, 1).items():
        config.set(key, value)

    assert config.bind == ["[::1]:8123"]
    assert config.logger_class.__name__ == "PrivateAccessLog"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, server: subprocess.Popen, timeout: float = 120):
    """The status and headers of the first answer from `url`, once the server is up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server stopped with status {server.returncode}: {server.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.headers
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    pytest.fail(f"the server did not answer {url} within {timeout} seconds")
