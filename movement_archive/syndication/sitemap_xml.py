"""Pure writer of sitemaps (sitemaps.org 0.9) and sitemap indexes, with language alternates (xhtml:link).

Plain data in, UTF-8 bytes out; no Django, so it is tested on its own.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
# The most sitemaps an index may list (sitemaps.org): no section of the archive has a page past it.
MAX_SITEMAPS = 50_000
XHTML = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class Alternate:
    language: str  # a BCP 47 code, or "x-default"
    location: str


@dataclass(frozen=True)
class Url:
    location: str
    lastmod: datetime | None = None
    alternates: tuple[Alternate, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Sitemap:
    location: str
    lastmod: datetime | None = None


def w3c_datetime(moment: datetime) -> str:
    """UTC to the second, the form every sitemap reader accepts."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def urlset(urls: Iterable[Url]) -> bytes:
    root = ET.Element("urlset", {"xmlns": SITEMAP, "xmlns:xhtml": XHTML})
    for url in urls:
        element = ET.SubElement(root, "url")
        ET.SubElement(element, "loc").text = url.location
        if url.lastmod:
            ET.SubElement(element, "lastmod").text = w3c_datetime(url.lastmod)
        for alternate in url.alternates:
            ET.SubElement(
                element,
                "xhtml:link",
                {"rel": "alternate", "hreflang": alternate.language, "href": alternate.location},
            )
    return _bytes(root)


def sitemap_index(sitemaps: Iterable[Sitemap]) -> bytes:
    root = ET.Element("sitemapindex", {"xmlns": SITEMAP})
    for sitemap in sitemaps:
        element = ET.SubElement(root, "sitemap")
        ET.SubElement(element, "loc").text = sitemap.location
        if sitemap.lastmod:
            ET.SubElement(element, "lastmod").text = w3c_datetime(sitemap.lastmod)
    return _bytes(root)


def _bytes(root: ET.Element) -> bytes:
    # Names are written with their prefixes as they are, and the namespaces declared on the root by hand: the same
    # document as ElementTree's namespace handling would give, without its process-wide table of prefixes.
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
