"""`manage.py check --deploy` finds nothing to warn about in an archive configured for production as
docs/configuration.md describes, and still warns about one that is not.

Settings are read once, when Django starts, so each configuration is checked in a fresh process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Each check starts Django afresh in a subprocess, with none of the suite's settings and so on SQLite whatever
# database the suite is using: the PostgreSQL pass would only repeat them.
pytestmark = [pytest.mark.slow, pytest.mark.sqlite]

PRODUCTION = {
    "MOVEMENT_ARCHIVE_SECRET_KEY": "a-production-secret-key-that-is-long-and-random-enough-9f8e7d6c5b4a3210",
    "MOVEMENT_ARCHIVE_SITE_URL": "https://archive.example.org",
    "MOVEMENT_ARCHIVE_ALLOWED_HOSTS": "archive.example.org",
    "MOVEMENT_ARCHIVE_CSRF_TRUSTED_ORIGINS": "https://archive.example.org",
    "MOVEMENT_ARCHIVE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
    "MOVEMENT_ARCHIVE_HSTS_PRELOAD": "true",
    "MOVEMENT_ARCHIVE_OAI_ADMIN_EMAIL": "archive@archive.example.org",
    "MOVEMENT_ARCHIVE_CONTACT_KEY": "another-long-random-text-kept-apart-from-the-secret-key-0a1b2c3d4e5f",
}


def deploy_check(home: Path, **settings: str) -> subprocess.CompletedProcess:
    return run_django(home, "check", "--deploy", "--fail-level", "WARNING", **settings)


def run_django(home: Path, *command: str, **settings: str) -> subprocess.CompletedProcess:
    # None of the test run's own settings: not its data directory, nor the switch the browser tests set for
    # Playwright (DJANGO_ALLOW_ASYNC_UNSAFE), which the deploy checks rightly refuse.
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("MOVEMENT_ARCHIVE_", "DJANGO_")) and name != "DATABASE_URL"
    }
    env.update(MOVEMENT_ARCHIVE_HOME=str(home), DJANGO_SETTINGS_MODULE="movement_archive.settings", **settings)
    return subprocess.run(
        [sys.executable, "-m", "django", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_production_configuration_passes_the_deploy_checks_without_a_warning(tmp_path):
    result = deploy_check(tmp_path, **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_an_https_address_alone_turns_on_secure_cookies_redirects_and_hsts(tmp_path):
    https = run_django(tmp_path, "diffsettings", MOVEMENT_ARCHIVE_SITE_URL="https://archive.example.org").stdout
    plain = run_django(tmp_path, "diffsettings").stdout

    for setting in ("SESSION_COOKIE_SECURE = True", "CSRF_COOKIE_SECURE = True", "SECURE_SSL_REDIRECT = True"):
        assert setting in https.splitlines(), setting
        assert setting not in plain.splitlines(), setting
    assert "SECURE_HSTS_SECONDS = 31536000" in https.splitlines()
    assert "SECURE_HSTS_SECONDS" not in plain, "off, as Django has it"


def test_the_first_run_configuration_is_warned_about(tmp_path):
    result = deploy_check(tmp_path)

    assert result.returncode == 1
    for warning in (
        "movement_archive.W001",
        "movement_archive.W002",
        "security.W004",
        "security.W008",
        "security.W012",
        "security.W016",
    ):
        assert warning in result.stderr, warning


def test_preloading_is_left_to_the_domains_owner_and_said_so(tmp_path):
    result = deploy_check(tmp_path, **{**PRODUCTION, "MOVEMENT_ARCHIVE_HSTS_PRELOAD": "false"})

    assert result.returncode == 1
    assert "security.W021" in result.stderr
    assert "W004" not in result.stderr and "W008" not in result.stderr


def test_a_contact_key_left_to_the_secret_key_and_a_host_wildcard_are_each_warned_about(tmp_path):
    without_key = {name: value for name, value in PRODUCTION.items() if name != "MOVEMENT_ARCHIVE_CONTACT_KEY"}

    derived = deploy_check(tmp_path, **without_key)
    any_host = deploy_check(tmp_path, **{**PRODUCTION, "MOVEMENT_ARCHIVE_ALLOWED_HOSTS": "archive.example.org,*"})

    assert derived.returncode == 1 and "movement_archive.W002" in derived.stderr
    assert "W003" not in derived.stderr
    assert any_host.returncode == 1 and "movement_archive.W003" in any_host.stderr
    assert "W002" not in any_host.stderr
