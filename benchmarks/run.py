"""Measure the archive's public pages on a synthetic archive of a chosen size and write the results to the docs.

    .venv/bin/python benchmarks/run.py --organisations 100000 --events 500000 --people 50000
    .venv/bin/python benchmarks/run.py --quick            # 2,000 / 10,000 / 1,000: a smoke run

In a fresh data directory (a temporary one unless --home is given): migrate, collect static files, load the seed
collection, generate the synthetic archive, then time each page with Django's test client in this process
(server time: the time around ``client.get``, after a warm-up request), count its SQL queries, and replace the
results section of docs/performance.md. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import math
import os
import platform
import pstats
import random
import re
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "performance.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
FULL = {"organisations": 100_000, "events": 500_000, "people": 50_000}
QUICK = {"organisations": 2_000, "events": 10_000, "people": 1_000}
# The targets, p95 server time in milliseconds.
SEARCH_MS, ORGANISATION_MS, LIST_MS = 50, 30, 50
# A search page's p95 within this many times the p95 of a bare FTS5 query for the same words (``bare_fts5``).
SEARCH_RATIO = 3
COLD_URLS = ("/", "/organisations/", "/organisations/?region=Europe", "/places/", "/models/", "/search/?q=users")


@dataclass
class Row:
    """One kind of page: the addresses it is measured on, its target, and what was measured."""

    name: str
    urls: list[str]
    target_ms: float | None
    # A search page: also compared with a bare FTS5 query for the same words (``measure_bare``).
    search: bool = False
    times: list[float] = field(default_factory=list)  # seconds
    bare: list[float] = field(default_factory=list)  # seconds, the bare FTS5 queries of a search row
    bare_select: list[float] = field(default_factory=list)  # seconds, their selecting query alone (no count)
    queries: list[int] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")
    error: str = ""

    def percentile(self, p: int) -> float:
        """Nearest-rank percentile, in milliseconds."""
        return percentile(self.times, p)

    @property
    def met(self) -> bool | None:
        if self.error:
            return False
        if self.target_ms is None or not self.times:
            return None
        return self.percentile(95) <= self.target_ms

    @property
    def ratio(self) -> float | None:
        """The page's p95 over the bare FTS5 query's p95, for a search row."""
        if not (self.times and self.bare):
            return None
        return self.percentile(95) / max(percentile(self.bare, 95), 0.001)

    def line(self) -> str:
        """The row of the results table."""
        target = f"≤ {self.target_ms:.0f}" if self.target_ms else "—"
        met = MET[self.met]
        if self.error:
            return f"| {self.name} | 0 | — | — | — | {target} | {met} | {self.error} | — | — | — |"
        low, high = min(self.queries), max(self.queries)
        queries = str(low) if low == high else f"{low}–{high}"
        bare = ratio = ratio_met = "—"
        if self.ratio is not None:
            bare, ratio = f"{percentile(self.bare, 95):.2f}", f"{self.ratio:.1f}×"
            ratio_met = MET[self.ratio <= SEARCH_RATIO]
        return (
            f"| {self.name} | {len(self.times)} | {self.percentile(50):.1f} | {self.percentile(95):.1f} | "
            f"{self.percentile(99):.1f} | {target} | {met} | {queries} | {bare} | {ratio} | {ratio_met} |"
        )


MET = {True: "✓", False: "✗", None: "—"}
TABLE_HEAD = (
    "| page | requests | p50 | p95 | p99 | target p95 | met | SQL queries | bare FTS5 p95 | ratio | "
    f"ratio ≤ {SEARCH_RATIO}× |\n|---|---:|---:|---:|---:|---:|:-:|---:|---:|---:|:-:|"
)


def percentile(times: list[float], p: int) -> float:
    """Nearest-rank percentile of times in seconds, in milliseconds."""
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1)] * 1000


def main() -> int:
    args = parse_args()
    sizes = QUICK if args.quick else {name: getattr(args, name) for name in FULL}
    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="movement-archive-bench-"))
    os.environ["MOVEMENT_ARCHIVE_HOME"] = str(home)
    os.environ["DJANGO_SETTINGS_MODULE"] = "movement_archive.settings"
    # The test client asks for the host "testserver"; DEBUG stays off, as in production.
    os.environ["MOVEMENT_ARCHIVE_ALLOWED_HOSTS"] = "testserver"
    os.environ.pop("MOVEMENT_ARCHIVE_DEBUG", None)
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from movement_archive.core.collector import skip_collections_at_exit

    skip_collections_at_exit()  # a generated archive's run would otherwise end with seconds of collector passes
    try:
        setup = prepare(sizes, args.seed, home)
        # As the WSGI entry point does once the application is loaded (movement_archive/wsgi.py).
        from movement_archive.core.collector import settle

        settle()
        rows, extra = measure(args)
        report = render(sizes, setup, rows, extra)
        print("\n" + report)
        if not args.no_write and not args.only:
            write_doc(report)
            print(f"Results written to {DOC.relative_to(REPO)}")
    finally:
        if not args.home and not args.keep:
            shutil.rmtree(home, ignore_errors=True)
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name, size in FULL.items():
        parser.add_argument(f"--{name}", type=int, default=size, metavar="N", help=f"{name} (default {size:,})")
    parser.add_argument("--quick", action="store_true", help="a smoke run at 2,000 / 10,000 / 1,000, fewer requests")
    parser.add_argument("--seed", type=int, default=0, help="the generator's random seed (default 0)")
    parser.add_argument("--home", help="data directory to use; reused as it is if it already holds generated records")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    parser.add_argument("--requests", type=int, default=None, help="requests per kind of page (default 200; quick 30)")
    parser.add_argument(
        "--row-seconds", type=float, default=120, help="stop measuring a kind of page after this long (default 120)"
    )
    parser.add_argument("--no-write", action="store_true", help="print the results without changing the docs")
    parser.add_argument(
        "--only", metavar="TEXT", help="measure only the pages whose row name contains TEXT (implies --no-write)"
    )
    args = parser.parse_args()
    args.requests = args.requests or (30 if args.quick else 200)
    return args


# Setting up -----------------------------------------------------------------------------------------------------


def prepare(sizes: dict[str, int], seed: int, home: Path) -> dict:
    """Migrate, load the seed and generate; what generation took is kept in the data directory for later runs."""
    from django.core.management import call_command

    from movement_archive.seed.generator import generate, generated_records_exist
    from movement_archive.seed.loader import load_seed

    saved = home / "benchmark-generation.json"
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if generated_records_exist():
        print("Reusing the generated archive already in this data directory.", flush=True)
        return json.loads(saved.read_text()) if saved.exists() else {}
    began = time.perf_counter()
    load_seed()
    seed_seconds = time.perf_counter() - began
    print(f"Seed collection loaded in {seed_seconds:.1f} s; generating {sizes}...", flush=True)
    report = generate(**sizes, seed=seed, progress=lambda message: print(message, flush=True))
    print("\n".join(report.lines()), flush=True)
    setup = {
        "counts": report.counts,
        "seconds": report.seconds,
        "seed_seconds": seed_seconds,
        "rss_after_generation": max_rss_mb(),
    }
    saved.write_text(json.dumps(setup, indent=2))
    return setup


# Measuring ------------------------------------------------------------------------------------------------------


def timed_get(client, url: str) -> tuple[float, object]:
    """Seconds taken and the response, or the exception the view raised (the test client re-raises it)."""
    started = time.perf_counter()
    try:
        response = client.get(url)
    except Exception as error:  # a 500 at this scale is a result to report, not a reason to lose the others
        return time.perf_counter() - started, error
    return time.perf_counter() - started, response


def measure(args: argparse.Namespace) -> tuple[list[Row], dict]:
    from django.test import Client

    client = Client()
    rows = plan(random.Random(args.seed))
    if args.only:
        rows = [row for row in rows if args.only in row.name]
    extra: dict = {"profiles": {}, "load": [os.getloadavg()]}
    for row in rows:
        print(f"Measuring {row.name}...", flush=True)
        measure_row(client, row, args.requests, args.row_seconds)
        print(f"  {row.line()}", flush=True)
        if row.met is False:
            extra["profiles"][row.name] = found = profile(client, row.slowest[1])
            print(f"--- profile of {found['url']}\n{found['functions']}", flush=True)
            for seconds, sql in found["queries"]:
                print(f"  {seconds * 1000:.0f} ms: {shorten(sql)}", flush=True)
    extra["rss_after_pages"] = max_rss_mb()
    # The figures kept until the archive changes (counts, filter choices) are computed again by the first
    # request after each change: time that request too, with the cache emptied before each address.
    from django.core.cache import cache

    extra["cold"] = []
    for url in COLD_URLS:
        cache.clear()
        elapsed, response = timed_get(client, url)
        extra["cold"].append((url, elapsed, describe(response)))
    extra["load"].append(os.getloadavg())
    return rows, extra


def measure_row(client, row: Row, requests: int, row_seconds: float = math.inf) -> None:
    """Warm up and count the queries of each address, then time up to ``requests`` requests; for a search row,
    as many bare FTS5 queries for the same words right after (``measure_bare``)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url in dict.fromkeys(row.urls):  # warm-up and query count, once per address
        with CaptureQueriesContext(connection) as captured:
            _, response = timed_get(client, url)
        if getattr(response, "status_code", None) != 200:
            row.error = f"{url}: {describe(response)}"
            return
        row.queries.append(len(captured))
    began = time.perf_counter()
    for n in range(requests):
        # Slow pages stop after --row-seconds, once they have had a fair sample of their addresses.
        if n >= min(len(row.urls), 20) and time.perf_counter() - began > row_seconds:
            break
        url = row.urls[n % len(row.urls)]
        elapsed, _ = timed_get(client, url)
        row.times.append(elapsed)
        row.slowest = max(row.slowest, (elapsed, url))
    if row.search:
        measure_bare(row)


# The floor a search page is compared with -----------------------------------------------------------------------


@dataclass
class BareQuery:
    """The FTS5 statements a search address needs at the least: the counts its ranking rule asks, then the select."""

    counts: list[tuple[str, list]]
    select: tuple[str, list]


def bare_fts5(url: str) -> BareQuery:
    """The bare FTS5 queries for a search address: Wagtail's full-text table alone, with the archive's MATCH for
    the same words and its ranking rule (``search/sqlite.py``): ranked by the same bm25 weights when at most
    RANK_LIMIT entries match, otherwise newest first; a search kept to some kinds names them in the MATCH past
    RANK_LIMIT, as the archive does. The best MAX_RESULTS row ids, and nothing else: no index rows joined, no
    visibility, no record read, no page rendered.

    Following the rule takes a count of the matches (stopping past RANK_LIMIT), and a second one when a search
    kept to some kinds names them: these are FTS5's work as much as the select, so they are timed with it. The
    select alone is timed too (``Row.bare_select``) and reported beside the table.
    """
    from urllib.parse import parse_qs, urlsplit

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.search.models import IndexEntry

    from movement_archive.search.fts import RANK_LIMIT, match_expression
    from movement_archive.search.kinds import KINDS
    from movement_archive.search.queries import MAX_RESULTS
    from movement_archive.search.sqlite import _WEIGHTS, kind_token
    from movement_archive.search.text import folded_terms

    query = parse_qs(urlsplit(url).query)
    terms, types = folded_terms(query.get("q", [""])[0]), query.get("type", [])
    fts = f"{IndexEntry._meta.db_table}_fts"

    counts: list[tuple[str, list]] = []

    def count(match: str) -> int:
        sql = f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH ? LIMIT ?)"
        counts.append((sql, [match, RANK_LIMIT + 1]))
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("?", "%s"), [match, RANK_LIMIT + 1])
            return cursor.fetchone()[0]

    match = match_expression(terms, any_word=False)
    total = count(match)
    if total == 0 and len(terms) > 1:  # the archive then searches for any of the words
        match = match_expression(terms, any_word=True)
        total = count(match)
    if types and total > RANK_LIMIT:
        kinds = {ContentType.objects.get_for_model(kind.model).pk for kind in KINDS if kind.key in types}
        names = " OR ".join(f'"{kind_token(kind)}"' for kind in sorted(kinds))
        match = f"kind : ({names}) AND ({match})"
        total = count(match)
    order = f"bm25({fts}, {_WEIGHTS})" if total <= RANK_LIMIT else "rowid DESC"
    select = f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? ORDER BY {order} LIMIT ?", [match, MAX_RESULTS]
    return BareQuery(counts, select)


def measure_bare(row: Row) -> None:
    """Time the bare FTS5 queries of each of the row's addresses (``bare_fts5``) as many times as its pages were
    timed, in turn, on a raw sqlite3 connection to the same database file with the archive's pragmas: the counts
    and the select together (``Row.bare``), and the select alone (``Row.bare_select``)."""
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    database = settings.DATABASES["default"]
    queries = [bare_fts5(url) for url in row.urls]
    raw = sqlite3.connect(database["NAME"])
    try:
        raw.executescript(database.get("OPTIONS", {}).get("init_command", ""))
        for bare in queries:  # warm-up, as the pages had
            for sql, params in [*bare.counts, bare.select]:
                raw.execute(sql, params).fetchall()
        for n in range(len(row.times)):
            bare = queries[n % len(queries)]
            started = time.perf_counter()
            for sql, params in bare.counts:
                raw.execute(sql, params).fetchall()
            selecting = time.perf_counter()
            raw.execute(*bare.select).fetchall()
            ended = time.perf_counter()
            row.bare.append(ended - started)
            row.bare_select.append(ended - selecting)
    finally:
        raw.close()


def describe(response) -> str:
    if isinstance(response, Exception):
        return f"error 500 ({type(response).__name__}: {response})"
    return f"status {response.status_code}"


def plan(rng: random.Random) -> list[Row]:
    """The pages to measure, with addresses drawn from the data: random keys, real names, a busy organisation."""
    from django.db.models import Count

    from movement_archive.events.models import Event
    from movement_archive.organisations.models import Organisation
    from movement_archive.people.models import Person

    generated = Organisation.objects.filter(key__startswith="gen-")
    count = generated.count()
    keys = [f"gen-org-{rng.randint(1, count)}" for _ in range(200)]
    busiest = generated.annotate(n=Count("events")).order_by("-n").values_list("key", flat=True)[0]
    sample = list(generated.filter(key__in=keys[:40]).values_list("name", "acronym"))
    country = generated.values("countries__iso2").annotate(n=Count("pk")).order_by("-n")[0]["countries__iso2"]
    org_pages = max(1, count // 50)
    # As the list counts them: the people an anonymous reader may see (access and consent, not a field of their own).
    people_pages = max(1, Person.objects.visible_to(None).filter(key__startswith="gen-").count() // 50)
    queries = search_queries(rng, sample)
    events = Event.objects.filter(key__startswith="gen-").count()
    event_keys = [f"gen-event-{rng.randint(1, events)}" for _ in range(50)]
    # Page 2,000 of the 10,000 at full size; a fifth of the way in at any other size.
    timeline_page = min(2000, max(1, events // 50 // 5))
    return [
        Row("home page", ["/"], LIST_MS),
        Row("search (20 queries)", [f"/search/?q={q}" for q in queries], SEARCH_MS, search=True),
        Row("organisation page (random keys)", [f"/organisations/{key}/" for key in keys], ORGANISATION_MS),
        Row("organisation page (busiest organisation)", [f"/organisations/{busiest}/"], ORGANISATION_MS),
        Row("/organisations/ page 1", ["/organisations/"], LIST_MS),
        Row(f"/organisations/?page={org_pages // 2} (deep)", [f"/organisations/?page={org_pages // 2}"], LIST_MS),
        Row(
            "/organisations/ filtered",
            [
                f"/organisations/?kind=user_group&country={country}",
                "/organisations/?region=Europe",
                "/organisations/?model=grassroots&decade=1990",
                "/organisations/?scope=local&status=closed",
            ],
            LIST_MS,
        ),
        Row(
            "/organisations/ filtered, deep page",
            [f"/organisations/?kind=user_group&page={max(1, org_pages // 8)}"],
            LIST_MS,
        ),
        Row(
            "/organisations/ sorted by founding",
            ["/organisations/?sort=founded", "/organisations/?region=Europe&sort=-founded"],
            LIST_MS,
        ),
        Row("/people/ page 1", ["/people/"], LIST_MS),
        Row(f"/people/?page={people_pages // 2} (deep)", [f"/people/?page={people_pages // 2}"], LIST_MS),
        Row(
            "/events/timeline/?organisation= (random)",
            [f"/events/timeline/?organisation={key}" for key in keys[:20]],
            LIST_MS,
        ),
        Row("/events/timeline/?organisation= (busiest)", [f"/events/timeline/?organisation={busiest}"], LIST_MS),
        Row("/events/timeline/ page 1", ["/events/timeline/"], LIST_MS),
        Row(f"/events/timeline/?page={timeline_page} (deep)", [f"/events/timeline/?page={timeline_page}"], LIST_MS),
        Row("event page (random keys)", [f"/events/{key}/" for key in event_keys], ORGANISATION_MS),
        Row("/places/", ["/places/"], LIST_MS),
        Row(f"/places/{country.lower()}/ (busiest country)", [f"/places/{country.lower()}/"], LIST_MS),
        Row("/models/", ["/models/"], LIST_MS),
        Row("/models/grassroots/", ["/models/grassroots/"], LIST_MS),
        Row(
            "/search/?q=…&type=organisation",
            [f"/search/?q={q}&type=organisation" for q in queries[:10]],
            LIST_MS,
            search=True,
        ),
    ]


def search_queries(rng: random.Random, sample: list[tuple[str, str]]) -> list[str]:
    """Twenty queries a reader might type: names, acronyms, the start of a word, topics, seed records, a miss."""
    names = [name for name, _ in sample]
    acronyms = [acronym for _, acronym in sample if acronym] or ["UVDU"]
    city = names[0].split()[0] if not names[0].startswith("Union") else names[0].split()[2]
    picked = [
        names[0], names[1], names[2].lower(), rng.choice(acronyms), rng.choice(acronyms).lower(),
        city, city[:4], "drug users union", "naloxone", "needle exchange", "overdose prevention", "harm red",
        "INPUD", "VANDU", "junkie", "Brugerfor", "union des usagers", "Carmen", "peer outreach centre", "qqqzzz",
    ]  # fmt: skip
    return [q.replace(" ", "+").replace("&", "%26") for q in picked]


def profile(client, url: str) -> dict:
    """cProfile and a query log of one request: the functions and SQL that took the time."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as captured:
        profiler.enable()
        client.get(url)
        profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    queries = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:5]
    return {"url": url, "functions": out.getvalue(), "queries": [(float(q["time"]), q["sql"]) for q in queries]}


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


# Reporting ------------------------------------------------------------------------------------------------------


def machine() -> str:
    import django
    import wagtail

    memory = next(
        (
            int(line.split()[1]) / 1024**2
            for line in Path("/proc/meminfo").read_text().splitlines()
            if "MemTotal" in line
        ),
        0.0,
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {memory:.0f} GB RAM, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"Django {django.get_version()}, Wagtail {wagtail.__version__}"
    )


def render(sizes: dict[str, int], setup: dict, rows: list[Row], extra: dict) -> str:
    from django.db import connection

    lines = [
        f"Run of {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `benchmarks/run.py`.",
        "",
        f"- **Machine:** {machine()}.",
        f"- **Database:** {connection.vendor}, {database_size()}.",
        f"- **Scale:** {sizes['organisations']:,} organisations, {sizes['events']:,} events, "
        f"{sizes['people']:,} people, generated, plus the seed collection.",
    ]
    if setup.get("seconds"):
        total = sum(setup["seconds"].values())
        steps = ", ".join(f"{step} {seconds:.0f} s" for step, seconds in setup["seconds"].items())
        made = ", ".join(f"{count:,} {name}" for name, count in setup["counts"].items())
        lines += [
            f"- **Generation:** {total / 60:.1f} min ({steps}); loading the seed collection first "
            f"{setup['seed_seconds']:.0f} s.",
            f"- **Rows generated:** {made}.",
        ]
    memory = [f"after generation {setup['rss_after_generation']:,.0f} MB"] if "rss_after_generation" in setup else []
    memory.append(f"after the page measurements {extra['rss_after_pages']:,.0f} MB")
    lines += [f"- **Peak memory** of the process (maxrss): {'; '.join(memory)}.", load_line(extra["load"]), ""]
    lines += [
        "Server time in milliseconds, measured in-process around the test client's `get`, after one warm-up "
        "request per address; SQL queries counted on the warm-up requests (a range when a row has several "
        "addresses).",
        "",
        BARE_NOTE,
        "",
        TABLE_HEAD,
        *(row.line() for row in rows),
    ]
    if select_only := select_only_line(rows):
        lines += ["", select_only]
    if extra.get("cold"):
        lines += [
            "",
            "The first request after the archive changes, when the figures kept in the cache (counts per country, "
            "filter choices, list counts) are computed again: one request per address, cache emptied before each.",
            "",
            "| page | ms | outcome |",
            "|---|---:|---|",
            *(f"| `{url}` | {seconds * 1000:.0f} | {outcome} |" for url, seconds, outcome in extra["cold"]),
        ]
    for name, found in extra["profiles"].items():
        lines += ["", f"Slowest request of “{name}”: `{found['url']}`; its slowest SQL:", ""]
        lines += [f"- {seconds * 1000:.0f} ms: `{shorten(sql)}`" for seconds, sql in found["queries"]]
    return "\n".join(lines)


BARE_NOTE = (
    "Search rows are also compared with bare FTS5 queries for the same words, timed as often in the same run on "
    "a raw sqlite3 connection to the same file: `SELECT rowid FROM <Wagtail's FTS5 table> WHERE … MATCH ? "
    "[ORDER BY bm25] LIMIT 200`, with the archive's MATCH and its ranking rule (ranked only when at most 5,000 "
    "entries match; a search kept to one kind names it in the MATCH past that), after the count of matches "
    "(stopping at 5,001) that the rule needs to decide, two counts when the MATCH names the kinds. The target is "
    f"a ratio of p95s within {SEARCH_RATIO}×."
)


def select_only_line(rows: list[Row]) -> str:
    """The search rows against the bare select alone, the counts left out: the stricter comparison, for the record."""
    compared = [
        f"{row.name} {percentile(row.bare_select, 95):.2f} ms, "
        f"{row.percentile(95) / max(percentile(row.bare_select, 95), 0.001):.1f}×"
        for row in rows
        if row.times and row.bare_select
    ]
    if not compared:
        return ""
    return "Against the bare select alone, its counts left out (p95, ratio): " + "; ".join(compared) + "."


def load_line(load: list[tuple[float, float, float]]) -> str:
    """The load average (1, 5 and 15 minutes) when the measuring began and ended: other work on the machine."""
    began, ended = ("/".join(f"{value:.2f}" for value in averages) for averages in (load[0], load[-1]))
    return f"- **Load average** (1/5/15 min): {began} when the measuring began, {ended} when it ended."


def shorten(sql: str, limit: int = 400) -> str:
    """The query without its long column list, which says nothing about why it is slow."""
    sql = re.sub(r"\s+", " ", sql).replace("`", "'")
    sql = re.sub(r"^SELECT (DISTINCT )?.*? FROM ", r"SELECT \1… FROM ", sql, count=1)
    return sql if len(sql) <= limit else sql[:limit] + " …"


def database_size() -> str:
    from django.conf import settings

    name = settings.DATABASES["default"]["NAME"]
    path = Path(str(name))
    if path.is_file():
        return f"database file {path.stat().st_size / 1024**2:,.0f} MB"
    return "size not measured"


def write_doc(report: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else f"# Performance\n\n{START}\n{END}\n"
    if START not in text or END not in text:
        text += f"\n{START}\n{END}\n"
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    DOC.write_text(f"{before}{START}\n{report}\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
