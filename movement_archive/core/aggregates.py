"""Figures over the whole archive (how many records per country, per organising model...), kept until it changes.

Counting every organisation, person and event of every country reads more than a million rows once the
archive is large, yet the figures change only when an editor publishes, unpublishes or deletes something.
So they are computed once and kept in Django's cache under the archive's version number, which every
change to a record moves on (see ``apps.CoreConfig.ready``); bulk writers call ``archive_changed`` themselves.

Only what the public sees is kept: a signed-in reader may see more (researchers see hidden people), so their
figures are computed for them each time. With a cache shared by the app servers (database or Redis), every
server sees a change at once; with the default per-process memory cache, another process sees it once its
copy of the version expires, after ``VERSION_SECONDS`` at most.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.utils.translation import get_language

T = TypeVar("T")

_VERSION = "archive:version"
VERSION_SECONDS = 300
FIGURES_SECONDS = 24 * 60 * 60  # a day: the version makes changes show at once, this only frees memory
_MISSING = object()


def archive_version() -> int:
    version = cache.get(_VERSION)
    if version is None:
        # Any number not used before in this cache will do: a fresh one after a restart or an expiry.
        version = time.time_ns()
        cache.set(_VERSION, version, VERSION_SECONDS)
    return version


def archive_changed(**_signal_arguments) -> None:
    """Make every kept figure stale. Connected to the signals of record changes; also a signal receiver."""
    cache.set(_VERSION, time.time_ns(), VERSION_SECONDS)


def kept(name: str, user, compute: Callable[[], T]) -> T:
    """``compute()`` for this reader, from the cache when the reader sees what the public sees.

    ``name`` must say everything the figures depend on besides the archive and the language (a country's code,
    a filter...). The value must be picklable: plain data, model instances or lists of them.
    """
    if user is not None and user.is_authenticated:
        return compute()
    # Hashed: names hold filter values (spaces, any script), which some cache backends refuse in keys.
    digest = hashlib.sha1(name.encode(), usedforsecurity=False).hexdigest()
    key = f"archive:{archive_version()}:{get_language()}:{digest}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, FIGURES_SECONDS)
    return value


class Pages:
    """A queryset as the paginator reads it: its count kept like the figures above, its pages in two steps.

    Counting a filtered list of 100,000 organisations reads tens of thousands of rows, on every page of it, so
    the count is kept; ``name`` must identify the filters (not the page or the order). A page is read as its
    primary keys first, which an index can answer alone, then as the rows of those keys: sorting whole rows
    would read every wide row that passes the filters, to keep fifty of them. The rows are read with the columns
    the queryset asks for (``only``) and its prefetches.
    """

    ordered = True  # the paginator warns about unordered lists; the queryset given must be ordered

    def __init__(self, queryset, name: str, user):
        self.queryset, self.name, self.user = queryset, name, user

    def count(self) -> int:
        return kept(f"count:{self.name}", self.user, self.queryset.count)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self.queryset[index]
        keys = list(self.queryset.values_list("pk", flat=True)[index])
        rows = self.queryset.model._default_manager.filter(pk__in=keys)
        rows = rows.prefetch_related(*self.queryset._prefetch_related_lookups)
        # The columns the queryset reads (``only``, ``defer``) are the rows' too: building a record from its wide
        # and editorial columns costs more than reading them.
        rows.query.deferred_loading = self.queryset.query.deferred_loading
        position = {key: n for n, key in enumerate(keys)}
        return sorted(rows, key=lambda row: position[row.pk])
