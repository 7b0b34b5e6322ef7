"""What the sitemap and feed tests read: the addresses a sitemap lists, the entries a feed holds."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from django.test import Client

from movement_archive.syndication.sitemap_xml import SITEMAP, XHTML

ATOM = "http://www.w3.org/2005/Atom"


def sitemap_pages(client: Client) -> list[str]:
    """The addresses of every page of the sitemap, read from its index."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{SITEMAP}}}sitemapindex"
    return [loc.text for loc in root.iter(f"{{{SITEMAP}}}loc")]


def listed(client: Client) -> list[str]:
    """Every address the whole sitemap lists, following its index."""
    addresses = []
    for page in sitemap_pages(client):
        response = client.get(page)
        assert response.status_code == 200, page
        root = ET.fromstring(response.content)
        assert root.tag == f"{{{SITEMAP}}}urlset"
        addresses += [url.findtext(f"{{{SITEMAP}}}loc") for url in root.findall(f"{{{SITEMAP}}}url")]
    return addresses


def alternates(client: Client, section: str, page: int = 1) -> dict[str, dict[str, str]]:
    """For each address of one sitemap page, its language versions: {language: address}."""
    root = ET.fromstring(client.get(f"/sitemaps/{section}/{page}.xml").content)
    return {
        url.findtext(f"{{{SITEMAP}}}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{{{XHTML}}}link")
        }
        for url in root.findall(f"{{{SITEMAP}}}url")
    }


def feed_entries(client: Client, address: str) -> list[ET.Element]:
    response = client.get(address)
    assert response.status_code == 200, address
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{ATOM}}}feed"
    return root.findall(f"{{{ATOM}}}entry")


def titles(entries: list[ET.Element]) -> list[str]:
    return [entry.findtext(f"{{{ATOM}}}title") for entry in entries]
