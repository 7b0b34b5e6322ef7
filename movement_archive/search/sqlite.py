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
from django.utils.encoding import force_str
from modelsearch.backends.database.sqlite.sqlite import ObjectIndexer, SQLiteIndex, SQLiteSearchBackend
from modelsearch.index import AutocompleteField
from modelsearch.utils import get_content_type_pk
from wagtail.search.models import IndexEntry

from . import fts

# The kind column answers no words, so it weighs nothing in the ranking.
_WEIGHTS = ", ".join(map(str, (*fts.WEIGHTS, 0.0)))


def kind_token(content_type_id: int) -> str:
    """The word the kind column holds for an entry of this content type (written by the migration's triggers)."""
    return f"ct{content_type_id}"


# The newest index entries that Wagtail's title lengths are averaged over and refreshed among (see below).
RECENT_ENTRIES = 10_000
# Pages of the full-text index's segments merged after a write: one for every two entries written, within these
# bounds (see ``_merge_segments``).
MERGE_PAGES_LEAST, MERGE_PAGES_MOST = 16, 1_000


class ArchiveSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs) -> None:
        """Wagtail's indexing of many records, with each record's fields read once and new entries written raw.

        Wagtail reads every field three times (once each for title, autocomplete and body) and creates entries
        through the ORM; for a three-hour transcript of 4,000 segments that was two thirds of the import. The
        entries are the same: the full-text table's triggers fill it either way.
        """
        search_fields = model.get_search_fields()
        if not search_fields:
            return
        entries = {force_str(obj.pk): _entry_texts(obj, search_fields, self.backend) for obj in objs}
        if not entries:
            return
        content_type = get_content_type_pk(model)
        of_kind = self.entries.filter(content_type_id=content_type)
        indexed = set(of_kind.filter(object_id__in=list(entries)).values_list("object_id", flat=True))
        for object_id in indexed:
            title, autocomplete, body = entries[object_id]
            of_kind.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        new = [(content_type, key, *texts) for key, texts in entries.items() if key not in indexed]
        if new:
            with self.write_connection.cursor() as cursor:
                columns = "content_type_id, object_id, title_norm, title, autocomplete, body"
                cursor.executemany(
                    f"INSERT INTO {IndexEntry._meta.db_table} ({columns}) VALUES (%s, %s, 1.0, %s, %s, %s)", new
                )
        self._refresh_title_norms()
        self._merge_segments(len(entries))

    def _merge_segments(self, written: int) -> None:
        """Merge a few pages of the full-text index's segments for the ``written`` entries, if a level is due.

        FTS5 keeps its index as segments in levels and merges a level's segments into one of the next level. Left to
        itself ('automerge', which ``migrations/0002_fts_merges_after_writes.py`` turns off), it merges while it
        writes, with a budget of the pages written times the number of levels: at a million entries (eleven levels
        after a bulk load's 'optimize') one transcript import in six spent half a second more merging, twice the
        others' time. Here each write merges a number of pages in proportion to the entries it wrote, within bounds,
        only when a level holds four segments (FTS5's 'usermerge') or a merge is under way: enough to keep the index
        in a dozen segments, and a three-hour transcript's 4,000 entries pay for at most 2,000 pages.
        """
        pages = min(max(written // 2, MERGE_PAGES_LEAST), MERGE_PAGES_MOST)
        table = f"{IndexEntry._meta.db_table}_fts"
        with self.write_connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('merge', %s)", [pages])

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


def _entry_texts(obj, search_fields, backend) -> tuple[str, str, str]:
    """An object's title, autocomplete and body texts, as Wagtail's ``ObjectIndexer`` builds them, in one pass."""
    indexer = ObjectIndexer(obj, backend)
    title, autocomplete, body = [], [], []
    for field in search_fields:
        for current, value in indexer.prepare_field(obj, field):
            if isinstance(current, AutocompleteField):
                autocomplete.append(value)
            elif current.field_name == "title":
                title.append(value)
            else:
                body.append(value)
    return " ".join(title), " ".join(autocomplete), " ".join(body)


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
    ) -> fts.FoundEntries:
        """The best ``limit`` entries of these content types matching the folded ``terms``. Two or three queries.

        Every column of the index is searched (names, title, body), and the last term also as the start of a
        word, so "Brugerfor" finds Brugerforeningen. FTS5's tokenizer folds accents, as the terms are.

        With ``only_these_kinds`` (the reader asked for some kinds) and more matches of every kind than can be
        ranked, FTS5 itself keeps to those kinds, so a search for organisations does not walk every event that
        matches first. With fewer, the kinds are kept by the join instead: ranking a match that names a kind
        makes FTS5 count every entry of that kind (30 ms for a million transcript segments).
        """
        match = fts.match_expression(terms, any_word)
        if not match:
            return fts.FoundEntries([], 0, True)
        types = list(content_type_ids)
        table = f"{IndexEntry._meta.db_table}_fts"
        with connection.cursor() as cursor:
            total = self._count_matches(cursor, table, match)
            if only_these_kinds and total > fts.RANK_LIMIT:
                kinds = " OR ".join(f'"{kind_token(t)}"' for t in types)
                match = f"kind : ({kinds}) AND ({match})"
                total = self._count_matches(cursor, table, match)
            ranked = total <= fts.RANK_LIMIT
            entries = self._best_ranked(cursor, table, match, types, limit, total) if ranked else None
            if entries is None:
                order = f"bm25({table}, {_WEIGHTS})" if ranked else "f.rowid DESC"
                cursor.execute(
                    f"SELECT e.content_type_id, e.object_id FROM {table} f "
                    f"JOIN {IndexEntry._meta.db_table} e ON e.id = f.rowid "
                    f"WHERE {table} MATCH %s AND e.content_type_id IN ({', '.join(['%s'] * len(types))}) "
                    f"ORDER BY {order} LIMIT %s",
                    [match, *types, limit],
                )
                entries = cursor.fetchall()
        # Fewer than asked for: that is every match of these kinds, a better bound than the count of all kinds.
        return fts.FoundEntries(entries, len(entries) if len(entries) < limit else total, ranked)

    @staticmethod
    def _best_ranked(cursor, table: str, match: str, types: list[int], limit: int, total: int) -> list | None:
        """The best ``limit`` matches ranked by FTS5 alone, then kept to these kinds; None if the kinds dropped one.

        Ranking inside FTS5 keeps a heap of ``limit`` entries; joining first makes SQLite rank every match after
        reading its index row (1,100 matches: 6.4 ms, against 5.4). When every one of the best is of these kinds,
        they are the best of these kinds; when some are not, the caller ranks among these kinds instead.
        """
        cursor.execute(
            f"SELECT e.content_type_id, e.object_id FROM ("
            f"SELECT rowid AS id, bm25({table}, {_WEIGHTS}) AS score FROM {table} WHERE {table} MATCH %s "
            f"ORDER BY score LIMIT %s) f "
            f"JOIN {IndexEntry._meta.db_table} e ON e.id = f.id "
            f"WHERE e.content_type_id IN ({', '.join(['%s'] * len(types))}) ORDER BY f.score",
            [match, limit, *types],
        )
        entries = cursor.fetchall()
        return entries if len(entries) == min(total, limit) else None

    @staticmethod
    def _count_matches(cursor, table: str, match: str) -> int:
        # Counting stops past RANK_LIMIT: beyond it the figure changes nothing but costs a walk of every match.
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH %s LIMIT %s)",
            [match, fts.RANK_LIMIT + 1],
        )
        return cursor.fetchone()[0]

    def optimize_index(self) -> None:
        """Merge the full-text index into one segment: after a bulk load it holds dozens, each read for every term."""
        table = f"{IndexEntry._meta.db_table}_fts"
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
