"""Words, accent folding, name matching and highlighted snippets for search results.

Pure code: no Django imports, so it is tested on plain strings. Matching here never decides *whether* a
record is found (the search backend does that); it ranks what was found and marks the words that matched.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from movement_archive.core.folding import fold  # the same folding as the index's copy

WORD = re.compile(r"\w+")

# Terms this short match whole words only: "of" should not light up "often".
MIN_PREFIX = 3

SNIPPET_WORDS = 32
_LEAD_WORDS = 6  # words of context kept before the first match
ELLIPSIS = "…"


def words(text: str) -> list[str]:
    """The words of a text, punctuation dropped: what the search backends are given, so no syntax leaks in."""
    return WORD.findall(text)


def folded_terms(query: str) -> tuple[str, ...]:
    """The distinct folded words of a query, in order."""
    return tuple(dict.fromkeys(fold(word) for word in words(query)))


def word_matches(folded_word: str, term: str) -> bool:
    """A folded word of a text matches a folded query term when equal, or when it starts with a long enough term."""
    return folded_word == term or (len(term) >= MIN_PREFIX and folded_word.startswith(term))


# Ranking by names -------------------------------------------------------------------------------------------

EXACT_NAME, ALL_WORDS_IN_NAME, ALL_PREFIXES_IN_NAME, ELSEWHERE = range(4)


def name_tier(terms: tuple[str, ...], names: list[str]) -> int:
    """How well a record's names (title, acronym, other names) answer the query; lower is better.

    EXACT_NAME: the query is one of the names ("VANDU", "Danish Drug Users Union"); ALL_WORDS_IN_NAME: every
    term is a whole word of one name; ALL_PREFIXES_IN_NAME: every term begins a word of one name ("junkie"
    in Junkiebond); ELSEWHERE: the match is in the description or spread over several names.
    """
    if not terms:
        return ELSEWHERE
    best = ELSEWHERE
    for name in names:
        name_words = [fold(w) for w in words(name)]
        if not name_words:
            continue
        if tuple(name_words) == terms:
            return EXACT_NAME
        if all(term in name_words for term in terms):
            best = min(best, ALL_WORDS_IN_NAME)
        elif all(any(word_matches(w, term) for w in name_words) for term in terms):
            best = min(best, ALL_PREFIXES_IN_NAME)
    return best


# Snippets ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Snippet:
    """A short passage of a record's text: ``text`` plain, ``html`` escaped with <mark> around matched words."""

    text: str
    html: str


EMPTY_SNIPPET = Snippet("", "")


def _tokens(text: str, terms: tuple[str, ...]) -> list[tuple[int, int, str | None]]:
    """(start, end, matched term or None) for each word of the text."""
    found = []
    for match in WORD.finditer(text):
        folded = fold(match.group())
        term = next((t for t in terms if word_matches(folded, t)), None)
        found.append((match.start(), match.end(), term))
    return found


def match_count(text: str, terms: tuple[str, ...]) -> int:
    """How many distinct terms appear in the text."""
    return len({term for _, _, term in _tokens(text, terms) if term})


def best_text(texts: list[str], terms: tuple[str, ...]) -> str:
    """The text that contains the most distinct terms; the first non-empty one when none contains any."""
    candidates = [t for t in texts if t and t.strip()]
    if len(candidates) < 2:  # nothing to compare: a transcript segment has one text, and counting cost a search 0.4 ms
        return candidates[0] if candidates else ""
    # max() keeps the first of equals, so the main text (listed first) wins ties.
    return max(candidates, key=lambda t: match_count(t, terms))


def _window(tokens: list[tuple[int, int, str | None]], size: int) -> tuple[int, int]:
    """The first and last-plus-one token of the passage showing the most distinct terms (earliest on ties)."""
    hits = [i for i, (_, _, term) in enumerate(tokens) if term]
    if not hits:
        return 0, min(size, len(tokens))
    best_start, best_score = 0, (-1, -1)
    for hit in hits:
        start = max(0, hit - _LEAD_WORDS)
        inside = [tokens[i][2] for i in range(start, min(start + size, len(tokens))) if tokens[i][2]]
        score = (len(set(inside)), len(inside))
        if score > best_score:
            best_start, best_score = start, score
    return best_start, min(best_start + size, len(tokens))


def snippet(text: str, terms: tuple[str, ...], size: int = SNIPPET_WORDS) -> Snippet:
    """A passage of about ``size`` words around the query's terms, plain and highlighted.

    The HTML is built from escaped pieces of the text with literal <mark> tags between them, so nothing
    the text contains is ever read as markup.
    """
    text = " ".join(text.split())
    tokens = _tokens(text, terms)
    if not tokens:
        return Snippet(text, html.escape(text)) if text else EMPTY_SNIPPET
    first, last = _window(tokens, size)
    begin = 0 if first == 0 else tokens[first][0]
    end = len(text) if last == len(tokens) else tokens[last - 1][1]
    lead = ELLIPSIS if begin > 0 else ""
    tail = ELLIPSIS if end < len(text) else ""

    pieces, position = [], begin
    for start, stop, term in tokens[first:last]:
        if term:
            pieces.append(html.escape(text[position:start]))
            pieces.append(f"<mark>{html.escape(text[start:stop])}</mark>")
            position = stop
    pieces.append(html.escape(text[position:end]))
    return Snippet(f"{lead}{text[begin:end]}{tail}", f"{lead}{''.join(pieces)}{tail}")
