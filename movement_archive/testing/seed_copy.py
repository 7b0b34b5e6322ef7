"""The seed collection for tests: loaded for real once per test process, then copied row for row.

Loading the seed validates every file, saves and publishes a revision of each record and indexes it for
search: seconds of work that a test class needing the seed as its background would repeat. ``seeded()``
does that work the first time in a process and keeps the rows it wrote; each later call writes the same
rows back with plain inserts, inside the calling test's transaction like any other set-up.

The copy is only used where it is exact. The first load must have only added rows, to tables that were
empty (no row it found was changed or removed); and a later call must find the database as the first load
found it, table by table. Otherwise ``seeded()`` loads the seed for real again. The tests of the loader
itself (``movement_archive/seed/tests``) call ``load_seed`` directly where loading is what they test.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from django.db import connection

from movement_archive.seed.loader import Report, load_seed


@dataclass
class _Rows:
    """The rows the first load wrote, table by table, as this database's own client reads and writes them."""

    report: Report
    counts_before: dict[str, int]
    tables: dict[str, object] = field(default_factory=dict)
    checked: bool = False

    def write(self) -> None:
        virtual = _virtual_tables()
        # Tables filled by triggers (SQLite's full-text index, from the index entries) are written last,
        # over what the triggers wrote, which is not all of it: the search backend completes those rows itself.
        for table, rows in sorted(self.tables.items(), key=lambda item: item[0] in virtual):
            if table in virtual:
                _empty(table)
            _write(table, rows)
        _after_writing(list(self.tables))
        if not self.checked:
            # Once per process, a proof that the copy is the load: every table as the real load left it.
            differing = [table for table, rows in self.tables.items() if not _same(_read(table), rows)]
            assert not differing, f"the copy of the seed differs from the real load in {differing}"
            self.checked = True


_copy: _Rows | None = None
# Set when the first load changed rows it found: copying would not reproduce it, so every call loads.
_copy_unusable = False


def seeded() -> Report:
    """Load the seed collection into the test database and return the loader's report.

    For ``setUpTestData`` and fixtures that need the seed as background; the rows are the same as a real
    load's, ids included, and the report is a copy of the first real load's.
    """
    global _copy, _copy_unusable
    tables = _tables()
    if _copy is not None and _counts(tables) == _copy.counts_before:
        _copy.write()
        return copy.deepcopy(_copy.report)
    if _copy is not None or _copy_unusable:
        return load_seed()

    before = {table: _read(table) for table in tables}
    counts_before = _counts(tables)
    report = load_seed()
    after = {table: _read(table) for table in _tables()}
    if set(after) != set(before):
        _copy_unusable = True
        return report
    written = {}
    for table in tables:
        if _same(before[table], after[table]):
            continue
        if counts_before[table]:
            # The load changed rows that were there before: only a real load reproduces that.
            _copy_unusable = True
            return report
        written[table] = after[table]
    _copy = _Rows(report=copy.deepcopy(report), counts_before=counts_before, tables=written)
    return report


# One database's way with tables ----------------------------------------------------------------------------


def _tables() -> list[str]:
    """Every table the test may read: SQLite's full-text tables, not the shadow tables SQLite keeps for them."""
    names = sorted(connection.introspection.table_names(include_views=False))
    if connection.vendor != "sqlite":
        return names
    virtual = _virtual_tables()
    return [name for name in names if not any(name.startswith(f"{table}_") for table in virtual)]


def _virtual_tables() -> set[str]:
    if connection.vendor != "sqlite":
        return set()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
        return {name for (name,) in cursor.fetchall()}


def _counts(tables: list[str]) -> dict[str, int]:
    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        # In slices: SQLite limits how many SELECTs one compound statement may join.
        for start in range(0, len(tables), 400):
            part = tables[start : start + 400]
            cursor.execute(
                " UNION ALL ".join(f"SELECT %s, COUNT(*) FROM {quote(table)}" for table in part),
                part,
            )
            counts.update(cursor.fetchall())
    return counts


def _read(table: str):
    """The table's rows: on SQLite a list of (columns, values) with the rowid; on PostgreSQL COPY's text."""
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {quote(table)} TO STDOUT") as out:
            return b"".join(bytes(block) for block in out)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid AS _rowid_, * FROM {quote(table)} ORDER BY 1")
        columns = [column[0] for column in cursor.description]
        return columns, cursor.fetchall()


def _same(before, after) -> bool:
    if isinstance(before, bytes):
        # COPY writes rows in their order on disk, which updates change: compare the rows, not their order.
        return sorted(before.split(b"\n")) == sorted(after.split(b"\n"))
    return before == after


def _empty(table: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


def _write(table: str, rows) -> None:
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {quote(table)} FROM STDIN") as into:
            into.write(rows)
        return
    columns, values = rows
    if not values:
        return
    # The rowid is written too: SQLite's full-text table joins its rows to the index entries by it.
    names = ", ".join(["rowid", *(quote(name) for name in columns[1:])])
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", values)


def _after_writing(tables: list[str]) -> None:
    """PostgreSQL's sequences do not move for rows inserted with their ids: move them past the copied rows."""
    if connection.vendor != "postgresql":
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(
                "SELECT a.attname, pg_get_serial_sequence(%s, a.attname) FROM pg_attribute a"
                " WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped"
                " AND pg_get_serial_sequence(%s, a.attname) IS NOT NULL",
                [quote(table), quote(table), quote(table)],
            )
            for column, sequence in cursor.fetchall():
                cursor.execute(
                    f"SELECT setval(%s, COALESCE(MAX({quote(column)}), 1), MAX({quote(column)}) IS NOT NULL)"
                    f" FROM {quote(table)}",
                    [sequence],
                )
