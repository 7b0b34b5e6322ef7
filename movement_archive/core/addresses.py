"""Addresses of records by key, reversed once per language rather than once per record.

A list page links each of its rows, and the rows' organisations and countries: about 170 addresses on a page of
the timeline. Django's ``reverse`` walks the URL resolver for each, 20 to 30 microseconds every time, while the
address of one record differs from the next only by its key.
"""

from __future__ import annotations

import functools
import re

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# Keys that ``reverse`` would put in the address as they are: a slug has nothing to quote, and matches every
# route a record's key is given to (``<slug:key>``, and a country's two letters).
_PLAIN = re.compile(r"[-a-zA-Z0-9_]+")
# Two keys that every such route accepts, to find where the key goes and check it is the only place it goes.
_MARKS = ("zz", "yy")


def keyed_url(viewname: str, key: str) -> str:
    """``reverse(viewname, args=[key])``, for a route that takes a record's key as its one argument.

    The address is reversed once for each language, script prefix (SCRIPT_NAME) and URL conf, with a stand-in key,
    and the record's key is put in its place. A key that is not a plain slug, and a route whose address cannot be
    split around its key, are reversed as usual, so the result and its errors are those of ``reverse``.
    """
    parts = _around_key(viewname, get_language(), get_script_prefix(), get_urlconf())
    if parts is None or not isinstance(key, str) or not _PLAIN.fullmatch(key):
        return reverse(viewname, args=[key])
    return f"{parts[0]}{key}{parts[1]}"


@functools.lru_cache(maxsize=256)
def _around_key(viewname: str, language: str | None, prefix: str, urlconf) -> tuple[str, str] | None:
    """The address before and after the key; None when a second stand-in does not land in the same place.

    ``language``, ``prefix`` and ``urlconf`` are what ``reverse`` reads from the request (the language prefix of
    ``i18n_patterns``, SCRIPT_NAME, ``request.urlconf``); they are arguments only so that each has its entry.
    """
    first, second = _MARKS
    head, _, tail = reverse(viewname, args=[first]).rpartition(first)
    if reverse(viewname, args=[second]) != f"{head}{second}{tail}":
        return None
    return head, tail
