"""Rebuild Wagtail's SQLite full-text table with prefix indexes and a column naming each entry's kind.

Why: at 670,000 entries, a query ending in a common word's start ("drug users group") spent about 20 ms merging
the lists of every word that starts that way, and a search restricted to one kind walked tens of thousands of
matches of other kinds before finding 200 of its own. With prefix indexes of 3 to 8 characters, such a start is
one list FTS5 can skip through; with the kind as a token of its own (``ct32``, the content type's id), FTS5
skips the other kinds itself. The index is about 3.7 times larger (76 MB became 282 MB at that size).

Wagtail's table and triggers are replaced under the same names; Wagtail's queries name their columns, so the new
``kind`` column never answers them. The token's spelling is repeated in ``search.sqlite.kind_token``.
Nothing happens on PostgreSQL, or on SQLite built without FTS5 (Wagtail then has no such table).
"""

from django.db import migrations

ENTRIES = "wagtailsearch_indexentry"
FTS = f"{ENTRIES}_fts"
TRIGGERS = [f"{action}_wagtailsearch_indexentry_fts" for action in ("insert", "update", "delete")]


def _fts_table_exists(connection) -> bool:
    return connection.vendor == "sqlite" and FTS in connection.introspection.table_names()


def _rebuild(schema_editor, *, columns: str, options: str, kind_value: str | None) -> None:
    connection = schema_editor.connection
    if not _fts_table_exists(connection):
        return
    new_columns = ["title", "body", "autocomplete"] + (["kind"] if kind_value else [])
    values = ["NEW.title", "NEW.body", "NEW.autocomplete"] + ([kind_value] if kind_value else [])
    updates = ", ".join(f"{c}={v}" for c, v in zip(new_columns, values, strict=True))
    with connection.cursor() as cursor:
        for trigger in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        cursor.execute(f"DROP TABLE {FTS}")
        cursor.execute(f"CREATE VIRTUAL TABLE {FTS} USING fts5({columns}{options})")
        selected = ", ".join(v.replace("NEW.", "") for v in values)
        cursor.execute(f"INSERT INTO {FTS}({', '.join(new_columns)}, rowid) SELECT {selected}, id FROM {ENTRIES}")
        cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')")
        cursor.execute(
            f"CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON {ENTRIES} BEGIN "
            f"INSERT INTO {FTS}({', '.join(new_columns)}, rowid) VALUES ({', '.join(values)}, NEW.id); END"
        )
        cursor.execute(
            f"CREATE TRIGGER {TRIGGERS[1]} AFTER UPDATE ON {ENTRIES} BEGIN "
            f"UPDATE {FTS} SET {updates} WHERE rowid=NEW.id; END"
        )
        cursor.execute(
            f"CREATE TRIGGER {TRIGGERS[2]} AFTER DELETE ON {ENTRIES} BEGIN DELETE FROM {FTS} WHERE rowid=OLD.id; END"
        )


def add_prefixes_and_kinds(apps, schema_editor):
    _rebuild(
        schema_editor,
        columns="autocomplete, body, title, kind",
        options=", prefix='3 4 5 6 7 8'",
        kind_value="'ct' || NEW.content_type_id",
    )


def back_to_wagtails_table(apps, schema_editor):
    _rebuild(schema_editor, columns="autocomplete, body, title", options="", kind_value=None)


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(add_prefixes_and_kinds, back_to_wagtails_table, elidable=False)]
