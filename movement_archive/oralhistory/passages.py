"""Restricted passages of a recording: which timed parts a reader may not have, in milliseconds.

A passage is closed to a reader as a half-open range [start, end). A segment of speech, an index point or a caption
belongs to a closed passage when any of it falls inside one: a sentence that runs into a restricted passage is
withheld whole rather than cut mid-word.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Range = tuple[int, int]


def merged(ranges: Iterable[Range]) -> list[Range]:
    """The ranges sorted, with overlapping and touching ones joined."""
    result: list[list[int]] = []
    for start, end in sorted(ranges):
        if end <= start:
            continue
        if result and start <= result[-1][1]:
            result[-1][1] = max(result[-1][1], end)
        else:
            result.append([start, end])
    return [(start, end) for start, end in result]


def touches(start: int, end: int | None, closed: Sequence[Range]) -> bool:
    """Whether the stretch [start, end) (a moment, when ``end`` is None) falls in any closed range."""
    stop = end if end is not None and end > start else start + 1
    return any(start < close_end and stop > close_start for close_start, close_end in closed)


def open_parts(items: Iterable, closed: Sequence[Range], *, start=lambda item: item.start_ms, end=lambda item: None):
    """The items outside every closed range, in their order."""
    if not closed:
        return list(items)
    return [item for item in items if not touches(start(item), end(item), closed)]
