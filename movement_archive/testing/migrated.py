"""One migrated database per set of migrations, copied for every test run instead of migrating afresh.

Applying the 250-odd migrations of Django, Wagtail and the archive takes about 35 seconds, nearly all of it
Django rendering model states in Python rather than SQL. Every pytest worker, the browser pass and the
PostgreSQL pass used to pay it again. Here the migrations run once, in a process of their own, into a template:

- on SQLite, a database file under ``.cache/test-databases/``, named by a fingerprint of every migration file
  (and of the Django and SQLite versions), so a changed migration builds a new one and an unchanged one is
  reused by later runs; each test process copies it into its in-memory database with SQLite's backup API;
- on PostgreSQL, a database named by the same fingerprint in the same cluster, which each worker's test
  database is created from (``CREATE DATABASE … TEMPLATE``).

A file lock makes the first process to need a template build it while the others wait. ``scripts/test``
builds them ahead, in the background, while the lint steps and the browser pass run.

``install()`` (called by the root conftest) replaces Django's ``create_test_db`` for those two cases only;
``--reuse-db``-style kept databases and every other engine go through Django's own. The copy is the real
thing: the template is made by ``migrate`` itself, post-migrate handlers included (content types,
permissions, Wagtail's root page and default site), with the test settings.

    scripts/test-database            # build the template for the database the test settings choose
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import sqlite3
import subprocess
import sys
import weakref
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("MOVEMENT_ARCHIVE_TEST_CACHE", REPO / ".cache" / "test-databases"))
# Read by test_settings: the SQLite file the builder process migrates, in place of the in-memory database.
BUILD_FILE = "MOVEMENT_ARCHIVE_TEST_DATABASE_FILE"


class TemplateError(RuntimeError):
    """The migrations failed in the builder process; the message carries its output."""


def fingerprint(vendor: str) -> str:
    """A digest of everything the migrated schema depends on: every migration file, and the versions."""
    import django
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader

    digest = hashlib.sha256(f"{vendor} {django.__version__} {sqlite3.sqlite_version}".encode())
    for app in sorted(apps.get_app_configs(), key=lambda app: app.label):
        module_name, _ = MigrationLoader.migrations_module(app.label)
        if not module_name:
            continue
        try:
            module = __import__(module_name, fromlist=["__path__"])
        except ImportError:
            continue  # an app without migrations: migrate's syncdb creates its tables from the models
        for folder in getattr(module, "__path__", []):
            for path in sorted(Path(folder).glob("*.py")):
                digest.update(f"{app.label}/{path.name}".encode())
                digest.update(path.read_bytes())
    # What runs after migrating writes rows too (the roles' permissions, the contributions' workflow): a change
    # to the module of any of the project's post_migrate receivers builds the template again.
    for path in _post_migrate_modules():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _post_migrate_modules() -> list[Path]:
    import inspect

    from django.db.models.signals import post_migrate

    files = set()
    for _, receiver, *_ in post_migrate.receivers:  # (lookup key, weak or strong reference, is_async)
        function = receiver() if isinstance(receiver, weakref.ReferenceType) else receiver
        source = inspect.getsourcefile(function) if function is not None else None
        if source and Path(source).resolve().is_relative_to(REPO / "movement_archive"):
            files.add(Path(source).resolve())
    return sorted(files)


@contextmanager
def _locked(name: str):
    """Hold an exclusive lock on a file in the cache: the other processes wait at this point."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / f"{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _migrate_in_a_process(environment: dict[str, str]) -> None:
    """Run ``migrate`` with the test settings in a new process, with these variables set."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "movement_archive.test_settings", **environment}
    # An xdist worker's name would give the builder a worker's data directory; it needs none of its own.
    env.pop("PYTEST_XDIST_WORKER", None)
    # Through manage.py, which spares the process the collector's passes at exit (10 s after migrating).
    command = [sys.executable, "manage.py", "migrate", "--run-syncdb", "--no-input", "--verbosity", "0"]
    finished = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, check=False)
    if finished.returncode:
        raise TemplateError(
            f"migrating the template database failed (exit {finished.returncode}):\n{finished.stdout}{finished.stderr}"
        )


# SQLite ---------------------------------------------------------------------------------------------------------


def sqlite_template() -> Path:
    """The migrated SQLite file for the current migrations, built first if there is none."""
    path = CACHE / f"sqlite-{fingerprint('sqlite')}.sqlite3"
    with _locked("sqlite"):
        if not path.exists():
            building = path.with_suffix(f".building-{os.getpid()}")
            building.unlink(missing_ok=True)
            try:
                _migrate_in_a_process({BUILD_FILE: str(building)})
                building.rename(path)
            finally:
                building.unlink(missing_ok=True)
            # Templates of older migrations are of no further use.
            for old in CACHE.glob("sqlite-*.sqlite3"):
                if old != path:
                    old.unlink(missing_ok=True)
    return path


def _copy_sqlite(creation, template: Path) -> None:
    """Fill the connection's (empty, in-memory) test database with the template's pages."""
    connection = creation.connection
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


# PostgreSQL -----------------------------------------------------------------------------------------------------


def postgresql_template(connection) -> str:
    """The name of the migrated template database in this connection's cluster, created first if there is none."""
    name = f"movement_archive_template_{fingerprint('postgresql')}"
    building = f"{name}_building"
    quoted = connection.ops.quote_name
    with _locked(f"postgresql-{_server_identity(connection.settings_dict)}"):
        # Django's own way into the cluster without the test database: the maintenance database "postgres".
        with connection.creation._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                return name
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted(building)}")
            cursor.execute(f"CREATE DATABASE {quoted(building)}")
        try:
            _migrate_in_a_process({"DATABASE_URL": _database_url(building)})
        except TemplateError:
            with connection.creation._nodb_cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {quoted(building)}")
            raise
        # Renamed only once complete, so that a failed build never passes for a template.
        with connection.creation._nodb_cursor() as cursor:
            cursor.execute(f"ALTER DATABASE {quoted(building)} RENAME TO {quoted(name)}")
    return name


def _server_identity(settings_dict: dict) -> str:
    where = repr([settings_dict.get(key) for key in ("HOST", "PORT", "OPTIONS")])
    return hashlib.sha256(where.encode()).hexdigest()[:12]


def _database_url(dbname: str) -> str:
    """DATABASE_URL with another database name (the builder process reads its database from it)."""
    from urllib.parse import urlsplit, urlunsplit

    return urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{dbname}"))


def _create_postgresql(creation, template: str, test_name: str) -> None:
    quoted = creation.connection.ops.quote_name
    with creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted(test_name)}")
        cursor.execute(f"CREATE DATABASE {quoted(test_name)} TEMPLATE {quoted(template)}")


# Django's test database creation --------------------------------------------------------------------------------


def _copies_a_template(creation, keepdb: bool) -> bool:
    connection = creation.connection
    if keepdb or connection.settings_dict["TEST"].get("MIGRATE") is False:
        return False
    if connection.vendor == "sqlite":
        return creation.is_in_memory_db(creation._get_test_db_name())
    return connection.vendor == "postgresql" and "DATABASE_URL" in os.environ


def install() -> None:
    """Make Django's test runner copy the template where it can, and migrate as before elsewhere."""
    from django.db.backends.base.creation import BaseDatabaseCreation

    if getattr(BaseDatabaseCreation.create_test_db, "copies_a_template", False):
        return
    original = BaseDatabaseCreation.create_test_db

    def create_test_db(self, verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        if not _copies_a_template(self, keepdb):
            return original(self, verbosity, autoclobber, serialize, keepdb)
        return _create_from_template(self, verbosity, serialize)

    create_test_db.copies_a_template = True
    BaseDatabaseCreation.create_test_db = create_test_db


def _create_from_template(creation, verbosity: int, serialize: bool) -> str:
    """Django's ``create_test_db`` with the migrations replaced by a copy of the template."""
    from django.conf import settings
    from django.core.management import call_command

    connection = creation.connection
    test_name = creation._get_test_db_name()
    if connection.vendor == "sqlite":
        template = sqlite_template()
    else:
        template = postgresql_template(connection)
        _create_postgresql(creation, template, test_name)
    if verbosity >= 1:
        creation.log(f"Creating test database for alias {connection.alias!r} from the migrated template {template}")
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name
    if connection.vendor == "sqlite":
        _copy_sqlite(creation, template)
    if serialize:
        connection._test_serialized_contents = creation.serialize_db_to_string()
    call_command("createcachetable", database=connection.alias)
    connection.ensure_connection()
    return test_name


def main() -> int:
    """Build the template of the database the test settings choose (DATABASE_URL or SQLite).

    Called by ``scripts/test-database`` once Django is set up with the test settings.
    """
    from django.db import connection

    try:
        if connection.vendor == "postgresql":
            print(f"template database {postgresql_template(connection)} is ready")
        else:
            print(f"template database {sqlite_template()} is ready")
    except TemplateError as error:
        print(error, file=sys.stderr)
        return 1
    return 0
