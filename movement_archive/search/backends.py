"""The search backend: Wagtail's database backend, with one addition on SQLite (``sqlite.py``).

Settings name this module as the backend. On PostgreSQL (and MySQL) it is Wagtail's own backend unchanged. On
SQLite it is Wagtail's FTS5 backend plus ``find_entries``, which searches every kind of record in one pass
over the index Wagtail keeps.

Why the addition: Wagtail's SQLite backend ranks a model's results with a subquery that repeats the full-text
match for every row found, and the archive-wide search asks once per kind of record. At 650,000 index
entries that took seconds for a common word. ``find_entries`` matches once, ranks inside FTS5 and reads the
index rows of the best matches only. Ranking has a cost per match (about two microseconds), so a query
matching more than ``fts.RANK_LIMIT`` entries is not ranked: its newest entries come first, and the caller says so.
"""

from __future__ import annotations

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    backend = database_backend(params)
    if connection.vendor != "sqlite":
        return backend
    # Imported only on SQLite: Wagtail's SQLite module declares a model that exists only there.
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    if not isinstance(backend, SQLiteSearchBackend):  # SQLite without FTS5: Wagtail's fallback, unchanged
        return backend
    from .sqlite import ArchiveSQLiteSearchBackend

    return ArchiveSQLiteSearchBackend(params)
