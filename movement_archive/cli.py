"""The `movement-archive` command: try the demo, serve the archive, load the seed, generate benchmark data,
import and export interviews, export the public archive, reset a user's two-factor sign-in, reach Django's
commands.

Django is set up only when a subcommand needs it, so `--help` works without any configuration.
Configuration mistakes end the command with one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import os
import secrets
import socket
import sys
from pathlib import Path

from movement_archive.core.collector import skip_collections_at_exit
from movement_archive.env import ConfigurationError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_WORKERS = 2
# gthread workers keep slow or idle keep-alive clients from tying up a whole process.
THREADS_PER_WORKER = 4
DEMO_EDITOR = "editor"
PROG = "movement-archive"


def main(argv: list[str] | None = None) -> int:
    skip_collections_at_exit()
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "load-seed":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.extra = extra
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "movement_archive.settings")
    try:
        return args.handler(args) or 0
    except ConfigurationError as error:
        return _fail(str(error), status=2)
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        # Django's own configuration and command errors are the user's to fix, not bugs to trace.
        from django.core.exceptions import ImproperlyConfigured
        from django.core.management import CommandError

        if isinstance(error, ImproperlyConfigured):
            return _fail(str(error), status=2)
        if isinstance(error, CommandError):
            return _fail(str(error), status=1)
        raise


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Run, serve and maintain the Movement Archive. "
        "Settings come from environment variables; see docs/configuration.md.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser(
        "demo",
        help="set up a local archive with the seed collection and serve it",
        description="Prepare the data directory (MOVEMENT_ARCHIVE_HOME, default ./var), migrate the database, "
        "collect static files, load the seed collection, create an editor account if there are no accounts "
        "yet (its password is printed once), then serve the archive. Safe to run again.",
    )
    _add_address_options(demo)
    demo.add_argument("--no-serve", action="store_true", help="stop after setting up; do not start the web server")
    demo.add_argument(
        "--workers", type=_positive_int, default=DEFAULT_WORKERS, help=f"server processes (default {DEFAULT_WORKERS})"
    )
    demo.set_defaults(handler=_demo)

    serve = commands.add_parser(
        "serve",
        help="serve the archive with gunicorn",
        description="Serve the archive with gunicorn, a production WSGI server; WhiteNoise serves the static "
        "files, which are collected first if they have not been. Does not migrate the database.",
    )
    _add_address_options(serve)
    serve.add_argument(
        "--workers",
        type=_positive_int,
        default=DEFAULT_WORKERS,
        help=f"server processes, each with {THREADS_PER_WORKER} threads (default {DEFAULT_WORKERS})",
    )
    serve.set_defaults(handler=_serve)

    load_seed = commands.add_parser(
        "load-seed",
        help="load the curated seed collection into the database",
        description="Validate the seed collection, then create or update its records in one transaction. "
        "Loading twice gives the same records. Further options go to the load_seed management command "
        f"(see `{PROG} manage load_seed --help`).",
    )
    load_seed.add_argument(
        "--data-dir",
        metavar="DIR",
        help="read the seed YAML files from DIR instead of the collection shipped with the archive",
    )
    load_seed.set_defaults(handler=_load_seed)

    generate = commands.add_parser(
        "generate",
        help="fill the database with a synthetic archive for benchmarks",
        description="Create invented, published organisations, people, events and localities shaped like the seed "
        'collection, with keys starting with "gen-", then add them to the search index. Written in bulk without '
        "revisions: for measuring speed, not for real use. Refuses to run on a database that already holds "
        "generated records unless --add is given. See benchmarks/README.md.",
    )
    generate.add_argument(
        "--organisations", type=_count, default=0, metavar="N", help="organisations to create (default 0)"
    )
    generate.add_argument("--events", type=_count, default=0, metavar="N", help="events to create (default 0)")
    generate.add_argument("--people", type=_count, default=0, metavar="N", help="people to create (default 0)")
    generate.add_argument(
        "--seed",
        type=_int,
        default=0,
        metavar="S",
        help="random seed; the same seed and sizes give the same records (default 0)",
    )
    generate.add_argument(
        "--batch-size",
        type=_positive_int,
        default=5000,
        metavar="N",
        help="records written per insert and per transaction (default 5000)",
    )
    generate.add_argument(
        "--add", action="store_true", help="add to generated records already in the database instead of refusing"
    )
    generate.set_defaults(handler=_generate)

    from movement_archive.interviews.cli import add_commands as add_interview_commands

    add_interview_commands(commands, _setup_django)

    from movement_archive.exports.cli import add_commands as add_export_commands

    add_export_commands(commands, _setup_django)

    reset = commands.add_parser(
        "reset-two-factor",
        help="reset a user's two-factor sign-in after a lost phone",
        description="Remove the user's authenticator app and recovery codes and end their sessions; at their next "
        "sign-in they set up a new app. Logged as a warning. Anyone with the password could set up that app first, "
        "so reset it when the person is ready to sign in, and change the password too if it may be known.",
    )
    reset.add_argument("username", metavar="USERNAME", help="the user whose devices are removed")
    reset.set_defaults(handler=_reset_two_factor)

    manage = commands.add_parser(
        "manage",
        help="run a Django management command",
        description="Run any Django management command with the archive's settings, "
        f"for example `{PROG} manage check --deploy` or `{PROG} manage createsuperuser`.",
    )
    manage.add_argument("args", nargs=argparse.REMAINDER, metavar="ARGS", help="the command and its arguments")
    manage.set_defaults(handler=_manage)
    return parser


def _add_address_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}); for other addresses also set "
        "MOVEMENT_ARCHIVE_ALLOWED_HOSTS to the names visitors use",
    )
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port to listen on (default {DEFAULT_PORT})")


def _positive_int(text: str) -> int:
    value = _int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def _count(text: str) -> int:
    value = _int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more")
    return value


def _port(text: str) -> int:
    value = _int(text)
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return value


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def _fail(message: str, *, status: int) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return status


def _setup_django() -> None:
    """Load the settings and the apps, for a command that reads or writes the archive's database: a bad setting,
    or a database not (or not fully) migrated, raises ConfigurationError here with one line saying what to do."""
    _load_django()
    _require_migrated()


def _require_migrated() -> None:
    from django.conf import settings
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor
    from django.db.utils import OperationalError

    try:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except OperationalError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ConfigurationError(f"cannot open the database: {first_line}") from None
    if pending:
        where = settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"]
        state = "has never been set up" if not executor.loader.applied_migrations else "is not up to date"
        raise ConfigurationError(
            f"the database ({where}) {state}: {len(pending)} migrations to apply. Run "
            f"`{PROG} manage migrate` first (or `{PROG} demo`, which sets up the demo archive)."
        )


def _load_django() -> None:
    """Load the settings and the apps; a bad setting raises ConfigurationError here."""
    import django
    from django.apps import apps

    if apps.ready:
        # Setting up again would reconfigure logging onto whatever sys.stderr is now (a test's capture that
        # is closed soon after), leaving the console handler writing into a closed file.
        return
    try:
        django.setup()
    except OSError as error:
        # The settings write the secret key into the data directory; a file in its place fails here.
        raise ConfigurationError(
            f"cannot use the data directory ({error.strerror}: {error.filename}); check MOVEMENT_ARCHIVE_HOME"
        ) from None


# --- demo ---------------------------------------------------------------------------------------


def _demo(args: argparse.Namespace) -> int:
    if not args.no_serve and (busy := _port_in_use(args.host, args.port)):
        return _fail(busy, status=1)
    _load_django()  # it migrates
    from django.conf import settings
    from django.core.management import call_command

    for directory in (settings.HOME, settings.MEDIA_ROOT):
        Path(directory).mkdir(parents=True, exist_ok=True)
    print(f"Data directory: {settings.HOME}")
    _step("Migrating the database")
    call_command("migrate", interactive=False, verbosity=0)
    _step("Collecting static files")
    call_command("collectstatic", interactive=False, verbosity=0)
    _step("Loading the seed collection")
    call_command("load_seed")

    admin_url = f"http://{_display_host(args.host)}:{args.port}/admin/"
    password = _create_demo_editor()
    if password:
        _announce_editor(admin_url, password)
    else:
        print(f"Accounts already exist; no new account was created. Sign in at {admin_url}")

    if args.no_serve:
        return 0
    _run_gunicorn(args.host, args.port, args.workers)
    return 0


def _step(message: str) -> None:
    print(f"{message}...", flush=True)


def _create_demo_editor() -> str | None:
    """Create the `editor` account when the database has no accounts at all; return its new password."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import transaction

    from movement_archive.accounts.roles import EDITORS, sync_roles

    user_model = get_user_model()
    with transaction.atomic():
        if user_model.objects.exists():
            return None
        # The migrations create the group; sync_roles covers a database migrated before the roles existed.
        editors = Group.objects.filter(name=EDITORS).first() or sync_roles()[EDITORS]
        password = secrets.token_urlsafe(12)
        user = user_model.objects.create_user(username=DEMO_EDITOR, password=password)
        user.groups.add(editors)
    return password


def _announce_editor(admin_url: str, password: str) -> None:
    # The demo keeps the second step of signing in, as every archive does (settings.py says why), and says how
    # to take it rather than printing a secret that would stay in terminal scrollback and CI logs.
    rule = "=" * 64
    print(
        f"\n{rule}\n"
        "  An editor account was created for this archive.\n\n"
        f"  Admin:     {admin_url}\n"
        f"  Username:  {DEMO_EDITOR}\n"
        f"  Password:  {password}\n\n"
        "  This password is shown only this once. Keep it, or set a new one with\n"
        f"  `{PROG} manage changepassword {DEMO_EDITOR}`.\n\n"
        "  Signing in also takes a code from an authenticator app (any app for\n"
        "  time-based codes). At the first sign-in the archive shows a QR code and\n"
        "  a secret key to add to the app, then gives recovery codes to keep.\n"
        "  Without a phone, `oathtool --totp -b KEY` makes the same codes from the\n"
        "  key. Lost it? Start again with\n"
        f"  `{PROG} reset-two-factor {DEMO_EDITOR}`.\n"
        f"{rule}\n",
        flush=True,
    )


def _display_host(host: str) -> str:
    if host in {"0.0.0.0", "::", "[::]"}:
        return DEFAULT_HOST
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


# --- serve --------------------------------------------------------------------------------------


def _serve(args: argparse.Namespace) -> int:
    if busy := _port_in_use(args.host, args.port):
        return _fail(busy, status=1)
    _setup_django()
    from django.conf import settings
    from django.core.management import call_command

    if not _static_files_collected(Path(settings.STATIC_ROOT)):
        _step(f"Collecting static files into {settings.STATIC_ROOT}")
        call_command("collectstatic", interactive=False, verbosity=0)
    _run_gunicorn(args.host, args.port, args.workers)
    return 0


def _static_files_collected(static_root: Path) -> bool:
    from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage

    if isinstance(staticfiles_storage, ManifestFilesMixin):
        return (static_root / staticfiles_storage.manifest_name).is_file()
    return static_root.is_dir() and any(static_root.iterdir())


def gunicorn_options(host: str, port: int, workers: int) -> dict[str, object]:
    """The settings `serve` and `demo` give gunicorn."""
    from movement_archive.core.access_log import FORMAT as ACCESS_LOG_FORMAT

    return {
        "bind": [f"{_bind_host(host)}:{port}"],
        "workers": workers,
        "worker_class": "gthread",
        "threads": THREADS_PER_WORKER,
        "proc_name": PROG,
        "accesslog": "-",
        "errorlog": "-",
        # No client addresses, browsers, referrers or receipt secrets (``core/access_log.py``), in the access log
        # or the error log.
        "logger_class": "movement_archive.core.access_log.PrivateAccessLog",
        "access_log_format": ACCESS_LOG_FORMAT,
        # gunicorn 25+ opens a control socket at one fixed path per user, which a second
        # archive served on the same machine would fight over; nothing here uses it.
        "control_socket_disable": True,
    }


def _run_gunicorn(host: str, port: int, workers: int) -> None:
    """Hand the process over to gunicorn's arbiter; returns only when the server stops."""
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    class ArchiveServer(BaseApplication):
        def load_config(self) -> None:
            for key, value in gunicorn_options(host, port, workers).items():
                if key in self.cfg.settings:
                    self.cfg.set(key, value)

        def load(self):
            from movement_archive.wsgi import application

            return application

    # Database connections opened while preparing must not be shared with the forked workers.
    connections.close_all()
    print(f"Serving the archive at http://{_display_host(host)}:{port}/ (Ctrl+C to stop)", flush=True)
    ArchiveServer(prog=PROG).run()


def _port_in_use(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port, in one line, or None when it can.

    Asked before anything is set up, so that a second demo started by mistake says so at once instead of
    migrating and then ending in gunicorn's retry loop and traceback.
    """
    try:
        family, kind, protocol, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        return f"cannot listen on {host}: {error.strerror}; give another address with --host (make demo HOST=...)"
    with socket.socket(family, kind, protocol) as probe:
        # As gunicorn does, so that connections of a server stopped a moment ago do not count as in use.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return (
                    f"port {port} on {host} is already in use by another program; choose another port with "
                    f"--port N (make demo PORT=N)"
                )
            return f"cannot listen on {host}:{port}: {error.strerror}"
    return None


def _bind_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


# --- load-seed, generate and manage ---------------------------------------------------------------


def _load_seed(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import call_command

    options = ["--data-dir", args.data_dir] if args.data_dir else []
    call_command("load_seed", *options, *args.extra)
    return 0


def _generate(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import call_command

    options = ["--organisations", args.organisations, "--events", args.events, "--people", args.people]
    options += ["--seed", args.seed, "--batch-size", args.batch_size, *(["--add"] if args.add else [])]
    call_command("generate_archive", *map(str, options), verbosity=2)
    return 0


def _reset_two_factor(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import call_command

    call_command("reset_two_factor", args.username)
    return 0


def _manage(args: argparse.Namespace) -> int:
    _load_django()  # `manage migrate` is how a database gets set up
    from django.core.management import execute_from_command_line

    # Django's commands end with sys.exit on their own errors; that status is passed on unchanged.
    execute_from_command_line([f"{PROG} manage", *args.args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
