"""The search backend: Wagtail's database backend, with one addition on SQLite (``sqlite.py``).

Settings name this module as the backend. On PostgreSQL (and MySQL) it is Wagtail's own backend unchanged. On
SQLite it is Wagtail's FTS5 backend plus ``find_entries``, which searches every kind of record in one pass
over the index Wagtail keeps.

Why the addition: Wagtail's SQLite backend ranks a model's results with a subquery that repeats the full-text
match for every row found, and the archive-wide search asks once per kind of record. At 650,000 index
entries that took seconds for a common word. ``find_entries`` matches once, ranks inside FTS5 and reads the
index rows of the best matches only. Ranking has a cost per match (about two microseconds), so a query
matching more than ``RANK_LIMIT`` entries is not ranked: its newest entries come first, and the caller says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend

from .text import MIN_PREFIX

# Above this many matching entries, a query is not ranked by relevance (see the module's docstring).
RANK_LIMIT = 5000
# Weights of the FTS5 columns in Wagtail's table, in their order: autocomplete (names), body, title.
WEIGHTS = (4.0, 1.0, 2.0)


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


@dataclass(frozen=True)
class FoundEntries:
    """Index entries matching a query, best first: (content type id, object id) pairs."""

    entries: list[tuple[int, str]]
    # Matching entries of any visibility, counted up to RANK_LIMIT + 1: an upper bound of what a reader may see
    total: int
    ranked: bool  # False: too many matches to rank, so the newest entries came first


def match_expression(terms: Iterable[str], any_word: bool) -> str:
    """An FTS5 query for folded words: each quoted, so no syntax gets through; the last one also as a prefix."""
    terms = list(terms)
    quoted = [f'"{term}"' for term in terms]
    if terms and len(terms[-1]) >= MIN_PREFIX:  # shorter terms match whole words only, as snippets mark them
        quoted[-1] += "*"
    return f" {'OR' if any_word else 'AND'} ".join(quoted)
