"""Timestamps as caption files and typed transcripts write them, read into whole milliseconds and written back.

Pure code: no Django imports. Accepted shapes (``H`` is one or more digits, so recordings past 99 hours work):

- ``HH:MM:SS.mmm`` (WebVTT) and ``HH:MM:SS,mmm`` (SRT);
- ``MM:SS.mmm``: WebVTT allows the hours to be left out, and many real files do;
- ``HH:MM:SS`` and ``MM:SS``: the stamps of a typed transcript, with no fraction;
- with ``short_fraction=True`` the fraction may have one to three digits (``00:01:02.5`` is 62,500 ms), as
  people typing stamps by hand write it.

Minutes and seconds are always two digits and below 60. Anything else is a ``FormatError`` that says which
shapes were expected, with the line number the caller passes.

No time past ``MAX_MS`` (596 hours and a half) is read: the archive keeps times in whole milliseconds in columns
that PostgreSQL holds as 32-bit integers, and a recording of three weeks is a typing slip, not an interview.
Bounding every time here makes a file past it refused the same way on SQLite and PostgreSQL, naming the line.
"""

from __future__ import annotations

import re

from .document import FormatError

# One pattern for every shape: the separators and fraction length are checked after matching, so that the
# error for "00:01:02.5" in a WebVTT file can say what is wrong rather than only that it did not match.
_TIMESTAMP = re.compile(r"(?:(?P<hours>\d+):)?(?P<minutes>\d{2}):(?P<seconds>\d{2})(?:(?P<sep>[.,])(?P<fraction>\d+))?")

EXPECTED = "a time such as 01:02:03.456, 02:03.456, 01:02:03,456 or 01:02:03"
MAX_MS = 2**31 - 1  # the largest value of a PostgreSQL integer column: 596:31:23.647


def check_bound(ms: int, text: str, *, line: int | None = None, element: str | None = None) -> int:
    """``ms``, if the archive can keep it; otherwise a ``FormatError`` naming the time as written, and where."""
    if ms > MAX_MS:
        raise _too_late(text, line=line, element=element)
    return ms


def _too_late(text: str, *, line: int | None = None, element: str | None = None) -> FormatError:
    return FormatError(
        f"{text[:40]!r} is later than the longest recording the archive keeps ({clock(MAX_MS)})",
        line=line,
        element=element,
    )


def parse(text: str, *, line: int | None = None, short_fraction: bool = False) -> int:
    """Read one timestamp into whole milliseconds; ``line`` is reported in the error if it is not one."""
    match = _TIMESTAMP.fullmatch(text)
    if not match:
        raise FormatError(f"expected {EXPECTED}; found {text!r}", line=line)
    fraction = match["fraction"] or ""
    if fraction and not (len(fraction) == 3 or (short_fraction and len(fraction) < 3)):
        wanted = "one to three digits" if short_fraction else "exactly three digits"
        raise FormatError(f"the milliseconds of {text!r} must be {wanted}", line=line)
    minutes, seconds = int(match["minutes"]), int(match["seconds"])
    if minutes >= 60:
        raise FormatError(f"the minutes of {text!r} must be below 60", line=line)
    if seconds >= 60:
        raise FormatError(f"the seconds of {text!r} must be below 60", line=line)
    if len(match["hours"] or "") > 6:  # no need to turn a string of digits of any length into a number
        raise _too_late(text, line=line)
    hours = int(match["hours"] or 0)
    # ljust turns ".5" into 500 ms, not 5 ms: a fraction is a decimal part of a second.
    millis = int(fraction.ljust(3, "0")) if fraction else 0
    return check_bound(((hours * 60 + minutes) * 60 + seconds) * 1000 + millis, text, line=line)


def _parts(ms: int) -> tuple[int, int, int, int]:
    if ms < 0:
        raise ValueError(f"a time cannot be negative: {ms} ms")
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return hours, minutes, seconds, millis


def vtt(ms: int) -> str:
    """``HH:MM:SS.mmm``, the WebVTT form; hours grow past two digits when they need to."""
    hours, minutes, seconds, millis = _parts(ms)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def srt(ms: int) -> str:
    """``HH:MM:SS,mmm``, the SRT form."""
    hours, minutes, seconds, millis = _parts(ms)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d},{millis:03d}"


def clock(ms: int) -> str:
    """``HH:MM:SS``, the form of a typed stamp; the part of a second is dropped (rounded down)."""
    hours, minutes, seconds, _ = _parts(ms)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}"
