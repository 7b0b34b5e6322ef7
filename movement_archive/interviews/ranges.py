"""HTTP byte ranges (RFC 9110, section 14) for serving recordings: a player seeks by asking for a stretch of bytes.

Pure code. One range per request is served; a request for several gets the first, which every media player
accepts (they ask for one). Suffix ranges ("bytes=-500", the last 500 bytes) and open ranges ("bytes=100-") are
understood.
"""

from __future__ import annotations

import re

_RANGE = re.compile(r"^\s*(\d*)\s*-\s*(\d*)\s*$")


class Unsatisfiable(ValueError):
    """The range asked for lies outside the file: the answer is 416 with the file's size."""


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The first and last byte (inclusive) asked for by a Range header, or None to send the whole file.

    A header that is not a bytes range, or is malformed, is ignored (None), as RFC 9110 asks of servers.
    """
    if not header:
        return None
    unit, _, ranges = header.partition("=")
    if unit.strip().lower() != "bytes" or not ranges:
        return None
    match = _RANGE.match(ranges.split(",")[0])
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0 or size == 0:
            raise Unsatisfiable(f"bytes=-{last}")
        return max(0, size - length), size - 1
    start = int(first)
    end = size - 1 if last == "" else min(int(last), size - 1)
    if last != "" and int(last) < start:
        return None  # invalid, so ignored
    if start >= size:
        raise Unsatisfiable(f"bytes={first}-{last}")
    return start, end
