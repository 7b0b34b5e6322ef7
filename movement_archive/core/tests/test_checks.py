"""The system checks catch configuration that would otherwise fail late or silently: they run with every
`manage.py` command, and `check --deploy` adds the production ones."""

from __future__ import annotations

import pytest
from django.core.checks import run_checks
from django.test import override_settings


def archive_check_ids(*, deploy: bool = False) -> set[str]:
    return {
        message.id
        for message in run_checks(include_deployment_checks=deploy)
        if message.id.startswith("movement_archive.")
    }


def test_a_data_directory_that_is_a_file_is_reported(tmp_path):
    not_a_directory = tmp_path / "var"
    not_a_directory.write_text("an old backup, say")
    with override_settings(HOME=not_a_directory):
        assert "movement_archive.E001" in archive_check_ids()


@pytest.mark.parametrize("exists", [True, False], ids=["existing", "yet to be created"])
def test_a_data_directory_that_is_or_will_be_a_directory_passes(tmp_path, exists):
    home = tmp_path / "var"
    if exists:
        home.mkdir()
    with override_settings(HOME=home):
        assert not {"movement_archive.E001", "movement_archive.E002"} & archive_check_ids()


def test_debug_mode_is_an_error_when_checking_for_deployment():
    with override_settings(DEBUG=True):
        assert "movement_archive.E003" in archive_check_ids(deploy=True)
        # Debug mode on a developer's machine is fine: only the deployment checks object.
        assert "movement_archive.E003" not in archive_check_ids()


def test_deployment_without_debug_mode_passes_that_check():
    with override_settings(DEBUG=False):
        assert "movement_archive.E003" not in archive_check_ids(deploy=True)


def test_a_plain_http_site_address_is_warned_about_when_deploying():
    with override_settings(SITE_URL="http://archive.example.org"):
        assert "movement_archive.W001" in archive_check_ids(deploy=True)
    with override_settings(SITE_URL="https://archive.example.org"):
        assert "movement_archive.W001" not in archive_check_ids(deploy=True)


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_a_database_engine_the_archive_does_not_support_is_reported():
    with override_settings(DATABASES={"default": {"ENGINE": "django.db.backends.mysql", "NAME": "archive"}}):
        assert "movement_archive.E004" in archive_check_ids()


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
@pytest.mark.parametrize("engine", ["django.db.backends.sqlite3", "django.db.backends.postgresql"])
def test_sqlite_and_postgresql_are_supported(engine):
    with override_settings(DATABASES={"default": {"ENGINE": engine, "NAME": "archive"}}):
        assert "movement_archive.E004" not in archive_check_ids()
