"""The ``export-site`` and ``dump`` commands of the ``movement-archive`` tool.

Added to the tool's parser by ``movement_archive.cli``; Django is set up only when a command runs. Both write
their export where nothing half-written can be taken for a finished one, then add it to the export ledger.
"""

from __future__ import annotations

import argparse
import getpass
import shlex
import sys
from pathlib import Path

PROG = "movement-archive"


def add_commands(commands, setup_django) -> None:
    site = commands.add_parser(
        "export-site",
        help="write a static copy of the public archive, for reading where the site is blocked",
        description="Write into DIR every page an anonymous reader can reach, with links rewritten to work from "
        "files, each page's JSON twin beside it (index.json) and the static files the pages use: a copy to serve "
        "from any static host or open from a disk. Drafts, hidden people and interviews closed to the public are "
        "left out, as on the site. The copy is built beside DIR and takes its place only when complete. See "
        "docs/exports.md.",
    )
    site.add_argument("dir", metavar="DIR", help="the directory to write; it must be new or empty unless --force")
    site.add_argument(
        "--language",
        default="all",
        metavar="CODE",
        help="the interface language to copy (en, es), or all of them (default: all)",
    )
    site.add_argument(
        "--with-media", action="store_true", help="copy interview recordings too (large; left out by default)"
    )
    site.add_argument(
        "--force", action="store_true", help="replace DIR when it holds an earlier copy written by this command"
    )
    site.set_defaults(handler=lambda args: _export_site(args, setup_django))

    dump = commands.add_parser(
        "dump",
        help="write every public record as one JSON object a line, for researchers",
        description="Write to FILE one JSON object per public record: its kind, its key, and its JSON twin as an "
        "anonymous reader sees it. Compressed with gzip when FILE ends in .gz. FILE appears only when complete. "
        "See docs/exports.md.",
    )
    dump.add_argument("file", metavar="FILE", help="the file to write, such as archive.jsonl.gz")
    dump.add_argument(
        "--format", default="jsonl", choices=("jsonl",), help="jsonl: JSON Lines, one record a line (default)"
    )
    dump.add_argument("--force", action="store_true", help="replace FILE if it exists")
    dump.set_defaults(handler=lambda args: _dump(args, setup_django))


def _export_site(args: argparse.Namespace, setup_django) -> int:
    setup_django()
    from django.conf import settings

    from .actions import record_export
    from .mirror import write_mirror
    from .models import Export
    from .reader import ExportError

    codes = tuple(code for code, _name in settings.LANGUAGES)
    if args.language != "all" and args.language not in codes:
        return _fail(f"--language: {args.language!r} is not one of {', '.join(codes)} or all")
    languages = codes if args.language == "all" else (args.language,)
    directory = Path(args.dir).absolute()
    _collect_static_if_needed()
    try:
        mirror = write_mirror(
            directory, languages=languages, with_media=args.with_media, force=args.force, progress=_progress
        )
    except ExportError as error:
        return _fail(str(error))
    command = [PROG, "export-site", str(directory), "--language", args.language, "--force"]
    command += ["--with-media"] if args.with_media else []
    record_export(
        kind=Export.Kind.SITE,
        path=str(directory),
        language=args.language,
        command=shlex.join(command),
        refs=sorted(mirror.records),
        run_by=_account(),
    )
    _report_problems(mirror.problems)
    print(f"Wrote {mirror.pages} pages holding {len(mirror.records)} records to {directory}")
    return 0


def _dump(args: argparse.Namespace, setup_django) -> int:
    setup_django()
    from django.conf import settings

    from .actions import record_export
    from .dump import write_dump
    from .models import Export
    from .reader import ExportError

    file = Path(args.file).absolute()
    _collect_static_if_needed()  # the pages walked name their static files, which need the manifest
    try:
        dump = write_dump(file, format=args.format, force=args.force, progress=_progress)
    except ExportError as error:
        return _fail(str(error))
    record_export(
        kind=Export.Kind.DUMP,
        path=str(file),
        language=settings.LANGUAGE_CODE,
        command=shlex.join([PROG, "dump", str(file), "--format", args.format, "--force"]),
        refs=dump.records,
        run_by=_account(),
    )
    _report_problems(dump.problems)
    print(f"Wrote {len(dump.records)} records to {file}")
    return 0


def _collect_static_if_needed() -> None:
    """With hashed static names (production), pages can be drawn only once the files are collected."""
    from django.conf import settings
    from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
    from django.core.management import call_command

    manifest = Path(settings.STATIC_ROOT) / getattr(staticfiles_storage, "manifest_name", "")
    if isinstance(staticfiles_storage, ManifestFilesMixin) and not manifest.is_file():
        _progress(f"collecting static files into {settings.STATIC_ROOT}")
        call_command("collectstatic", interactive=False, verbosity=0)


def _progress(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def _report_problems(problems: list[str]) -> None:
    for problem in problems[:20]:
        _progress(f"warning: {problem}")
    if len(problems) > 20:
        _progress(f"warning: and {len(problems) - 20} more")


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 1


def _account() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this account (a container's bare user id)
        return ""
