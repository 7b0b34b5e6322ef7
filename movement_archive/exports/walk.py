"""Walking the reading rooms as an anonymous reader, from the home page and the lists, link by link.

A walk yields each address once, with the reader's response, and keeps only the names of the files seen and
the addresses still to visit: pages are handed on as they come and never gathered, so memory does not grow with
the size of the pages.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.http import HttpResponse

from .links import addresses
from .reader import AnonymousReader, Scope, Target

# Addresses that are not somewhere to go.
NOT_ADDRESSES = ("#", "data:", "mailto:", "tel:", "javascript:")


@dataclass
class Visit:
    target: Target
    response: HttpResponse
    # The page's text when it is an HTML page; None for other files, redirects and missing pages.
    text: str | None = None
    redirect: Target | None = None

    @property
    def found(self) -> bool:
        return self.response.status_code == 200


def within(reader: AnonymousReader, scope: Scope, base: str, address: str) -> Target | None:
    """What ``address``, found on the page at ``base``, is in the export, or None if it is not in it."""
    if not address or address.startswith(NOT_ADDRESSES):
        return None
    parts = urlsplit(urljoin(reader.origin + base, address))
    if f"{parts.scheme}://{parts.netloc}" != reader.origin:
        return None
    return scope.target(parts.path, parts.query)


def walk(reader: AnonymousReader, scope: Scope, *, files: bool = True) -> Iterator[Visit]:
    """Every page of the scope an anonymous reader reaches; with ``files``, the files pages link to as well
    (the map's drawing, captions, an interview's downloads). Static files and JSON twins are left to the caller."""
    queue: deque[Target] = deque()
    seen: set[str] = set()

    def add(target: Target | None) -> None:
        if target is None or target.static or target.file in seen or target.file.endswith(".json"):
            return
        if not files and not target.file.endswith(".html"):
            return
        seen.add(target.file)
        queue.append(target)

    for start in scope.starts():
        add(scope.target(start))
    while queue:
        target = queue.popleft()
        response = reader.get(target.address)
        if response.status_code in (301, 302, 307, 308):
            redirect = within(reader, scope, target.address, response["Location"])
            add(redirect)
            yield Visit(target, response, redirect=redirect)
            continue
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            yield Visit(target, response)
            continue
        text = response.content.decode(response.charset or "utf-8")
        for tag, _attribute, address in addresses(text):
            if tag != "form":  # a form asks a question a static copy cannot answer
                add(within(reader, scope, target.address, address))
        yield Visit(target, response, text)
