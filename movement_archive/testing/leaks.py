"""What a crawl brought back, and where marker strings turn up in it: the pure half of the leak checks.

No Django imports (``tests/test_links.py`` checks), so the searching and the reports are tested on made-up pages.

A *marker* is a string planted in one piece of material (a title, a transcript line, a file), mapped to a
description of where it was planted; finding a forbidden marker on any response is a leak. Markers work best as
one word of letters and digits with at least one capital (``Zqsealed0007``): such a word survives HTML and JSON
escaping unchanged, and the search step can ask for it in another case (see ``search_query``).
"""

from __future__ import annotations

import html
import itertools
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .links import BINARY, media_type

EXCERPT_CHARS = 60  # either side of a marker in a leak's excerpt


@dataclass(frozen=True)
class Page:
    """One response of a crawl: its address as fetched, status, content type and body as text.

    A binary body is decoded as latin-1 (every byte one character) so it can be searched like the rest.
    """

    url: str
    status: int
    content_type: str
    text: str
    kind: str
    location: str = ""  # where a redirect points, as the response said it
    found_on: str = ""  # the first page that linked here ("" for a starting address)

    @property
    def media_type(self) -> str:
        return media_type(self.content_type)


@dataclass(frozen=True)
class Leak:
    marker: str
    description: str
    url: str
    excerpt: str
    found_on: str = ""

    def __str__(self) -> str:
        return f"{self.marker} [{self.description}] at {self.where}: …{self.excerpt}…"

    @property
    def where(self) -> str:
        return f"{self.url} (linked from {self.found_on})" if self.found_on else self.url


def _forms(marker: str, kind: str) -> list[str]:
    """The ways the marker can be written in a response of this kind, each searched for once."""
    forms = [marker, html.escape(marker, quote=True), json.dumps(marker)[1:-1]]
    if kind == BINARY:
        # A binary body is latin-1 text here, so a marker stored as UTF-8 bytes reads as its latin-1 decoding.
        forms.append(marker.encode("utf-8").decode("latin-1"))
    return list(dict.fromkeys(forms))


def excerpt(text: str, start: int, length: int) -> str:
    """The text around ``text[start:start + length]`` on one line, for a readable report."""
    around = text[max(0, start - EXCERPT_CHARS) : start + length + EXCERPT_CHARS]
    return " ".join(around.split())


def find_markers(pages: Iterable[Page], markers: Mapping[str, str]) -> list[Leak]:
    """Every page on which a marker appears, once per marker and page, in crawl order.

    Costs one substring search per marker form and page: a few seconds for a hundred markers over thousands of
    pages, since ``str.find`` is a fast C loop.
    """
    leaks = []
    forms_by_kind: dict[str, dict[str, list[str]]] = {}
    for page in pages:
        forms = forms_by_kind.setdefault(page.kind, {m: _forms(m, page.kind) for m in markers})
        for marker, description in markers.items():
            for written in forms[marker]:
                at = page.text.find(written)
                if at >= 0:
                    leaks.append(
                        Leak(marker, description, page.url, excerpt(page.text, at, len(written)), page.found_on)
                    )
                    break
    return leaks


def missing_markers(pages: Iterable[Page], markers: Mapping[str, str]) -> dict[str, str]:
    """The markers found on no page at all (the complement of ``find_markers``), in the order given."""
    found = {leak.marker for leak in find_markers(pages, markers)}
    return {marker: description for marker, description in markers.items() if marker not in found}


def search_query(marker: str) -> str:
    """What to type into the search box to find ``marker`` without the page's echo of the query matching it.

    Search ignores case, while markers are searched for case-sensitively: asking for the marker with its case
    swapped finds the same records, and the echo ("3 results for …", the box's value, the pager's links) then
    never contains the marker itself. Raises ValueError for a marker with no letter whose case can change.
    """
    swapped = marker.swapcase()
    if swapped == marker:
        raise ValueError(
            f"marker {marker!r} has no letter with a case: the search page's echo of it could not be told "
            "apart from a leak. Use markers such as 'Zqsealed0007'."
        )
    return swapped


def search_hits(page: Page) -> list[str]:
    """The results a JSON search response lists (their URLs or titles); [] when it is no JSON list or is empty."""
    if page.kind != "json" or page.status != 200:
        return []
    try:
        data = json.loads(page.text)
    except ValueError:
        return []
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, list):
        return []
    return [str(r.get("url") or r.get("title") or r) if isinstance(r, dict) else str(r) for r in results]


def prefix_clashes(markers: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of markers where one begins the other, ignoring case: search by prefix would find both for one."""
    folded = sorted((m.casefold(), m) for m in markers)
    # Sorted, a marker that begins others comes right before them: neighbours are enough, no quadratic scan.
    return [(a, b) for (fa, a), (fb, b) in itertools.pairwise(folded) if fb.startswith(fa)]


@dataclass
class CrawlStats:
    """How broad a crawl was, for tests to assert on and for reports to show."""

    by_status: Counter = field(default_factory=Counter)
    by_content_type: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # reason -> how many distinct addresses
    capped: Counter = field(default_factory=Counter)  # path -> variants not visited

    @property
    def pages(self) -> int:
        return sum(self.by_status.values())

    def count(self, page: Page) -> None:
        self.by_status[page.status] += 1
        self.by_content_type[page.media_type or "(none)"] += 1

    def __str__(self) -> str:
        def listed(counter: Counter) -> str:
            return ", ".join(f"{key}: {n}" for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))))

        lines = [
            f"{self.pages} responses",
            f"  by status: {listed(self.by_status)}",
            f"  by content type: {listed(self.by_content_type)}",
        ]
        if self.skipped:
            lines.append(f"  not followed: {listed(self.skipped)}")
        if self.capped:
            lines.append(f"  query variants left out by the cap: {listed(self.capped)}")
        return "\n".join(lines)


def leak_report(leaks: list[Leak], stats: CrawlStats | None = None) -> str:
    """A report listing every leak, grouped by marker, for an assertion message."""
    by_marker: dict[str, list[Leak]] = {}
    for leak in leaks:
        by_marker.setdefault(leak.marker, []).append(leak)
    lines = [f"{len(leaks)} leak(s) of {len(by_marker)} marker(s):"]
    for marker, found in by_marker.items():
        lines.append(f"- {marker} [{found[0].description}] on {len(found)} response(s):")
        lines += [f"    {leak.where}: …{leak.excerpt}…" for leak in found]
    if stats is not None:
        lines += ["", str(stats)]
    return "\n".join(lines)
