"""The test database is a copy of one migrated template: as complete as migrating, and rebuilt when it must be."""

import sys
from pathlib import Path
from unittest import mock

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import SimpleTestCase, TestCase, override_settings

from movement_archive.testing import migrated


class CopiedDatabaseTests(TestCase):
    def test_the_copy_has_every_migration_applied(self):
        executor = MigrationExecutor(connection)
        self.assertEqual(executor.migration_plan(executor.loader.graph.leaf_nodes()), [])

    def test_the_copy_holds_what_the_migrations_wrote(self):
        # Written by migrations and post-migrate handlers, not by any model's table creation: Wagtail's root
        # page and default site, and the content types.
        from django.contrib.contenttypes.models import ContentType
        from wagtail.models import Page, Site

        self.assertTrue(Page.objects.filter(depth=1).exists())
        self.assertTrue(Site.objects.filter(is_default_site=True).exists())
        self.assertTrue(ContentType.objects.filter(app_label="organisations", model="organisation").exists())

    def test_this_run_copied_a_template_rather_than_migrating(self):
        # On SQLite and on the PostgreSQL run alike; a copy that quietly fell back to migrating would be slow
        # without failing anything.
        from django.db.backends.base.creation import BaseDatabaseCreation

        self.assertTrue(getattr(BaseDatabaseCreation.create_test_db, "copies_a_template", False))
        self.assertTrue(migrated._copies_a_template(connection.creation, keepdb=False))


class FingerprintTests(SimpleTestCase):
    def test_changing_a_migration_changes_the_fingerprint(self):
        folder = Path(self.enterContext(_temporary_folder()))
        package = folder / "fingerprinted_migrations"
        package.mkdir()
        (package / "__init__.py").write_text("")
        (package / "0001_initial.py").write_text("# first\n")
        sys.path.insert(0, str(folder))
        self.addCleanup(sys.path.remove, str(folder))
        self.addCleanup(sys.modules.pop, "fingerprinted_migrations", None)

        before = migrated.fingerprint("sqlite")
        with override_settings(MIGRATION_MODULES={"access": "fingerprinted_migrations"}):
            first = migrated.fingerprint("sqlite")
            (package / "0001_initial.py").write_text("# second\n")
            second = migrated.fingerprint("sqlite")
        self.assertNotEqual(before, first)
        self.assertNotEqual(first, second)

    def test_changing_what_runs_after_migrating_changes_the_fingerprint(self):
        # The roles' permissions are written by a post_migrate receiver: a template built before a change to it
        # would give every test the old roles.
        self.assertIn("roles.py", [path.name for path in migrated._post_migrate_modules()])
        folder = Path(self.enterContext(_temporary_folder()))
        receiver = folder / "receiver.py"
        receiver.write_text("# first\n")
        with mock.patch.object(migrated, "_post_migrate_modules", return_value=[receiver]):
            first = migrated.fingerprint("sqlite")
            receiver.write_text("# second\n")
            second = migrated.fingerprint("sqlite")
        self.assertNotEqual(first, second)

    def test_each_database_has_its_own_template(self):
        self.assertNotEqual(migrated.fingerprint("sqlite"), migrated.fingerprint("postgresql"))


class FailedBuildTests(SimpleTestCase):
    def test_a_migration_that_fails_is_reported_with_its_output(self):
        # A database file in a folder that does not exist: SQLite cannot open it, and migrate says so. (On
        # SQLite even in the PostgreSQL run: the builder reads its database from these variables alone.)
        unopenable = {migrated.BUILD_FILE: "/nonexistent/folder/template.sqlite3", "DATABASE_URL": ""}
        with self.assertRaises(migrated.TemplateError) as failure:
            migrated._migrate_in_a_process(unopenable)
        self.assertIn("migrating the template database failed", str(failure.exception))
        self.assertIn("unable to open database file", str(failure.exception))


def _temporary_folder():
    import tempfile

    return tempfile.TemporaryDirectory(prefix="movement-archive-fingerprint-")
