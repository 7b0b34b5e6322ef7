"""Measure the oral-history targets: importing a three-hour transcript, searching a million transcript segments, and
rendering an interview page of 4,000 segments. Results go to the interviews section of docs/performance.md.

    .venv/bin/python benchmarks/interviews.py                    # 250 interviews of 4,000 segments: 1,000,000
    .venv/bin/python benchmarks/interviews.py --quick            # a smoke run: 10 interviews, 30 requests a page

Every interview is synthetic, made here from an invented vocabulary, and goes through the real import path
(WebVTT text read by the pure reader, then ``import_interview``), so the import timings are those an editor sees.
"""

from __future__ import annotations

import argparse
import atexit
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import run  # the page benchmark beside this file: its Row, timing and reporting helpers

START, END = "<!-- interviews:start -->", "<!-- interviews:end -->"
SEGMENTS = 4_000  # a three-hour interview, a segment every 2.7 seconds
FULL_INTERVIEWS = 250  # 1,000,000 segments
QUICK_INTERVIEWS, QUICK_REQUESTS = 10, 30
IMPORT_MS, SEARCH_MS, PAGE_MS = 1_000, 50, 50
TIMED_IMPORTS = 10

# An invented vocabulary: common words most segments use, and rarer ones (places, names, topics) that make
# queries selective, as in real testimony.
COMMON = [
    "we",
    "the",
    "and",
    "of",
    "to",
    "a",
    "in",
    "was",
    "it",
    "that",
    "they",
    "people",
    "use",
    "drugs",
    "group",
    "union",
    "meeting",
    "police",
    "health",
    "users",
    "started",
    "first",
    "time",
    "years",
    "when",
    "then",
    "there",
    "our",
    "because",
    "work",
    "needle",
    "exchange",
    "methadone",
    "outreach",
    "peer",
]
RARE = [
    "naloxone",
    "overdose",
    "hepatitis",
    "kitchen",
    "bicycle",
    "harbour",
    "winter",
    "tram",
    "ferry",
    "printing",
    "newsletter",
    "leaflet",
    "clinic",
    "council",
    "minister",
    "court",
    "prison",
    "squat",
    "festival",
    "radio",
    "archive",
    "grant",
    "caravan",
    "bakery",
    "mountain",
]
NAMES = ["Aldo", "Berit", "Chidi", "Dagny", "Emeka", "Farida", "Goran", "Hiroko", "Ilse", "Jonas", "Kofi", "Lina"]
PLACES = ["Velmora", "Ostrakan", "Quillby", "Tarnow Wells", "Søndervik", "Mirabel", "Zarechny", "Port Ellin"]
QUERIES = [
    "needle exchange", "naloxone", "police", "kitchen", "winter harbour", "Velmora", "Søndervik", "sondervik",
    "union meeting", "methadone clinic", "Hiroko", "printing newsletter", "overdose", "outreach peer",
    "caravan", "first time", "squat festival", "Port Ellin", "grant", "zzqqx",
]  # fmt: skip


def sentence(rng: random.Random) -> str:
    words = [rng.choice(COMMON) for _ in range(rng.randint(8, 22))]
    for _ in range(rng.randint(0, 3)):
        words.insert(rng.randrange(len(words)), rng.choice(RARE + PLACES + NAMES))
    return " ".join(words).capitalize() + "."


def webvtt_text(rng: random.Random, segments: int) -> str:
    """A synthetic interview's captions as WebVTT, as an editor would upload them."""
    from movement_archive.oralhistory.document import Segment
    from movement_archive.oralhistory.webvtt import write_webvtt

    step = 10_800_000 // segments
    speakers = ("Interviewer", rng.choice(NAMES))
    return write_webvtt(
        [Segment(n * step, n * step + step - 100, sentence(rng), speakers[n % 7 != 0]) for n in range(segments)]
    )


def import_one(text: str, n: int | str) -> tuple[float, int]:
    from movement_archive.interviews.actions import import_interview
    from movement_archive.interviews.files import read_interview_file

    began = time.perf_counter()
    kind, document = read_interview_file(text.encode("utf-8"))
    document.title = f"Synthetic benchmark interview {n}"
    document.language = "en"
    imported = import_interview(document, source_format=kind, key=f"bench-interview-{n}", publish=True)
    return time.perf_counter() - began, imported.segments


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--interviews", type=int, default=None, help=f"interviews of 4,000 segments (default {FULL_INTERVIEWS})"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"a smoke run: {QUICK_INTERVIEWS} interviews, {QUICK_REQUESTS} requests a page; never writes the docs",
    )
    parser.add_argument("--home", help="data directory (reused if it already holds the benchmark interviews)")
    parser.add_argument("--requests", type=int, default=None, help="requests per measured page kind (default 200)")
    parser.add_argument("--no-write", action="store_true", help="print the results without changing the docs")
    args = parser.parse_args()
    args.interviews = args.interviews or (QUICK_INTERVIEWS if args.quick else FULL_INTERVIEWS)
    args.requests = args.requests or (QUICK_REQUESTS if args.quick else 200)
    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="movement-archive-interviews-"))
    if not args.home:  # a temporary archive is of no use after the run (CI runs this after the tests)
        atexit.register(shutil.rmtree, home, ignore_errors=True)
    os.environ.update(
        MOVEMENT_ARCHIVE_HOME=str(home),
        DJANGO_SETTINGS_MODULE="movement_archive.settings",
        MOVEMENT_ARCHIVE_ALLOWED_HOSTS="testserver",
    )
    os.environ.pop("MOVEMENT_ARCHIVE_DEBUG", None)
    sys.path.insert(0, str(run.REPO))
    import django

    django.setup()
    from movement_archive.core.collector import skip_collections_at_exit

    skip_collections_at_exit()  # a generated archive's run would otherwise end with seconds of collector passes
    from django.core.management import call_command

    from movement_archive.core.collector import settle
    from movement_archive.interviews.models import Interview, Segment
    from movement_archive.seed.bulk import optimize_search_indexes

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    rng = random.Random(0)
    imports: list[float] = []
    began = time.perf_counter()
    existing = Interview.objects.filter(key__startswith="bench-interview-").count()
    for n in range(existing, args.interviews):
        seconds, _ = import_one(webvtt_text(rng, SEGMENTS), n)
        imports.append(seconds)
        if n % 25 == 0:
            print(f"  {n + 1} interviews imported, last in {seconds:.2f} s", flush=True)
    if imports:
        optimize_search_indexes()
    building = time.perf_counter() - began
    segments = Segment.objects.count()
    print(f"{segments:,} segments in the database", flush=True)

    # Importing once more, into an archive that already holds all the others: the time an editor waits. The
    # back office's server process has settled its garbage collector at start-up (``movement_archive/wsgi.py``:
    # what it loaded frozen, young passes less often); so does this one before timing. Keys are new on every
    # run, so that a rerun over the same data imports afresh.
    settle()
    load = [os.getloadavg()]
    timed = [import_one(webvtt_text(rng, SEGMENTS), f"{time.time_ns()}-{k}")[0] for k in range(TIMED_IMPORTS)]
    import_queries = count_import_queries(webvtt_text(rng, SEGMENTS))
    rows = [
        run.Row(
            "search over transcripts (20 queries)",
            [f"/search/?q={q.replace(' ', '+')}" for q in QUERIES],
            SEARCH_MS,
            search=True,
        ),
        run.Row(
            "search, interviews only",
            [f"/search/?q={q.replace(' ', '+')}&type=interview" for q in QUERIES[:10]],
            SEARCH_MS,
            search=True,
        ),
        run.Row(f"interview page, {SEGMENTS:,} segments", ["/interviews/bench-interview-0/"], PAGE_MS),
        run.Row("interview page, deep link to a moment", ["/interviews/bench-interview-1/?t=5400"], PAGE_MS),
        run.Row("interview page, searched within", ["/interviews/bench-interview-2/?q=harbour"], PAGE_MS),
    ]
    measure(rows, args.requests)
    load.append(os.getloadavg())
    report = render(segments, building, imports, timed, import_queries, rows, load)
    print("\n" + report)
    if not args.no_write and not args.quick and args.interviews >= FULL_INTERVIEWS:
        write_doc(report)
        print(f"Results written to {run.DOC.relative_to(run.REPO)}")
    return 0


def count_import_queries(text: str) -> int:
    """The SQL queries of one more import, untimed: counting wraps every cursor, which would slow the timed ones."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        import_one(text, f"{time.time_ns()}-counted")
    return len(captured)


def measure(rows: list, requests: int) -> None:
    from django.test import Client

    client = Client()
    for row in rows:
        print(f"Measuring {row.name}...", flush=True)
        run.measure_row(client, row, requests)
        print(f"  {row.line()}", flush=True)


def render(
    segments: int,
    building: float,
    imports: list[float],
    timed: list[float],
    import_queries: int,
    rows: list,
    load: list[tuple[float, float, float]],
) -> str:
    timed_ms = sorted(seconds * 1000 for seconds in timed)
    met = "✓" if timed_ms[-1] <= IMPORT_MS else "✗"
    lines = [
        f"Run of {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `benchmarks/interviews.py`.",
        "",
        f"- **Machine:** {run.machine()}.",
        f"- **Database:** {run.database_size()}; {segments:,} transcript segments in "
        f"{segments // SEGMENTS:,} synthetic interviews, each imported through the real path.",
        f"- **Building it:** {building / 60:.1f} min"
        + (f"; imports took {min(imports):.2f}–{max(imports):.2f} s each" if imports else " (reused)")
        + ".",
        run.load_line(load),
        "",
        "| what | runs | median | slowest | target | met | SQL queries |",
        "|---|---:|---:|---:|---:|:-:|---:|",
        f"| importing a three-hour WebVTT file ({SEGMENTS:,} cues) into that archive | {len(timed)} | "
        f"{timed_ms[len(timed_ms) // 2]:.0f} ms | {timed_ms[-1]:.0f} ms | < {IMPORT_MS} ms | {met} | "
        f"{import_queries} |",
        "",
        "Server time in milliseconds, as in the results above.",
        "",
        run.BARE_NOTE,
        "",
        run.TABLE_HEAD,
        *(row.line() for row in rows),
    ]
    if select_only := run.select_only_line(rows):
        lines += ["", select_only]
    return "\n".join(lines)


def write_doc(report: str) -> None:
    text = run.DOC.read_text(encoding="utf-8")
    if START not in text:
        text += f"\n## Oral histories\n\n{START}\n{END}\n"
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    run.DOC.write_text(f"{before}{START}\n{report}\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
