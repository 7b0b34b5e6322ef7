"""The sitemap's sections: which pages an anonymous reader can open, a page of the sitemap at a time.

Each page of the archive is listed once per interface language (English at the root, Spanish under /es/), and each
listing carries the full set of its language versions as alternates, with English as the default. Search engines
ask for exactly that: every language version listed, each naming all the others and itself.

Record sections read ``kinds.Kind.records()``, so what is listed is what ``visible_to(None)`` allows. A page of the
sitemap holds ``RECORDS_PER_PAGE`` records, read in primary-key order with no per-record query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import translation

from movement_archive.home.listings import LIST_PAGES
from movement_archive.places.queries import countries_in_archive, country_regions

from . import kinds
from .sitemap_xml import Alternate, Url

# 2,000 records make 4,000 addresses with their alternates, about 2 MB: far under the 50,000 addresses and 50 MB
# a sitemap may hold, and quick to build; 100,000 organisations take 50 pages.
RECORDS_PER_PAGE = 2000


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def in_every_language(
    absolute: Callable[[str], str], path_in: Callable[[], str], lastmod: datetime | None
) -> list[Url]:
    """One ``Url`` per language for one page; ``path_in()`` is called with each language active."""
    paths = {}
    for language in languages():
        with translation.override(language):
            paths[language] = absolute(path_in())
    alternates = tuple(Alternate(language, location) for language, location in paths.items())
    alternates += (Alternate("x-default", paths[settings.LANGUAGE_CODE]),)
    return [Url(location, lastmod, alternates) for location in paths.values()]


@dataclass(frozen=True)
class Summary:
    pages: int
    lastmod: datetime | None


class RecordSection:
    """The pages of the records of one kind."""

    def __init__(self, kind: kinds.Kind):
        self.kind = kind

    def summary(self) -> Summary:
        """How many sitemap pages, and the latest change. One query (two for episodes, which find their series)."""
        found = self.kind.records().order_by().aggregate(count=Count("pk"), latest=Max("updated_at"))
        return Summary(-(-found["count"] // RECORDS_PER_PAGE), found["latest"])

    def urls(self, page: int, absolute: Callable[[str], str]) -> list[Url]:
        start = (page - 1) * RECORDS_PER_PAGE
        records = self.kind.records()[start : start + RECORDS_PER_PAGE]
        urls: list[Url] = []
        for record in records:
            urls += in_every_language(absolute, lambda record=record: self.kind.address(record), record.updated_at)
        return urls


class PlacesSection:
    """The countries the archive holds records about, and the regions they are in."""

    def summary(self) -> Summary:
        return Summary(1 if self._countries() else 0, None)

    def urls(self, page: int, absolute: Callable[[str], str]) -> list[Url]:
        if page != 1:
            return []
        countries = self._countries()
        regions = {region.slug: region for country in countries for region in country_regions(country)}
        urls: list[Url] = []
        for place in (*countries, *regions.values()):
            urls += in_every_language(absolute, place.get_absolute_url, None)
        return urls

    def _countries(self):
        # The places list's own query, through visible_to(None); kept until the archive changes.
        return [row.country for row in countries_in_archive(None)]


class ListSection:
    """The home page and the list pages."""

    def summary(self) -> Summary:
        return Summary(1, None)

    def urls(self, page: int, absolute: Callable[[str], str]) -> list[Url]:
        if page != 1:
            return []
        urls: list[Url] = []
        for name in LIST_PAGES:
            urls += in_every_language(absolute, lambda name=name: reverse(name), None)
        return urls


def sections() -> dict[str, ListSection | PlacesSection | RecordSection]:
    return {
        "pages": ListSection(),
        **{kind.name: RecordSection(kind) for kind in (*kinds.HARVESTED, kinds.ORGANISING_MODELS)},
        "places": PlacesSection(),
    }
