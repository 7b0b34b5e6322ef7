"""The full-text index is merged by the archive after each write, a bounded number of pages at a time, and not by
FTS5 while it writes (``search.sqlite.ArchiveSQLiteIndex._merge_segments``, migration 0002): FTS5's own merging
made one large transcript import in six twice as slow as the others."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from movement_archive.testing import CastTestCase, make_organisation

# FTS5 is SQLite's: PostgreSQL's full-text index has no segments to merge.
pytestmark = pytest.mark.sqlite

FTS = "wagtailsearch_indexentry_fts"


class MergingTheIndex(CastTestCase):
    def test_fts5_does_not_merge_while_it_writes(self):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT v FROM {FTS}_config WHERE k = 'automerge'")
            self.assertEqual(cursor.fetchone(), (0,))

    def test_each_write_to_the_index_is_followed_by_a_merge_in_proportion_to_it(self):
        # Imported here: the module reads Wagtail's SQLite index models, which a PostgreSQL run has not loaded, and
        # an import that fails at collection would fail the run before the marker leaves this module out.
        from movement_archive.search.sqlite import MERGE_PAGES_LEAST

        with CaptureQueriesContext(connection) as captured:
            make_organisation(name="Quoll collective", key="quoll")
        merges = [query["sql"] for query in captured.captured_queries if "'merge'" in query["sql"]]
        self.assertTrue(merges)
        # One record written: the least pages, enough for the small segments such writes leave.
        self.assertTrue(all(f"'merge', {MERGE_PAGES_LEAST})" in sql for sql in merges), merges)
        found = self.client.get("/search/", {"q": "quoll", "format": "json"}).json()["results"]
        self.assertEqual([result["key"] for result in found], ["quoll"])
