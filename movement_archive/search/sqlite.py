"""The archive's SQLite search backend: Wagtail's FTS5 backend plus a search of every kind in one pass.

Imported only when the database is SQLite (see ``backends.SearchBackend``), as Wagtail's SQLite module is.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend
from wagtail.search.models import IndexEntry

from . import backends


class ArchiveSQLiteSearchBackend(SQLiteSearchBackend):
    def find_entries(
        self, terms: tuple[str, ...], *, any_word: bool, content_type_ids: Iterable[int], limit: int
    ) -> backends.FoundEntries:
        """The best ``limit`` entries of these content types matching the folded ``terms``. Two queries.

        Every column of the index is searched (names, title, body), and the last term also as the start of a
        word, so "Brugerfor" finds Brugerforeningen. FTS5's tokenizer folds accents, as the terms are.
        """
        match = backends.match_expression(terms, any_word)
        if not match:
            return backends.FoundEntries([], 0, True)
        fts = f"{IndexEntry._meta.db_table}_fts"
        types = list(content_type_ids)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH %s", [match])
            total = cursor.fetchone()[0]
            ranked = total <= backends.RANK_LIMIT
            order = f"bm25({fts}, {', '.join(map(str, backends.WEIGHTS))})" if ranked else "f.rowid DESC"
            cursor.execute(
                f"SELECT e.content_type_id, e.object_id FROM {fts} f "
                f"JOIN {IndexEntry._meta.db_table} e ON e.id = f.rowid "
                f"WHERE {fts} MATCH %s AND e.content_type_id IN ({', '.join(['%s'] * len(types))}) "
                f"ORDER BY {order} LIMIT %s",
                [match, *types, limit],
            )
            return backends.FoundEntries(cursor.fetchall(), total, ranked)
