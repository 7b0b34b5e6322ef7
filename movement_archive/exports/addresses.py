"""Where each address of the archive lands in a static mirror, and how one mirrored file links to another.

Pure: plain strings in, plain strings out, no Django. A page is a directory holding ``index.html`` (so that
``/people/ana/`` becomes ``people/ana/index.html``) with its JSON twin beside it as ``index.json``; page N of
a list becomes ``page-N.html`` in the list's directory. A detail page is always a directory, so ``page-2.html``
can never collide with a record whose key is ``page-2``.
"""

from __future__ import annotations

import posixpath
from urllib.parse import parse_qsl, quote, unquote

PAGE_FILE = "index.html"
TWIN_FILE = "index.json"
# Query parameters that only place the reader within a page (an interview opened on a moment): the mirrored page,
# opened at its start, is a better answer than sending the reader online.
POSITION_ONLY = frozenset({"t"})


def mirror_file(path: str, query: str = "") -> str | None:
    """The mirror's file for the address ``path?query``, relative to the mirror's root, or None if not mirrored.

    Only two kinds of query survive: ``page=N`` (list pagination) and ``format=json`` (the JSON twin). Any other
    parameter (a filter, a search) makes an address the mirror cannot answer.
    """
    parameters = dict(parse_qsl(query, keep_blank_values=True))
    for name in POSITION_ONLY:
        parameters.pop(name, None)
    json = parameters.pop("format", None)
    page = parameters.pop("page", "1")
    if parameters or json not in (None, "json") or not page.isdigit() or int(page) < 1:
        return None
    parts = [unquote(part) for part in path.split("/")]
    if not path.startswith("/") or any(part in (".", "..") for part in parts):
        return None
    directory, name = posixpath.split(path.lstrip("/"))
    directory = unquote(directory)
    if name:  # a file of its own (map.svg, en.vtt, a recording): not a page, so no twin and no pages
        if json or page != "1":
            return None
        return posixpath.join(directory, unquote(name))
    stem = "index" if page == "1" else f"page-{int(page)}"
    return posixpath.join(directory, f"{stem}.{'json' if json else 'html'}")


def twin_of(file: str) -> str:
    """The JSON twin's file beside a page's file: ``a/index.html`` gives ``a/index.json``."""
    return file.removesuffix(".html") + ".json"


def relative_link(from_file: str, to_file: str, fragment: str = "") -> str:
    """A link from one mirrored file to another that works from disk and from any host or sub-directory."""
    link = posixpath.relpath(to_file, posixpath.dirname(from_file) or ".")
    return quote(link) + (f"#{fragment}" if fragment else "")


def language_of(path: str, languages: tuple[str, ...], default: str) -> str:
    """The interface language of an address: its prefix (``/es/...``), or the default language without one."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in languages and first != default else default
