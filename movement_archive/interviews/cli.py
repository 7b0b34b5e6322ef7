"""The ``import-interview``, ``import-transcript`` and ``export-interview`` commands of the ``movement-archive`` tool.

Added to the tool's parser by ``movement_archive.cli``; Django is set up only when a command runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# Pure: it loads no Django, so the command can still set Django up first.
from movement_archive.access.policy import Reader

EXPORT_FORMATS = ("ohms", "vtt", "srt")


def add_commands(commands, setup_django) -> None:
    importing = commands.add_parser(
        "import-interview",
        help="create an interview from an OHMS XML, WebVTT, SRT or stamped-text file",
        description="Read FILE (its format told from its content unless --format is given) and create an "
        "interview: a draft unless --publish. OHMS files bring the record, index and transcripts; caption files "
        "bring a transcript, so give --title and --language. A file that cannot be read is reported with its "
        "line or element, and nothing is written.",
    )
    importing.add_argument("file", metavar="FILE", help='the file to read, or "-" for standard input')
    importing.add_argument(
        "--format", default="auto", choices=("auto", "webvtt", "srt", "stamped", "ohms"), help="default: auto"
    )
    importing.add_argument("--title", default="", help="the interview's title, when the file gives none")
    importing.add_argument("--language", default="", metavar="CODE", help="the transcript's language (en, es, pt-BR)")
    importing.add_argument("--key", default="", help="the interview's key (default: made from its title)")
    importing.add_argument("--publish", action="store_true", help="publish the interview at once")
    importing.add_argument("--json", action="store_true", help="print the result as one JSON object")
    importing.set_defaults(handler=lambda args: _import(args, setup_django))

    adding = commands.add_parser(
        "import-transcript",
        help="give an interview its transcript in one language from a WebVTT, SRT, stamped-text or OHMS file",
        description="Read FILE and make its timed lines interview ID's transcript in --language, replacing one "
        "already in that language: how a translation reaches an interview imported earlier. A file that cannot be "
        "read is reported with its line or element, and nothing is written.",
    )
    adding.add_argument("id", metavar="ID", help="the interview's key or number")
    adding.add_argument("file", metavar="FILE", help='the file to read, or "-" for standard input')
    adding.add_argument("--language", required=True, metavar="CODE", help="the transcript's language (en, es, pt-BR)")
    adding.add_argument(
        "--format", default="auto", choices=("auto", "webvtt", "srt", "stamped", "ohms"), help="default: auto"
    )
    adding.add_argument(
        "--original",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the language the interview was held in (default: when it has no original transcript yet)",
    )
    adding.add_argument("--json", action="store_true", help="print the result as one JSON object")
    adding.set_defaults(handler=lambda args: _add_transcript(args, setup_django))

    exporting = commands.add_parser(
        "export-interview",
        help="write an interview as OHMS XML, or its transcript as WebVTT or SRT, to standard output",
        description="Write interview ID (its key or number) to standard output. By default only what the public "
        "may see goes out: live interviews with public access, without hidden people. --include-restricted "
        "exports any interview, drafts included, with every published person: keep such files as private as the "
        "interview.",
    )
    exporting.add_argument("id", metavar="ID", help="the interview's key or number")
    exporting.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="ohms, vtt or srt")
    exporting.add_argument(
        "--include-restricted", action="store_true", help="export interviews and people the public may not see"
    )
    exporting.set_defaults(handler=lambda args: _export(args, setup_django))


def _import(args: argparse.Namespace, setup_django) -> int:
    data = sys.stdin.buffer.read() if args.file == "-" else _read(args.file)
    if data is None:
        return 1
    setup_django()
    from django.core.exceptions import ValidationError

    from movement_archive.interviews.actions import import_interview
    from movement_archive.interviews.files import read_interview_file
    from movement_archive.oralhistory.document import FormatError

    try:
        kind, document = read_interview_file(data, kind=args.format)
        document.title = document.title or args.title
        document.language = document.language or args.language
        imported = import_interview(document, source_format=kind, key=args.key, publish=args.publish)
    except FormatError as error:
        print(f"movement-archive: {args.file}: {error}", file=sys.stderr)
        return 1
    except ValidationError as error:  # a record the archive refuses (a key in use, a bad language code)
        problems = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
        print(f"movement-archive: {args.file}: {problems}", file=sys.stderr)
        return 1
    for warning in imported.warnings:
        print(f"movement-archive: {args.file}: warning: {warning}", file=sys.stderr)
    interview = imported.interview
    result = {
        "id": interview.pk,
        "key": interview.key,
        "url": _absolute(interview.get_absolute_url()),
        "live": interview.live,
        "segments": imported.segments,
        "index_points": imported.index_points,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        state = "published" if interview.live else "draft"
        print(
            f"Created interview {interview.key} ({state}): {imported.segments} segments, "
            f"{imported.index_points} index points. {result['url']}"
        )
    return 0


def _add_transcript(args: argparse.Namespace, setup_django) -> int:
    data = sys.stdin.buffer.read() if args.file == "-" else _read(args.file)
    if data is None:
        return 1
    setup_django()
    from django.core.exceptions import ValidationError

    from movement_archive.interviews.actions import add_transcript
    from movement_archive.interviews.files import read_interview_file
    from movement_archive.interviews.models import Interview
    from movement_archive.oralhistory.document import FormatError

    interview = Interview.objects.filter(**_lookup(args.id)).first()
    if interview is None:
        print(f"movement-archive: no interview {args.id!r}", file=sys.stderr)
        return 1
    try:
        kind, document = read_interview_file(data, kind=args.format)
        transcript = add_transcript(
            interview, document, language=args.language, source_format=kind, original=args.original
        )
    except FormatError as error:
        print(f"movement-archive: {args.file}: {error}", file=sys.stderr)
        return 1
    except ValidationError as error:
        print(f"movement-archive: --language: {' '.join(error.messages)}", file=sys.stderr)
        return 1
    segments = transcript.segments.count()
    result = {
        "id": interview.pk,
        "key": interview.key,
        "url": _absolute(interview.get_absolute_url()),
        "language": transcript.language,
        "original": transcript.original,
        "segments": segments,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        kind_of = "original" if transcript.original else "translation"
        print(f"Interview {interview.key}: {kind_of} transcript in {transcript.language}, {segments} segments.")
    return 0


def _lookup(id_or_key: str) -> dict:
    return {"pk": int(id_or_key)} if id_or_key.isdigit() else {"key": id_or_key}


def _read(path: str) -> bytes | None:
    from movement_archive.oralhistory.text import MAX_BYTES

    file = Path(path)
    try:
        if file.stat().st_size > MAX_BYTES:
            print(
                f"movement-archive: {path}: larger than {MAX_BYTES:,} bytes, the most the archive reads",
                file=sys.stderr,
            )
            return None
        return file.read_bytes()
    except OSError as error:
        print(f"movement-archive: {path}: {error.strerror}", file=sys.stderr)
        return None


def _absolute(path: str) -> str:
    from django.conf import settings

    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _export(args: argparse.Namespace, setup_django) -> int:
    setup_django()
    from movement_archive.interviews.exports import interview_document
    from movement_archive.interviews.models import Interview
    from movement_archive.oralhistory import ohms, srt, webvtt
    from movement_archive.oralhistory.document import FormatError

    interviews = Interview.objects.all() if args.include_restricted else Interview.objects.visible_to(None)
    interview = interviews.filter(**_lookup(args.id)).first()
    if interview is None:
        hint = "" if args.include_restricted else " that the public may see (see --include-restricted)"
        print(f"movement-archive: no interview {args.id!r}{hint}", file=sys.stderr)
        return 1
    document = interview_document(interview, _everyone() if args.include_restricted else None)
    try:
        if args.format == "ohms":
            sys.stdout.buffer.write(ohms.write_ohms(document, record_id=interview.pk, dt=interview.updated_at.date()))
        else:
            writer = webvtt.write_webvtt if args.format == "vtt" else srt.write_srt
            sys.stdout.buffer.write(writer(document.segments).encode("utf-8"))
    except FormatError as error:
        print(f"movement-archive: interview {interview.key}: {error}", file=sys.stderr)
        return 1
    sys.stdout.flush()
    return 0


class _Everyone:
    """The reader an operator's export stands for: sees every person, hidden or not."""

    is_authenticated = True
    is_active = True
    _archive_reader = Reader(signed_in=True, researcher=True, editor=True)

    def has_perm(self, perm: str) -> bool:
        return True


def _everyone() -> _Everyone:
    return _Everyone()
