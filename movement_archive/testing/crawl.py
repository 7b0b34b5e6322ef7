"""A crawler for leak tests: walks every page a reader can reach and says where marker strings turn up.

Given a Django test ``Client`` (signed in as some reader, or not), ``crawl`` fetches the starting addresses and
then, breadth first, every address of this site it finds in them: links, GET forms, media, JSON values, sitemap
and feed addresses, and each HTML page's JSON twin. It records every response, redirects included, so that
``find_markers`` can look for planted strings in all of them. ``assert_no_leaks`` does both and also asks the
site's search for every marker; ``assert_seen`` proves the walk reached the material a reader may see.

    crawl = crawl_site(client, extra_urls=["/oai?verb=ListRecords"])
    assert_seen(crawl.pages, {"Zqpublic0001": "public interview title"})
    assert_no_leaks(client, {"Zqsealed0002": "sealed transcript line"})

The reading of responses and addresses lives in ``links.py`` and ``leaks.py``, which import no Django.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from . import links
from .leaks import (
    CrawlStats,
    Leak,
    Page,
    find_markers,
    leak_report,
    missing_markers,
    prefix_clashes,
    search_hits,
    search_query,
)

__all__ = [
    "Crawl",
    "CrawlBudgetExceeded",
    "CrawlError",
    "Leak",
    "Page",
    "assert_no_leaks",
    "assert_seen",
    "crawl_site",
    "find_markers",
    "search_urls",
]

DEFAULT_START = ("/", "/es/")
MAX_PAGES = 3000
MAX_VARIANTS = 20
FREE_PARAMS = ("page",)
REDIRECTS = frozenset({301, 302, 303, 307, 308})


class CrawlError(AssertionError):
    """A page raised an exception while the crawl fetched it; the message names the page."""


class CrawlBudgetExceeded(AssertionError):
    """More pages were waiting than the budget allows: a test must not pass on a crawl that stopped early."""


def _default_hosts() -> tuple[str, ...]:
    # The test client's host, and the host SITE_URL names (a sitemap or feed may write addresses with it).
    return ("testserver", links.target_host(settings.SITE_URL))


def _never_follow() -> tuple[str, ...]:
    return ("/admin/", settings.STATIC_URL)


@dataclass
class Crawl:
    """A breadth-first walk of one site as one reader; ``run`` fetches until nothing new is left.

    ``max_pages``: raise CrawlBudgetExceeded rather than fetch more. ``max_variants``: at most this many query
    strings per path, apart from the ``free_params`` alone (an unfiltered list's pages) and ``format``.
    ``never_follow``: path prefixes never fetched (default /admin/ and /static/), besides any logout address.
    ``unparsed``: path prefixes fetched and searched but not read for links (default /media/).
    """

    client: Client
    max_pages: int = MAX_PAGES
    max_variants: int = MAX_VARIANTS
    free_params: Sequence[str] = FREE_PARAMS
    hosts: Sequence[str] = field(default_factory=_default_hosts)
    never_follow: Sequence[str] = field(default_factory=_never_follow)
    unparsed: Sequence[str] = field(default_factory=lambda: (settings.MEDIA_URL,))
    pages: dict[str, Page] = field(default_factory=dict)
    stats: CrawlStats = field(default_factory=CrawlStats)
    skipped: dict[str, str] = field(default_factory=dict)  # address -> why it was not fetched

    def __post_init__(self) -> None:
        self.hosts = frozenset(host.lower() for host in self.hosts)  # looked up for every link found
        self._queue: deque[tuple[str, str]] = deque()  # (target, the page it was found on)
        self._queued: set[str] = set()
        self._variants: dict[str, set[str]] = {}

    # Queueing ---------------------------------------------------------------------------------------------------

    def add(self, urls: Iterable[str], *, found_on: str = "/", forced: bool = False) -> None:
        """Queue addresses (absolute, root-relative or relative to ``found_on``).

        ``forced`` ones (starting addresses) skip the cap on query variants, though not the never-follow rules.
        """
        for url in urls:
            found = links.target(url, found_on, self.hosts)
            if found is None:
                self._skip(url, "another host or scheme")
            elif found not in self._queued and self._may_follow(found, forced):
                self._queued.add(found)
                self._queue.append((found, "" if forced else found_on))

    def _may_follow(self, value: str, forced: bool) -> bool:
        path, _ = links.split_target(value)
        if any(path.startswith(prefix) for prefix in self.never_follow):
            return self._skip(value, "never followed: " + next(p for p in self.never_follow if path.startswith(p)))
        if "logout" in path.lower() or "log-out" in path.lower():
            return self._skip(value, "a logout address")
        variant = links.variant(value, self.free_params)
        if not variant:
            return True
        seen = self._variants.setdefault(path, set())
        if variant in seen or forced or len(seen) < self.max_variants:
            seen.add(variant)
            return True
        if value not in self.skipped:
            self.stats.capped[path] += 1
        return self._skip(value, "over the cap on query variants")

    def _skip(self, value: str, reason: str) -> bool:
        if value not in self.skipped:
            self.skipped[value] = reason
            self.stats.skipped[reason.split(":")[0]] += 1
        return False

    # Fetching ---------------------------------------------------------------------------------------------------

    def run(self) -> Crawl:
        """Fetch everything queued and everything found on the way; returns the crawl for chaining.

        The language active before is active again after: each request under /es/ switches the thread to Spanish.
        """
        with translation.override(translation.get_language()):
            self._run()
        return self

    def _run(self) -> None:
        while self._queue:
            if len(self.pages) >= self.max_pages:
                waiting = ", ".join(value for value, _ in list(self._queue)[:10])
                raise CrawlBudgetExceeded(
                    f"the crawl fetched {len(self.pages)} pages and {len(self._queue)} more were waiting "
                    f"(such as {waiting}). Raise max_pages, or lower max_variants if filters multiply pages.\n"
                    f"{self.stats}"
                )
            value, found_on = self._queue.popleft()
            page = self.fetch(value, found_on)
            self.pages[value] = page
            self.stats.count(page)
            self._follow(page)

    def fetch(self, value: str, found_on: str = "") -> Page:
        """One GET through the client, redirects not followed; an exception in the view names the page."""
        try:
            response = self.client.get(value, follow=False)
        except Exception as error:
            raise CrawlError(f"{value} (linked from {found_on or 'the start'}) raised {error!r}") from error
        # Read to the end, a streaming response is closed by the client itself (its file released); closing it
        # again would end the database connection of a test running on PostgreSQL (see exports.mirror).
        body = b"".join(response.streaming_content) if response.streaming else response.content
        content_type = response.get("Content-Type", "")
        path, _ = links.split_target(value)
        kind = links.kind_of(content_type)
        if any(path.startswith(prefix) for prefix in self.unparsed):
            kind = links.BINARY
        text = (
            body.decode("latin-1") if kind == links.BINARY else body.decode(links.charset_of(content_type), "replace")
        )
        return Page(value, response.status_code, content_type, text, kind, response.get("Location", ""), found_on)

    def _follow(self, page: Page) -> None:
        if page.status in REDIRECTS:
            if page.location:
                self.add([page.location], found_on=page.url)
            return
        self.add(links.links_in(page.kind, page.text), found_on=page.url)
        if page.kind == links.HTML:
            self.add([links.json_twin(page.url)], found_on=page.url)


def crawl_site(
    client: Client,
    start: Sequence[str] | None = None,
    *,
    extra_urls: Sequence[str] = (),
    **options: Any,
) -> Crawl:
    """Crawl the site as ``client``'s reader from ``start`` (default: /, /es/ and /sitemap.xml when it answers 200).

    ``extra_urls`` are added to the starting addresses (an OAI-PMH verb, an API root, a static export's files);
    ``options`` are ``Crawl``'s (max_pages, max_variants, hosts, never_follow, ...).
    """
    crawl = Crawl(client, **options)
    if start is None:
        start = [*DEFAULT_START, *_sitemap(client)]
    crawl.add([*start, *extra_urls], forced=True)
    return crawl.run()


def _sitemap(client: Client) -> list[str]:
    # Asked first rather than queued: a missing sitemap is no finding, just a site without one (yet).
    return ["/sitemap.xml"] if client.get("/sitemap.xml", follow=False).status_code == 200 else []


def search_urls(markers: Iterable[str], searches: Sequence[str] | None = None) -> list[str]:
    """The search addresses to ask for each marker, as HTML and as JSON.

    ``searches`` are search pages: ``/search/`` gets ``?q=...``; an address with ``{q}`` in it gets the query
    there instead (``/api/search?text={q}``). Default: the site search.
    """
    if searches is None:
        # In the default language whatever the last request switched on: /search/, not /es/search/.
        with translation.override(None):
            searches = [reverse("search:search")]
    found = []
    for marker in markers:
        query = search_query(marker)
        for search in searches:
            url = search.replace("{q}", quote(query)) if "{q}" in search else links.with_query(search, q=query)
            found += [url, links.json_twin(url)]
    return found


def assert_no_leaks(
    client: Client,
    forbidden_markers: Mapping[str, str],
    *,
    extra_urls: Sequence[str] = (),
    searches: Sequence[str] | None = None,
    start: Sequence[str] | None = None,
    **options: Any,
) -> Crawl:
    """Crawl as ``client``'s reader, search for every marker, and fail listing every leak found.

    A leak is a forbidden marker on any response, or a JSON search for one that lists any result (the reader
    would learn that something holds the forbidden words). Returns the crawl, for ``assert_seen`` and stats.
    """
    clashes = prefix_clashes(forbidden_markers)
    if clashes:
        raise ValueError(f"markers that begin one another are found by one search: {clashes}")
    asked = search_urls(forbidden_markers, searches)
    crawl = Crawl(client, **options)
    crawl.add([*(DEFAULT_START if start is None else start), *extra_urls], forced=True)
    if start is None:
        crawl.add(_sitemap(client), forced=True)
    crawl.add(asked, forced=True)
    crawl.run()
    leaks = find_markers(crawl.pages.values(), forbidden_markers)
    leaks += _search_leaks(crawl, forbidden_markers, searches)
    if leaks:
        raise AssertionError(leak_report(leaks, crawl.stats))
    return crawl


def _search_leaks(crawl: Crawl, markers: Mapping[str, str], searches: Sequence[str] | None) -> list[Leak]:
    leaks = []
    for marker, description in markers.items():
        for url in search_urls([marker], searches):
            page = crawl.pages.get(links.target(url, "/", crawl.hosts) or url)
            hits = search_hits(page) if page else []
            if hits:
                excerpt = f"searching for {search_query(marker)!r} lists {len(hits)} result(s): {', '.join(hits[:5])}"
                leaks.append(Leak(marker, description, page.url, excerpt))
    return leaks


def assert_seen(pages: Iterable[Page] | Crawl, markers: Mapping[str, str]) -> None:
    """Fail unless every marker appears on some page: the crawl reached what this reader may see."""
    crawl = pages if isinstance(pages, Crawl) else None
    missing = missing_markers(crawl.pages.values() if crawl else pages, markers)
    if missing:
        listed = "\n".join(f"- {marker} [{description}]" for marker, description in missing.items())
        stats = f"\n\n{crawl.stats}" if crawl else ""
        raise AssertionError(f"{len(missing)} marker(s) the reader may see were found nowhere:\n{listed}{stats}")
