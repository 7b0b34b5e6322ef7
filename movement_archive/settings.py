"""Django settings. The first run needs no configuration; every variable is listed in docs/configuration.md."""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from movement_archive.env import ConfigurationError, env_bool, env_choice, env_int, env_list, env_path, env_str

PACKAGE_DIR = Path(__file__).resolve().parent

# The data directory holds the SQLite database, uploaded media and the generated secret key.
HOME = env_path("MOVEMENT_ARCHIVE_HOME", "./var")

DEBUG = env_bool("MOVEMENT_ARCHIVE_DEBUG", False)


def _secret_key() -> str:
    configured = env_str("MOVEMENT_ARCHIVE_SECRET_KEY")
    if configured:
        return configured
    # Generated once per data directory so that a first run needs no configuration and sessions
    # survive restarts; never committed, because the data directory is not in the repository.
    key_file = HOME / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    HOME.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("MOVEMENT_ARCHIVE_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("MOVEMENT_ARCHIVE_CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("MOVEMENT_ARCHIVE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "movement_archive.core",
    "movement_archive.accounts",
    "movement_archive.access",
    "movement_archive.redaction",
    "movement_archive.places",
    "movement_archive.organisations",
    "movement_archive.organising",
    "movement_archive.people",
    "movement_archive.events",
    "movement_archive.documentary",
    "movement_archive.interviews",
    "movement_archive.sources",
    "movement_archive.contributions",
    "movement_archive.consent",
    "movement_archive.deletions",
    "movement_archive.exports",
    "movement_archive.seed",
    "movement_archive.search",
    "movement_archive.syndication",
    "movement_archive.harvesting",
    "movement_archive.api",
    # The site as a whole, above every app it shows: the home page, the pages' header, the back-office menu.
    "movement_archive.home",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "movement_archive.core.headers.ReadingRoomHeaders",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "movement_archive.access.middleware.GoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Back-office sessions: their limits, then whether they passed the second step (accounts/).
    "movement_archive.accounts.sessions.SessionLimits",
    "django_otp.middleware.OTPMiddleware",
    "movement_archive.accounts.gate.TwoFactorGate",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "movement_archive.urls"
WSGI_APPLICATION = "movement_archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

_database_url = env_str("DATABASE_URL")
if _database_url:
    try:
        DATABASES = {
            "default": dj_database_url.parse(
                _database_url, conn_max_age=env_int("MOVEMENT_ARCHIVE_DB_CONN_MAX_AGE", 60, minimum=0)
            )
        }
    except ValueError as error:
        raise ConfigurationError(f"DATABASE_URL is not a database address Django understands: {error}") from None
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": HOME / "archive.sqlite3",
            # WAL lets readers continue while the seed loads or an editor publishes. A 64 MB page cache per
            # connection (SQLite's default is 2 MB) keeps the indexes that lists and counts walk in memory.
            # Temporary storage in memory: inside a transaction, each statement that may write several rows (a
            # row with triggers, as every search index entry has) keeps the pages it changes in a statement
            # journal, a temporary file otherwise. Importing a three-hour transcript wrote 110 MB to such files,
            # in 50,000 system calls; kept in memory, 8 MB reach any file, the database's own writes.
            "OPTIONS": {
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; "
                    "PRAGMA temp_store=MEMORY;"
                ),
                "transaction_mode": "IMMEDIATE",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env_path("MOVEMENT_ARCHIVE_STATIC_ROOT", str(HOME / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = env_path("MOVEMENT_ARCHIVE_MEDIA_ROOT", str(HOME / "media"))
# Documents uploaded in the back office are linked at their place in MEDIA_ROOT, as images are: the archive
# routes no document-serving view, and Wagtail's default (a view of its own) made every page that names a
# document answer 500.
WAGTAILDOCS_SERVE_METHOD = "direct"
# Interview recordings live apart from MEDIA_ROOT: the proxy serves /media/ to anyone, and recordings are served
# only through the archive's view, which checks who may hear them.
MOVEMENT_ARCHIVE_RECORDINGS_ROOT = env_path("MOVEMENT_ARCHIVE_RECORDINGS_ROOT", str(HOME / "recordings"))
# Files sent with contributions, likewise kept apart: only editors read them, through the back office.
MOVEMENT_ARCHIVE_CONTRIBUTIONS_ROOT = env_path("MOVEMENT_ARCHIVE_CONTRIBUTIONS_ROOT", str(HOME / "contributions"))
# Contributors' contacts are encrypted with this key; by default one derived from the secret key.
MOVEMENT_ARCHIVE_CONTACT_KEY = env_str("MOVEMENT_ARCHIVE_CONTACT_KEY")
MOVEMENT_ARCHIVE_CLIENT_ADDRESS_HEADER = env_str("MOVEMENT_ARCHIVE_CLIENT_ADDRESS_HEADER")
MOVEMENT_ARCHIVE_CONTRIBUTIONS_PER_HOUR = env_int(
    "MOVEMENT_ARCHIVE_CONTRIBUTIONS_PER_HOUR", 5, minimum=1, maximum=10_000
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("MOVEMENT_ARCHIVE_MANIFEST_STATIC", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

WAGTAIL_SITE_NAME = "Movement Archive"
WAGTAILADMIN_BASE_URL = SITE_URL
# Without "Remember me": back-office sessions end when the browser closes (accounts/sessions.py).
WAGTAILADMIN_USER_LOGIN_FORM = "movement_archive.accounts.forms.LoginForm"
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "txt", "odt", "docx", "csv"]

# Wagtail's search layer: the database backend uses SQLite FTS5 or PostgreSQL full-text search,
# whichever the database is; OpenSearch is selected with MOVEMENT_ARCHIVE_SEARCH_URL.
_search_url = env_str("MOVEMENT_ARCHIVE_SEARCH_URL")
WAGTAILSEARCH_BACKENDS = {
    "default": (
        {"BACKEND": "wagtail.search.backends.opensearch2", "URLS": [_search_url], "INDEX": "movement_archive"}
        if _search_url
        # Wagtail's database backend, with a one-pass search over every kind on SQLite (see search/backends.py).
        else {"BACKEND": "movement_archive.search.backends"}
    )
}

# Background jobs through django-tasks: in process by default, a database queue when asked.
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[env_choice("MOVEMENT_ARCHIVE_TASKS", "immediate", {"immediate", "database"})]
    }
}

# OAI-PMH (movement_archive/harvesting): how the repository names itself and its records to harvesters. The
# identifier's default is the public host name, so that record identifiers stay the same whatever host a harvester
# reaches the archive by.
MOVEMENT_ARCHIVE_OAI_REPOSITORY_ID = env_str("MOVEMENT_ARCHIVE_OAI_REPOSITORY_ID") or (
    urlsplit(SITE_URL).hostname or "localhost"
)
if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.-]*", MOVEMENT_ARCHIVE_OAI_REPOSITORY_ID):
    raise ConfigurationError(
        f"MOVEMENT_ARCHIVE_OAI_REPOSITORY_ID={MOVEMENT_ARCHIVE_OAI_REPOSITORY_ID!r} is not a host name such as "
        "archive.example.org (letters, digits, dots and hyphens)"
    )
MOVEMENT_ARCHIVE_OAI_REPOSITORY_NAME = env_str("MOVEMENT_ARCHIVE_OAI_REPOSITORY_NAME", "Movement Archive")

EMAIL_BACKEND = env_str("MOVEMENT_ARCHIVE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("MOVEMENT_ARCHIVE_FROM_EMAIL", "archive@localhost")
MOVEMENT_ARCHIVE_OAI_ADMIN_EMAILS = env_list("MOVEMENT_ARCHIVE_OAI_ADMIN_EMAIL", [DEFAULT_FROM_EMAIL])

# Privacy: no tracking, no third-party requests, strict headers.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# HTTPS. An https public address turns on what serving over HTTPS calls for; each part can still be set apart.
# `serve` speaks plain HTTP, so in production a proxy in front terminates TLS: Django learns that a request came over
# HTTPS from gunicorn (which trusts X-Forwarded-Proto from a proxy on the same machine) or from the header named here.
_HTTPS = SITE_URL.startswith("https://")
SESSION_COOKIE_SECURE = env_bool("MOVEMENT_ARCHIVE_SECURE_COOKIES", _HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("MOVEMENT_ARCHIVE_SSL_REDIRECT", _HTTPS)
# A load balancer may check health over plain HTTP; a redirect would read as a failure.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
_proxy_ssl_header = env_str("MOVEMENT_ARCHIVE_PROXY_SSL_HEADER")
if _proxy_ssl_header:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https")
# Browsers that have seen the archive once refuse plain HTTP to it afterwards, so a hostile network cannot strip
# HTTPS from a reader's next visit. Subdomains are included: they are names under the archive's own host only.
SECURE_HSTS_SECONDS = env_int("MOVEMENT_ARCHIVE_HSTS_SECONDS", 365 * 24 * 3600 if _HTTPS else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading binds the whole registrable domain for months, so it is the domain owner's choice, off by default.
SECURE_HSTS_PRELOAD = env_bool("MOVEMENT_ARCHIVE_HSTS_PRELOAD", False)

# Sessions exist only for people signed in to the back office; their limits are enforced in accounts/sessions.py.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("MOVEMENT_ARCHIVE_SESSION_AGE", 8 * 3600, minimum=300)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
MOVEMENT_ARCHIVE_SESSION_IDLE = env_int("MOVEMENT_ARCHIVE_SESSION_IDLE", 30 * 60, minimum=60)

# Two-factor sign-in for the back office (accounts/two_factor.py). Always required: the back office holds the
# names of people who can be harmed if they leak, and a switch to turn the second step off would be one
# environment variable away from a production archive guarded by passwords alone. The demo prints how to set up
# an authenticator instead. The issuer is the name authenticator apps show beside the codes; on a phone that may
# be searched, a neutral name says less.
OTP_TOTP_ISSUER = env_str("MOVEMENT_ARCHIVE_TOTP_ISSUER", "Movement Archive")

_LOG_LEVEL = env_choice("MOVEMENT_ARCHIVE_LOG_LEVEL", "WARNING", {"DEBUG", "INFO", "WARNING", "ERROR"})
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # No client addresses or receipt secrets in any line, and no request attached for a handler to dump
    # (core/log_privacy.py).
    "filters": {"private": {"()": "movement_archive.core.log_privacy.PrivateRecords"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["private"]}},
    "root": {"handlers": ["console"], "level": _LOG_LEVEL},
    # Django's own handlers replaced: its mail to ADMINS would carry the whole request, addresses included.
    # Its records reach the filtered console through the root logger.
    "loggers": {"django": {"handlers": [], "level": _LOG_LEVEL, "propagate": True}},
}

# World boundaries for the map: the npm package world-atlas, installed by the set-up (npm ci).
MOVEMENT_ARCHIVE_WORLD_ATLAS = env_path(
    "MOVEMENT_ARCHIVE_WORLD_ATLAS", str(PACKAGE_DIR.parent / "node_modules" / "world-atlas" / "countries-110m.json")
)

# The seed documents (read by the coverage test and cited by the seed collection).
SEED_DOCUMENTS_DIR = env_path("MOVEMENT_ARCHIVE_SEED_DOCUMENTS", str(PACKAGE_DIR.parent.parent / "shared" / "seeds"))
