"""Behaviour of the markers declared in pyproject.toml: slow real-component tests skip where they cannot run."""

import shutil

import pytest


def pytest_collection_modifyitems(config, items):
    postgres_tests = [item for item in items if item.get_closest_marker("postgres")]
    if postgres_tests and not _default_database_is_postgresql():
        skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL (scripts/test does)")
        for item in postgres_tests:
            item.add_marker(skip)
    if shutil.which("chromium") is None:
        skip = pytest.mark.skip(reason="needs the chromium binary on PATH")
        for item in items:
            if item.get_closest_marker("browser"):
                item.add_marker(skip)


def _default_database_is_postgresql() -> bool:
    # The vendor is a property of the backend class: asking it opens no connection, which pytest-django
    # would refuse during collection.
    from django.db import connections

    return connections["default"].vendor == "postgresql"
