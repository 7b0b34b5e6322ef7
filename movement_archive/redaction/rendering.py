"""A text with redacted spans written out for a reader: with markers, with the originals marked, or stripped.

Pure code: no Django imports. The marker is given by the caller (it is translated); whatever a span holds, it
becomes the same marker, so that neither its length nor its words can be told from what a reader is given.
"""

from __future__ import annotations

from collections.abc import Callable

from .markup import CLOSE, OPEN, Plain, Redacted, has_markup, parse


def render(text: str, *, plain: Callable[[str], str], redacted: Callable[[Redacted], str]) -> str:
    """The text with each plain part written by ``plain`` and each redacted span by ``redacted``."""
    return "".join(plain(part.text) if isinstance(part, Plain) else redacted(part) for part in parse(text))


def withheld(text: str, marker: str) -> str:
    """For a reader who may not see the originals: each span replaced by ``marker``."""
    if not has_markup(text):
        return text
    return render(text, plain=_same, redacted=lambda span: marker)


def marked(text: str) -> str:
    """For a reader who may: the originals, each span in well-formed markup (a badly formed text comes out mended,
    read as ``parse`` reads it)."""
    if not has_markup(text):
        return text
    return render(text, plain=_same, redacted=_as_markup)


def public(text: str) -> str:
    """The text without its spans, for the search index: nothing of a span, not even a marker, is left to find.

    A span between two words leaves a space, so that the words around it are not run together into a new one.
    """
    if not has_markup(text):
        return text
    pieces: list[str] = []
    after_span = False
    for part in parse(text):
        if isinstance(part, Redacted):
            after_span = True
            continue
        if after_span and pieces and not pieces[-1][-1:].isspace() and not part.text[:1].isspace():
            pieces.append(" ")
        pieces.append(part.text)
        after_span = False
    return "".join(pieces)


def spans(text: str) -> list[Redacted]:
    """The redacted spans of a text, in order."""
    return [part for part in parse(text) if isinstance(part, Redacted)]


def _same(text: str) -> str:
    return text


def _as_markup(span: Redacted) -> str:
    opening = f'[redact reason="{span.reason}"]' if span.reason else OPEN
    return f"{opening}{span.text}{CLOSE}"
