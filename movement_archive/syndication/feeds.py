"""Atom feeds of the newest published records: across the archive, and for some kinds of record alone.

Entries are ``kinds.Entry``: the records an anonymous reader may open, with the title, dates and short summary
their pages show. Feeds are served in each interface language (``/feeds/...`` and ``/es/feeds/...``), so that
an entry links to the page in the language the feed was found in.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from . import kinds

ENTRIES = 30
# The page each kind's feed is the feed of.
LIST_PAGES = {
    "organisations": "organisations:list",
    "events": "events:timeline",
    "episodes": "documentary:list",
    "interviews": "interviews:list",
}


def newest(kind: kinds.Kind, limit: int = ENTRIES) -> list[kinds.Entry]:
    """The ``limit`` records of ``kind`` published most recently, newest first. One query."""
    records = kind.records().order_by("-first_published_at", "-pk")[:limit]
    return [kind.entry(record) for record in records]


def _by_publication(entry: kinds.Entry) -> tuple[datetime, datetime]:
    return (entry.published or entry.updated, entry.updated)


class RecentAdditions(Feed):
    """The newest published records of every kind harvested, newest first. One query per kind."""

    feed_type = Atom1Feed

    def title(self) -> str:
        return _("Movement Archive: recent additions")

    def subtitle(self) -> str:
        return _("Records newly published in the archive of the movement of people who use drugs.")

    def link(self) -> str:
        return reverse("home:home")

    def items(self) -> list[kinds.Entry]:
        entries = [entry for kind in kinds.HARVESTED for entry in newest(kind)]
        return sorted(entries, key=_by_publication, reverse=True)[:ENTRIES]

    def item_title(self, entry: kinds.Entry) -> str:
        return entry.title

    def item_link(self, entry: kinds.Entry) -> str:
        return entry.path

    def item_description(self, entry: kinds.Entry) -> str | None:
        # Atom's summary is sent as HTML; escaped, the plain text the page shows reads as itself.
        return escape(entry.summary) if entry.summary else None

    def item_pubdate(self, entry: kinds.Entry) -> datetime | None:
        return entry.published

    def item_updateddate(self, entry: kinds.Entry) -> datetime:
        return entry.updated


class KindFeed(RecentAdditions):
    """The newest published records of one kind (``kinds.FED``)."""

    def get_object(self, request: HttpRequest, kind: str) -> kinds.Kind:
        found = {k.name: k for k in kinds.FED}.get(kind)
        if found is None:
            raise Http404("No feed of that kind.")
        return found

    def title(self, kind: kinds.Kind) -> str:
        return _("Movement Archive: %(kind)s") % {"kind": kind.label}

    def subtitle(self, kind: kinds.Kind) -> str:
        return _("%(kind)s newly published in the archive, newest first.") % {"kind": kind.label}

    def link(self, kind: kinds.Kind) -> str:
        return reverse(LIST_PAGES[kind.name])

    def items(self, kind: kinds.Kind) -> list[kinds.Entry]:
        return newest(kind)
