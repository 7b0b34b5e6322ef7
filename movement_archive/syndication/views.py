"""The sitemap index, its pages, and robots.txt: read by machines, public, anonymous, with no cookie."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from . import sitemap_xml, sitemaps

XML = "application/xml; charset=utf-8"


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """One entry per page of each section. One query per kind of record, however many records."""
    entries = []
    for name, section in sitemaps.sections().items():
        summary = section.summary()
        for page in range(1, summary.pages + 1):
            location = request.build_absolute_uri(reverse("syndication:sitemap", args=[name, page]))
            entries.append(sitemap_xml.Sitemap(location, summary.lastmod))
    return HttpResponse(sitemap_xml.sitemap_index(entries), content_type=XML)


@require_safe
def sitemap_page(request: HttpRequest, section: str, page: int) -> HttpResponse:
    found = sitemaps.sections().get(section)
    # A sitemap index lists at most 50,000 sitemaps, so no section has a page past that: such a number is not
    # asked of the database, where one past its integers (the address takes any digits) made the OFFSET a 500.
    possible = found is not None and 1 <= page <= sitemap_xml.MAX_SITEMAPS
    urls = found.urls(page, request.build_absolute_uri) if possible else []
    if not urls:
        raise Http404("No such page of the sitemap.")
    return HttpResponse(sitemap_xml.urlset(urls), content_type=XML)


# Pages not worth a crawler's visit, or not for crawlers at all: the back office, contributors' private receipts
# (their addresses are secrets handed to one contributor; they are also sent with "noindex"), and search results,
# which are endless combinations of what the list pages already reach.
DISALLOWED = ("/admin/", "/contribute/receipt/", "/es/contribute/receipt/", "/search/", "/es/search/")


@require_safe
def robots(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('syndication:sitemap_index'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
