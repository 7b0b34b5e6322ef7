"""The anonymous reader every export reads the archive as, and the part of the archive it may walk.

Exports never read models: they ask for pages and JSON twins, in process, through every middleware and view,
as a visitor who has not signed in and carries no cookie. Whatever the pages hide (drafts, hidden people,
interviews closed to the public, and whatever rule comes next), the exports hide too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from movement_archive.home.listings import LIST_PAGES

from .addresses import POSITION_ONLY, language_of, mirror_file
from .records import RECORD_PAGES

# The URL namespaces of the reading rooms. Search answers queries a static copy cannot; contributions are forms
# and private receipts; the back office is not for readers.
READING_ROOMS = frozenset(
    {"home", "organisations", "people", "places", "organising", "events", "documentary", "interviews", "sources"}
)
MEDIA_PAGES = frozenset({"interviews:recording"})
# Where a walk begins, in each language: the home page, then every list.
STARTS = LIST_PAGES


class ExportError(Exception):
    """A problem the person running the export can fix; the message names what is wrong."""


class AnonymousReader:
    """Fetches addresses of the archive as an anonymous visitor, at the archive's public address (SITE_URL)."""

    def __init__(self, site_url: str | None = None):
        parts = urlsplit(site_url or settings.SITE_URL)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        # Errors in a view are raised rather than mirrored as a 500 page: an export stops instead of lying.
        self.client = Client(HTTP_HOST=parts.netloc, secure=parts.scheme == "https", raise_request_exception=True)

    def get(self, address: str) -> HttpResponse:
        self.client.cookies = SimpleCookie()  # whatever a page set, the next request carries none of it
        # A page's language stays active after it in this thread: kept apart, so that the command speaks to its
        # operator in one language however many Spanish pages it reads.
        with override(get_language()):
            return self.client.get(address)

    def check(self) -> None:
        """Refuse to start when the archive does not answer its own public address."""
        response = self.get(reverse("home:home"))
        if response.status_code != 200:
            raise ExportError(
                _(
                    "the archive answers its own address %(origin)s with status %(status)s; check "
                    "MOVEMENT_ARCHIVE_SITE_URL and MOVEMENT_ARCHIVE_ALLOWED_HOSTS"
                )
                % {"origin": self.origin, "status": response.status_code}
            )


@dataclass(frozen=True)
class Target:
    """An address the export holds: the file it becomes, and what it is."""

    address: str  # path and the query that matters, as fetched
    file: str
    static: bool = False
    record: tuple[str, str] | None = None


class Scope:
    """Which addresses an export holds: the reading rooms in the chosen languages, and the static files."""

    def __init__(self, languages: tuple[str, ...], *, with_media: bool = False):
        self.languages = languages
        self.with_media = with_media
        self.codes = tuple(code for code, _name in settings.LANGUAGES)
        self.target = lru_cache(maxsize=8192)(self._target)

    def starts(self) -> list[str]:
        addresses = []
        for language in self.languages:
            with override(language):
                addresses += [reverse(name) for name in STARTS]
        return addresses

    def _target(self, path: str, query: str = "") -> Target | None:
        if path.startswith(settings.STATIC_URL):
            file = mirror_file(path)
            return Target(path, file, static=True) if file and not query else None
        file = mirror_file(path, query)
        language = language_of(path, self.codes, settings.LANGUAGE_CODE)
        if file is None or language not in self.languages:
            return None
        try:
            with override(language):
                match = resolve(path)
        except Resolver404:
            return None
        if match.namespace not in READING_ROOMS or (match.view_name in MEDIA_PAGES and not self.with_media):
            return None
        record = RECORD_PAGES.get(match.view_name)
        ref = (record[0], str(match.kwargs[record[1]])) if record else None
        return Target(_fetched(path, query), file, record=ref)


def _fetched(path: str, query: str) -> str:
    """The address to ask for: positions within a page and page 1 are the page itself."""
    kept = [(k, v) for k, v in parse_qsl(query) if k not in POSITION_ONLY and (k, v) != ("page", "1")]
    return f"{path}?{urlencode(kept)}" if kept else path


def twin_address(address: str) -> str:
    return f"{address}{'&' if '?' in address else '?'}format=json"
