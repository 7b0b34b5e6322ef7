"""Settings for the test suite: fast by default (in-memory SQLite, MD5 hashing, tasks run at once).

With DATABASE_URL set (the PostgreSQL run of the test command), that database is used instead.
"""

import os
import tempfile

os.environ.setdefault("MOVEMENT_ARCHIVE_HOME", tempfile.mkdtemp(prefix="movement-archive-test-"))
# pytest-xdist's workers inherit the environment of the process that started them, this variable included:
# each takes a directory of its own inside it, so that no two share a database, media, recordings or uploads.
if os.environ.get("PYTEST_XDIST_WORKER"):
    _worker_home = os.path.join(os.environ["MOVEMENT_ARCHIVE_HOME"], os.environ["PYTEST_XDIST_WORKER"])
    os.makedirs(_worker_home, exist_ok=True)
    os.environ["MOVEMENT_ARCHIVE_HOME"] = _worker_home
os.environ.setdefault("MOVEMENT_ARCHIVE_SECRET_KEY", "test-only-secret-key-not-for-production")

from movement_archive.settings import *  # noqa: F403

if not os.environ.get("DATABASE_URL"):
    # In memory; the process that migrates the template the tests copy (testing/migrated.py) names a file instead.
    _name = os.environ.get("MOVEMENT_ARCHIVE_TEST_DATABASE_FILE", ":memory:")
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": _name}}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# WhiteNoise warns on every request when the static root is missing; the tests never collect static files.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
