"""System checks for configuration that would otherwise fail late or silently."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.checks import Error, Warning, register


@register()
def check_data_directory(app_configs, **kwargs):
    home = settings.HOME
    problems = []
    if home.exists() and not home.is_dir():
        problems.append(
            Error(
                f"MOVEMENT_ARCHIVE_HOME points at {home}, which is a file.",
                hint="Set MOVEMENT_ARCHIVE_HOME to a directory the archive may create and write.",
                id="movement_archive.E001",
            )
        )
    elif home.exists() and not os.access(home, os.W_OK):
        problems.append(
            Error(
                f"The data directory {home} is not writable.",
                hint="Give the archive's user write access, or set MOVEMENT_ARCHIVE_HOME elsewhere.",
                id="movement_archive.E002",
            )
        )
    return problems


@register(deploy=True)
def check_production_settings(app_configs, **kwargs):
    problems = []
    if not settings.SITE_URL.startswith("https://"):
        problems.append(
            Warning(
                f"MOVEMENT_ARCHIVE_SITE_URL is {settings.SITE_URL!r}, not an https address.",
                hint="Serve the archive over HTTPS in production and set the public https address.",
                id="movement_archive.W001",
            )
        )
    if not settings.MOVEMENT_ARCHIVE_CONTACT_KEY:
        problems.append(
            Warning(
                "MOVEMENT_ARCHIVE_CONTACT_KEY is not set: contributors' contacts are encrypted with a key derived from "
                "the secret key.",
                hint="Set MOVEMENT_ARCHIVE_CONTACT_KEY to a long random text of its own, so that a leaked secret key "
                "alone does not open the contacts and a new secret key does not make them unreadable.",
                id="movement_archive.W002",
            )
        )
    if "*" in settings.ALLOWED_HOSTS:
        problems.append(
            Warning(
                "MOVEMENT_ARCHIVE_ALLOWED_HOSTS accepts any host name ('*').",
                hint="Name the archive's own host names: with '*', links in emails and feeds can be made to point "
                "at a host an attacker chose.",
                id="movement_archive.W003",
            )
        )
    if settings.DEBUG:
        problems.append(
            Error(
                "MOVEMENT_ARCHIVE_DEBUG is on.",
                hint="Debug pages show settings and data to anyone; turn it off in production.",
                id="movement_archive.E003",
            )
        )
    return problems


@register()
def check_database_engine(app_configs, **kwargs):
    engine = settings.DATABASES["default"]["ENGINE"]
    supported = {"django.db.backends.sqlite3", "django.db.backends.postgresql"}
    if engine not in supported:
        return [
            Error(
                f"DATABASE_URL selects {engine}, which the archive does not support.",
                hint="Use PostgreSQL (postgres://...) or leave DATABASE_URL empty for SQLite.",
                id="movement_archive.E004",
            )
        ]
    return []
