"""The long lists are read from their indexes alone, whoever reads them: no sort, no table row per entry walked.

A page far into the timeline or the people list skips tens of thousands of entries. Walked in an index that holds
the order and every column the access rule tests, that costs a few milliseconds; when the index lacks one access
column, SQLite reads each entry's table row to test it (ten times slower), and when the order is not the index's,
it sorts every visible record first. These tests read SQLite's program for the queries the pages run: which
index it walks, whether it sorts (``USE TEMP B-TREE``), and whether it reads any column from the table itself.
Query plans, not timings: without ANALYZE statistics SQLite plans the same on an empty table as on a full one.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from movement_archive.events.models import Event
from movement_archive.events.queries import TimelineFilters, timeline_events
from movement_archive.home.queries import archive_counts
from movement_archive.people.models import Person
from movement_archive.people.queries import people_listing
from movement_archive.testing import CastTestCase

# SQLite's query programs: left out of the PostgreSQL run (the `sqlite` marker, see the root conftest.py).
SQLITE_ONLY = pytest.mark.sqlite


def plan(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return [row[3] for row in cursor.fetchall()]


def reads_table_rows(sql: str, table: str) -> bool:
    """Whether the program of ``sql`` reads anything from ``table``'s own rows, rather than from an index."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = %s", [table])
        (root,) = cursor.fetchone()
        cursor.execute(f"EXPLAIN {sql}")
        program = cursor.fetchall()
    # (address, opcode, p1, p2, ...): OpenRead opens cursor p1 on the b-tree whose root page is p2.
    cursors = {p1 for _, opcode, p1, p2, *_ in program if opcode == "OpenRead" and p2 == root}
    return any(
        opcode in ("Column", "Rowid", "SeekRowid", "NotExists") and p1 in cursors for _, opcode, p1, *_ in program
    )


def first_query(read) -> str:
    """The SQL of the first query ``read()`` runs, as sent."""
    with CaptureQueriesContext(connection) as captured:
        read()
    return captured[0]["sql"]


@SQLITE_ONLY
class ListsReadFromTheirIndexes(CastTestCase):
    def readers(self):
        return {"a visitor": None, "a community member": self.community_member, "a group member": self.group_member}

    def assert_read_from(self, index: str, sql: str, table: str) -> None:
        steps = plan(sql)
        self.assertTrue(any(re.search(rf"INDEX {index}\b", step) for step in steps), steps)
        self.assertFalse([step for step in steps if "TEMP B-TREE" in step], "sorted outside the index")
        self.assertFalse(reads_table_rows(sql, table), "table rows read for entries walked")

    def test_a_deep_page_of_the_timeline_walks_the_chronology_alone(self):
        for reader, user in self.readers().items():
            with self.subTest(reader):
                pages = timeline_events(user, TimelineFilters())
                sql = first_query(lambda pages=pages: list(pages.values_list("pk", flat=True)[99_950:100_000]))
                self.assert_read_from("event_live_chronology", sql, "events_event")

    def test_a_deep_page_of_one_kind_of_event_walks_that_kind_s_chronology_alone(self):
        pages = timeline_events(None, TimelineFilters(kind=Event.Kind.FOUNDING))
        sql = first_query(lambda: list(pages.values_list("pk", flat=True)[19_950:20_000]))
        self.assert_read_from("event_live_kind_chronology", sql, "events_event")

    def test_a_deep_page_of_the_people_list_walks_its_index_in_its_order(self):
        for reader, user in self.readers().items():
            with self.subTest(reader):
                listing = people_listing(user)
                sql = first_query(lambda listing=listing: listing[22_450:22_500])
                self.assert_read_from("person_list", sql, "people_person")

    def test_visible_events_and_people_are_counted_from_an_index(self):
        for reader, user in self.readers().items():
            for model in (Event, Person):
                with self.subTest(reader, model=model.__name__):
                    sql = first_query(model.objects.visible_to(user).count)
                    self.assertFalse(reads_table_rows(sql, model._meta.db_table), plan(sql))

    def test_the_home_page_counts_read_no_event_row(self):
        with CaptureQueriesContext(connection) as captured:
            archive_counts(self.community_member)  # computed each time for a signed-in reader: never kept
        counted = [query["sql"] for query in captured if '"events_event"' in query["sql"]]
        self.assertEqual(len(counted), 1)
        self.assertFalse(reads_table_rows(counted[0], "events_event"), plan(counted[0]))

    def test_visible_events_asked_for_by_key_are_looked_up_by_key(self):
        # The search and the prefetches ask for a few hundred events by key within what the reader may see: no
        # index of the access columns may look more selective to SQLite than the keys (one led by consent did,
        # and such a lookup walked every visible event: 300 ms).
        sql = first_query(lambda: list(Event.objects.visible_to(None).filter(pk__in=range(1, 201))))
        self.assertTrue(any("USING INTEGER PRIMARY KEY" in step for step in plan(sql)), plan(sql))
