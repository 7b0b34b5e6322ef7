"""Finding and rewriting the addresses an HTML page or a stylesheet points at.

Pure: no Django. The archive's templates write every attribute in double quotes and escape its value, and
JSON-LD inside ``<script>`` escapes every ``<``, so a start tag is never found inside text or data.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

# Attributes holding an address, in the elements that use them.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "poster", "data"})
# Elements whose address the browser loads by itself, without the reader following a link.
LOADING = {"link": "href", "script": "src", "img": "src", "audio": "src", "video": "src", "source": "src"}
LOADING |= {"track": "src", "iframe": "src", "embed": "src", "object": "data", "input": "src"}

_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*?)?(/?)>")
_ATTRIBUTE = re.compile(r"""(\s)([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)')""")
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)""")

# Given the tag, the attribute and the (unescaped) address, the new address, or None to leave it alone.
Replace = Callable[[str, str, str], str | None]


_REL = re.compile(r"""\srel\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


def _role(tag: re.Match) -> str:
    """The tag's name, except that a ``<link rel="alternate">`` (a feed, a JSON twin) counts as ``a``: a browser
    follows it only when asked, where it loads a stylesheet or an icon by itself."""
    name = tag.group(1).lower()
    if name == "link":
        rel = _REL.search(tag.group(2) or "")
        if rel and "alternate" in rel.group(1).lower().split():
            return "a"
    return name


def addresses(page: str) -> list[tuple[str, str, str]]:
    """Every address in the page's start tags, as (tag, attribute, address) with the address unescaped."""
    found = []
    for tag in _TAG.finditer(page):
        name = _role(tag)
        for attribute in _ATTRIBUTE.finditer(tag.group(2) or ""):
            if attribute.group(2).lower() in URL_ATTRIBUTES:
                value = attribute.group(4) if attribute.group(4) is not None else attribute.group(5)
                found.append((name, attribute.group(2).lower(), html.unescape(value)))
    return found


def rewrite(page: str, replace: Replace) -> str:
    """The page with each address in its start tags replaced as ``replace`` says; everything else unchanged."""

    def start_tag(tag: re.Match) -> str:
        name = _role(tag)

        def one(attribute: re.Match) -> str:
            key = attribute.group(2).lower()
            if key not in URL_ATTRIBUTES:
                return attribute.group(0)
            value = attribute.group(4) if attribute.group(4) is not None else attribute.group(5)
            new = replace(name, key, html.unescape(value))
            if new is None:
                return attribute.group(0)
            return f'{attribute.group(1)}{attribute.group(2)}="{html.escape(new, quote=True)}"'

        attributes = _ATTRIBUTE.sub(one, tag.group(2) or "")
        return f"<{tag.group(1)}{attributes}{tag.group(3)}>"

    return _TAG.sub(start_tag, page)


def loaded_addresses(page: str) -> list[str]:
    """The addresses a browser fetches on its own to show the page (stylesheets, scripts, images, media)."""
    found = []
    for tag, attribute, address in addresses(page):
        if LOADING.get(tag) == attribute:
            found.append(address)
    return found


def stylesheet_addresses(css: str) -> list[str]:
    """The addresses in a stylesheet's ``url(...)``s (fonts, images), ``data:`` ones left out."""
    found = [next(group for group in match.groups() if group is not None) for match in _CSS_URL.finditer(css)]
    return [address for address in found if not address.startswith("data:")]
