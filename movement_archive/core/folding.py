"""Accent folding, for the copy of a record's names and texts that every search backend can match typed plainly.

Pure code: no Django imports. In core because every editorial record indexes a folded copy (``models.py``), and
core stands on no app; the search app folds query words with the same ``fold`` (``search/text.py``).
"""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter and an accent, folded as readers type them.
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d"}
    | {"ł": "l", "Ł": "l", "ı": "i", "þ": "th", "Þ": "th"}
)


def fold(text: str) -> str:
    """Lower case without accents: "Schäffer" and "SCHAFFER" both become "schaffer", "Jørgen" "jorgen"."""
    if text.isascii():  # most words: nothing to decompose, and ASCII's casefold is its lower case
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def folded_copy(texts) -> str:
    """The texts that carry accents, folded, for a second copy in the search index; "" when none does.

    PostgreSQL's full-text search keeps accents, so "Gonzalez" would not find "González" from the text alone;
    with the folded copy indexed too, the folded query words match it. Texts without accents add nothing, so
    the index and the ranking are unchanged for them.
    """
    return " ".join(folded for t in texts if t and (folded := fold(t)) != t.casefold())
