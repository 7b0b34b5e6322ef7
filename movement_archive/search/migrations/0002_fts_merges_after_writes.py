"""Turn off FTS5's automatic merging of the full-text index: the archive's backend merges after each write instead.

Why: FTS5 merges its segments while it writes, with a budget of the pages written times the number of levels of
segments. At a million entries (eleven levels after a bulk load's 'optimize') that made one transcript import in
six twice as slow as the others, about a second. ``search.sqlite.ArchiveSQLiteIndex._merge_segments`` merges a
bounded number of pages after each write instead. Merging still happens by itself when a level reaches FTS5's
'crisismerge' (16 segments), which these merges keep from happening.

Nothing happens on PostgreSQL, or on SQLite built without FTS5 (Wagtail then has no such table).
"""

from django.db import migrations

FTS = "wagtailsearch_indexentry_fts"
FTS5_DEFAULT_AUTOMERGE = 4


def _set_automerge(schema_editor, value: int) -> None:
    connection = schema_editor.connection
    if connection.vendor != "sqlite" or FTS not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS}({FTS}, rank) VALUES ('automerge', %s)", [value])


def merge_after_writes(apps, schema_editor):
    _set_automerge(schema_editor, 0)


def merge_while_writing(apps, schema_editor):
    _set_automerge(schema_editor, FTS5_DEFAULT_AUTOMERGE)


class Migration(migrations.Migration):
    dependencies = [("archive_search", "0001_fts_prefixes_and_kinds")]

    operations = [migrations.RunPython(merge_after_writes, merge_while_writing, elidable=False)]
