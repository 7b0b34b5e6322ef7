"""What the one-pass search over every kind of record shares between the backend's two modules: the match
expression, the shape of what it finds and the limit of ranking (the why is in ``backends.py``).

Its own module so that ``sqlite.py`` reads these without importing ``backends.py``, which imports it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .text import MIN_PREFIX

# Above this many matching entries, a query is not ranked by relevance (see ``backends.py``).
RANK_LIMIT = 5000
# Weights of the FTS5 columns in Wagtail's table, in their order: autocomplete (names), body, title.
WEIGHTS = (4.0, 1.0, 2.0)


@dataclass(frozen=True)
class FoundEntries:
    """Index entries matching a query, best first: (content type id, object id) pairs."""

    entries: list[tuple[int, str]]
    # Matching entries of any visibility, counted up to RANK_LIMIT + 1: an upper bound of what a reader may see
    total: int
    ranked: bool  # False: too many matches to rank, so the newest entries came first


def match_expression(terms: Iterable[str], any_word: bool) -> str:
    """An FTS5 query for folded words: each quoted, so no syntax gets through; the last one also as a prefix."""
    terms = list(terms)
    quoted = [f'"{term}"' for term in terms]
    if terms and len(terms[-1]) >= MIN_PREFIX:  # shorter terms match whole words only, as snippets mark them
        quoted[-1] += "*"
    return f" {'OR' if any_word else 'AND'} ".join(quoted)
