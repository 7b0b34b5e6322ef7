"""Finding the addresses a response points to, and writing each address one way: the pure half of the crawler.

Plain functions on text, with no Django imports (``tests/test_links.py`` checks), so that what a crawl follows can
be tested on small strings. An address the crawler may fetch is written as a *target*: a path and a query string
(``/people/?country=NL&page=2``), with no scheme, host or fragment, its query parameters sorted so that two links
to one page are seen as one.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Tags whose ``src`` is something a browser fetches (a picture, a recording, captions).
SOURCE_TAGS = frozenset({"img", "audio", "video", "source", "track", "iframe", "embed", "script"})
# JSON keys whose value is a link even when it is written relative to the response (``"next": "?page=2"``).
LINK_KEYS = frozenset({"next", "previous", "prev", "first", "last", "href", "url", "self"})
# A string longer than this, or holding white space, is prose rather than an address.
LONGEST_URL = 2000

_ABSOLUTE_URL = re.compile(r"""https?://[^\s<>"'`\\]+""")
_LINK_ATTRIBUTE = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SPACE = re.compile(r"\s")
_REFRESH_URL = re.compile(r"""url\s*=\s*['"]?([^'"]+)""", re.IGNORECASE)


# Reading links --------------------------------------------------------------------------------------------------


class _LinkParser(HTMLParser):
    """Collects link-like attributes in document order, and the JSON-LD blocks, in one pass over the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if tag in ("a", "link", "area") and "href" in values:
            self.links.append(values["href"])
        elif tag == "form":
            # Only a form a link could stand for: GET, and its action alone (no field values are guessed).
            if values.get("method", "get").lower() == "get" and values.get("action"):
                self.links.append(values["action"])
        elif tag in SOURCE_TAGS and "src" in values:
            self.links.append(values["src"])
        elif tag == "video" and "poster" in values:
            self.links.append(values["poster"])
        elif tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            found = _REFRESH_URL.search(values.get("content", ""))
            if found:
                self.links.append(found.group(1).strip())
        elif tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._in_jsonld = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_jsonld = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld.append(data)


def links_in_html(text: str) -> list[str]:
    """Raw addresses in an HTML page: a/link/area href, GET form actions, media src, meta refresh, and JSON-LD.

    They are as written (relative ones included); ``target`` resolves them against the page's address.
    """
    parser = _LinkParser()
    parser.feed(text)
    parser.close()
    links = parser.links
    for block in parser.jsonld:
        try:
            links.extend(links_in_json(json.loads(block)))
        except ValueError:
            continue  # a broken JSON-LD block is the page's own bug, not something to follow
    return links


def links_in_json(data: Any) -> list[str]:
    """Strings at any depth of decoded JSON that look like an address: absolute, root-relative, or a link key's.

    Values of keys such as ``next`` and ``url`` are taken even when relative (``?page=2``); any other string must
    start with ``/`` or ``http(s)://`` to count, so that dates like ``1990/1993`` and prose are left alone.
    """
    found: list[str] = []
    for key, value in _strings(data, None):
        if not value or len(value) > LONGEST_URL or _SPACE.search(value):
            continue
        if value.startswith(("/", "http://", "https://")) or (key in LINK_KEYS and value.startswith(("?", "."))):
            found.append(value)
    return found


def _strings(data: Any, key: str | None) -> Iterator[tuple[str | None, str]]:
    # An explicit stack rather than recursion: an API may nest deeper than Python's recursion limit allows.
    stack: list[tuple[str | None, Any]] = [(key, data)]
    while stack:
        key, value = stack.pop()
        if isinstance(value, str):
            yield key, value
        elif isinstance(value, dict):
            stack.extend((str(k).lower(), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((key, v) for v in reversed(value))


def links_in_xml(text: str) -> list[str]:
    """Absolute http(s) addresses anywhere in the text (sitemap ``<loc>``), and every href/src attribute (Atom)."""
    links = [html.unescape(url) for url in _ABSOLUTE_URL.findall(text)]
    links += [html.unescape(double or single) for double, single in _LINK_ATTRIBUTE.findall(text)]
    return links


def links_in_text(text: str) -> list[str]:
    """Absolute http(s) addresses in plain text (robots.txt, captions, CSV exports)."""
    return _ABSOLUTE_URL.findall(text)


# Kinds of response ----------------------------------------------------------------------------------------------

HTML, JSON, XML, TEXT, BINARY = "html", "json", "xml", "text", "binary"


def media_type(content_type: str) -> str:
    """``text/html; charset=utf-8`` -> ``text/html``."""
    return content_type.split(";", 1)[0].strip().lower()


def kind_of(content_type: str) -> str:
    """How a response is read: html, json, xml or text are parsed for links; binary is only searched."""
    mime = media_type(content_type)
    if mime in ("text/html", "application/xhtml+xml"):
        return HTML
    if mime == "application/json" or mime.endswith("+json"):
        return JSON
    if mime in ("application/xml", "text/xml") or mime.endswith("+xml"):
        return XML
    if mime.startswith("text/"):
        return TEXT
    # Pictures, recordings, PDFs, archives, and a response that names no type at all.
    return BINARY


def charset_of(content_type: str, default: str = "utf-8") -> str:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return default


def links_in(kind: str, text: str) -> list[str]:
    """The raw addresses in a response's text, read according to its kind; none in binary responses."""
    if kind == HTML:
        return links_in_html(text)
    if kind == JSON:
        try:
            return links_in_json(json.loads(text))
        except ValueError:
            return links_in_text(text)
    if kind == XML:
        return links_in_xml(text)
    if kind == TEXT:
        return links_in_text(text)
    return []


# Writing addresses one way --------------------------------------------------------------------------------------


def target(link: str, base: str, hosts: Iterable[str]) -> str | None:
    """``link`` as a target (path and sorted query) when it is on one of ``hosts``; None when it is elsewhere.

    ``base`` is the target of the page the link was found on, so relative links resolve as a browser would
    resolve them. Fragments are dropped; mailto:, data:, javascript: and other schemes are None.
    """
    link = link.strip()
    if not link:
        return None
    resolved = urljoin(f"http://crawl.invalid{base}", link)
    parts = urlsplit(resolved)
    if parts.scheme not in ("http", "https"):
        return None
    host = parts.netloc.lower()
    if host != "crawl.invalid" and host not in hosts and host not in {h.lower() for h in hosts}:
        return None
    return urlunsplit(("", "", parts.path or "/", canonical_query(parts.query), ""))


def target_host(url: str) -> str:
    """The host (and port) an absolute address names: ``http://127.0.0.1:8000/`` -> ``127.0.0.1:8000``."""
    return urlsplit(url).netloc.lower()


def canonical_query(query: str) -> str:
    """The query string with its parameters sorted (repeated parameters keep their order) and encoded one way."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def split_target(value: str) -> tuple[str, str]:
    path, _, query = value.partition("?")
    return path, query


def json_twin(value: str) -> str:
    """The target of a page's JSON twin: the same address with ``format=json`` in its query."""
    path, query = split_target(value)
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "format"]
    return f"{path}?{canonical_query(urlencode([*pairs, ('format', 'json')]))}"


def variant(value: str, free: Iterable[str] = ()) -> str:
    """Which query-string variant of its path a target is, for capping: "" when it is the path itself.

    ``format`` never makes a variant (a JSON twin goes with its page), and neither do the ``free`` parameters
    when they are the only ones (the pages of an unfiltered list: ``?page=3``).
    """
    _, query = split_target(value)
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "format"]
    if all(k in free for k, _ in pairs):
        return ""
    return urlencode(pairs)


def with_query(value: str, **params: str) -> str:
    """``value`` with ``params`` set in its query string (replacing any already there)."""
    path, query = split_target(value)
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in params]
    return f"{path}?{canonical_query(urlencode([*pairs, *params.items()]))}"


# GET forms --------------------------------------------------------------------------------------------------------

# The word a crawl types into a form's text fields: short enough to start many words.
SAMPLE_WORD = "an"


class _FormParser(HTMLParser):
    """The GET forms of a page: each one's action and fields (name, kind, and the values it can take)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[str, list[tuple[str, str, list[str]]]]] = []
        self._fields: list[tuple[str, str, list[str]]] | None = None
        self._select: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "form":
            if values.get("method", "get").lower() == "get":
                self._fields = []
                self.forms.append((values.get("action", ""), self._fields))
            return
        if self._fields is None or "disabled" in values:
            return
        name = values.get("name", "")
        if tag == "input" and name:
            kind = values.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            self._fields.append((name, kind, [values.get("value", "on" if kind in ("checkbox", "radio") else "")]))
        elif tag == "select" and name:
            self._select = (name, [])
            self._fields.append(("", "", []))  # its place, filled in at </select>
        elif tag == "option" and self._select is not None:
            self._select[1].append(values.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._fields = None
        elif tag == "select" and self._select is not None and self._fields is not None:
            self._fields[-1] = (self._select[0], "select", self._select[1])
            self._select = None


def get_form_variants(text: str, each_choice: bool = True) -> list[tuple[str, list[tuple[str, str]]]]:
    """For each GET form of a page, the ways a reader can send it, one choice at a time: the form as it is, and
    (``each_choice``) each text field given ``SAMPLE_WORD`` and each option of each list or box chosen alone;
    hidden fields always.

    Each is an action (as written; "" is the page itself) and the fields sent, empty ones left out.
    """
    variants = []
    for action, fields in _parsed_forms(text):
        hidden = [(name, values[0]) for name, kind, values in fields if kind == "hidden" and values[0]]
        variants.append((action, hidden))
        for name, kind, values in fields:
            if kind in ("select", "radio", "checkbox") and each_choice:
                variants.extend((action, [*hidden, (name, value)]) for value in values if value)
            elif kind in ("text", "search") and each_choice:
                variants.append((action, [*hidden, (name, SAMPLE_WORD)]))
    return variants


def _parsed_forms(text: str) -> list[tuple[str, list[tuple[str, str, list[str]]]]]:
    parser = _FormParser()
    parser.feed(text)
    parser.close()
    # Radio buttons and boxes sharing a name are one field with several values.
    merged = []
    for action, fields in parser.forms:
        by_name: dict[tuple[str, str], list[str]] = {}
        for name, kind, values in fields:
            if name:
                by_name.setdefault((name, kind), []).extend(values)
        merged.append((action, [(name, kind, values) for (name, kind), values in by_name.items()]))
    return merged


_JSON_SCRIPT = re.compile(r"""<script\b[^>]*\btype=["']application/json["'][^>]*>(.*?)</script>""", re.DOTALL)


def links_in_json_scripts(text: str) -> list[str]:
    """Addresses in a page's ``<script type="application/json">`` blocks, where scripts keep what they draw (the
    Wagtail sidebar's menu, for one); a block that is not JSON is passed over."""
    found = []
    for block in _JSON_SCRIPT.findall(text):
        try:
            found.extend(links_in_json(json.loads(html.unescape(block) if "&quot;" in block else block)))
        except ValueError:
            continue
    return found
