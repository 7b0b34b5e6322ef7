"""The archive's SQLite search backend: Wagtail's FTS5 backend plus a search of every kind in one pass.

Imported only when the database is SQLite (see ``backends.SearchBackend``), as Wagtail's SQLite module is. It
relies on the full-text table as ``migrations/0001_fts_prefixes_and_kinds.py`` rebuilds it: prefix indexes, so
"group"* costs no more than "group", and a ``kind`` column holding each entry's content type as a token.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import Avg, F
from django.db.models.functions import Length
from modelsearch.backends.database.sqlite.sqlite import SQLiteIndex, SQLiteSearchBackend
from wagtail.search.models import IndexEntry

from . import backends

# The kind column answers no words, so it weighs nothing in the ranking.
_WEIGHTS = ", ".join(map(str, (*backends.WEIGHTS, 0.0)))


def kind_token(content_type_id: int) -> str:
    """The word the kind column holds for an entry of this content type (written by the migration's triggers)."""
    return f"ct{content_type_id}"


# The newest index entries that Wagtail's title lengths are averaged over and refreshed among (see below).
RECENT_ENTRIES = 10_000


class ArchiveSQLiteIndex(SQLiteIndex):
    def _refresh_title_norms(self, full: bool = False) -> None:
        """Wagtail's title normalisation, over the newest entries rather than the whole table.

        Wagtail averages the length of every title and scans every entry for new ones (``title_norm`` 1.0) after
        each write: at a million entries that is two full scans, about a third of a second, for every record saved.
        New entries are the newest, so both are done over the last ``RECENT_ENTRIES``, which writes never exceed
        (the generator writes 5,000 at a time, transcripts 2,000). The average of that many titles is as good a
        norm as the average of all. ``full`` (a rebuild) keeps Wagtail's whole-table refresh.
        """
        if full:
            return super()._refresh_title_norms(full=True)
        newest = self.entries.order_by("-id").values_list("id", flat=True)[RECENT_ENTRIES - 1 : RECENT_ENTRIES]
        recent = self.entries.filter(id__gte=newest[0]) if newest else self.entries
        titled = recent.annotate(title_length=Length("title")).filter(title_length__gt=0)
        average = titled.aggregate(Avg("title_length"))["title_length__avg"]
        if average:
            titled.filter(title_norm=1.0).update(title_norm=average / F("title_length"))


class ArchiveSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = ArchiveSQLiteIndex

    def find_entries(
        self,
        terms: tuple[str, ...],
        *,
        any_word: bool,
        content_type_ids: Iterable[int],
        limit: int,
        only_these_kinds: bool = False,
    ) -> backends.FoundEntries:
        """The best ``limit`` entries of these content types matching the folded ``terms``. Two queries.

        Every column of the index is searched (names, title, body), and the last term also as the start of a
        word, so "Brugerfor" finds Brugerforeningen. FTS5's tokenizer folds accents, as the terms are. With
        ``only_these_kinds`` (the reader asked for some kinds), FTS5 itself keeps to them, so a search for
        organisations does not walk every event that matches first.
        """
        match = backends.match_expression(terms, any_word)
        if not match:
            return backends.FoundEntries([], 0, True)
        types = list(content_type_ids)
        if only_these_kinds:
            kinds = " OR ".join(f'"{kind_token(t)}"' for t in types)
            match = f"kind : ({kinds}) AND ({match})"
        fts = f"{IndexEntry._meta.db_table}_fts"
        with connection.cursor() as cursor:
            # Counting stops past RANK_LIMIT: beyond it the figure changes nothing but costs a walk of every match.
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH %s LIMIT %s)",
                [match, backends.RANK_LIMIT + 1],
            )
            total = cursor.fetchone()[0]
            ranked = total <= backends.RANK_LIMIT
            order = f"bm25({fts}, {_WEIGHTS})" if ranked else "f.rowid DESC"
            cursor.execute(
                f"SELECT e.content_type_id, e.object_id FROM {fts} f "
                f"JOIN {IndexEntry._meta.db_table} e ON e.id = f.rowid "
                f"WHERE {fts} MATCH %s AND e.content_type_id IN ({', '.join(['%s'] * len(types))}) "
                f"ORDER BY {order} LIMIT %s",
                [match, *types, limit],
            )
            return backends.FoundEntries(cursor.fetchall(), total, ranked)

    def optimize_index(self) -> None:
        """Merge the full-text index into one segment: after a bulk load it holds dozens, each read for every term."""
        fts = f"{IndexEntry._meta.db_table}_fts"
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")
