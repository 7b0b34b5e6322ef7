r"""What the WebVTT and SRT readers and writers share: character references, cue text kept whole, missing ends.

Pure code: no Django imports.

Character references. Both readers decode ``&name;`` for every HTML named reference (``&amp; &lt; &gt; &nbsp;
&lrm; &rlm;`` and the rest) and numeric ones (``&#1575;``, ``&#x627;``). A reference that names nothing, or
a number that is no Unicode scalar value, is kept as written: no character of the file is lost. Without the
semicolon nothing is decoded, so "AT&T" and "&copy" stay as they are.

Blank lines in a cue. A line that is empty or holds only spaces and tabs ends a cue in both formats, so a
writer cannot put one inside a cue's text. ``cue_lines`` writes a line break as the reference ``&#10;``,
joining the lines on either side of it into one, whenever the line after it is blank or the line before it is a
blank first line ("a\n\nb" is written "a&#10;" then "b"; "\nb" is written "&#10;b"). A text that is nothing but
spaces and tabs has them written as ``&#32;`` and ``&#9;``; a carriage return is written ``&#13;`` (a bare one
would become a line break when the file is decoded). The readers decode these like any other reference, so
the text comes back exactly; elsewhere each line of the text stays a line of the file.
"""

from __future__ import annotations

import bisect
import re
from html.entities import html5
from operator import attrgetter

from .document import Segment

# At most 8 decimal or 6 hexadecimal digits, the most a character needs: a longer reference is left as text,
# as a browser leaves it, rather than turned into a number past any character (or past what int() reads).
REFERENCE = re.compile(r"&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]*));")

Line = tuple[int, str]  # a line of a file with its 1-based number

DEFAULT_DURATION_MS = 1000  # the end given to the last of a run of segments that have no end


def decode_references(text: str) -> str:
    return REFERENCE.sub(_reference, text)


def _reference(match: re.Match[str]) -> str:
    decimal, hexadecimal, name = match.groups()
    if name is not None:
        return html5.get(name + ";", match[0])
    number = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return match[0]
    return chr(number)


def is_blank(line: str) -> bool:
    """The readers' test for a line that separates cues."""
    return line.strip(" \t") == ""


def blocks(lines: list[str], position: int) -> list[list[Line]]:
    """The runs of non-blank lines from ``position`` on, each line with its 1-based number."""
    found: list[list[Line]] = []
    current: list[Line] = []
    for number, line in enumerate(lines[position:], start=position + 1):
        if is_blank(line):
            if current:
                found.append(current)
            current = []
        else:
            current.append((number, line))
    if current:
        found.append(current)
    return found


def cue_lines(escaped: str) -> list[str]:
    """The physical lines for cue text that is already escaped for its format; none for an empty text."""
    if escaped == "":
        return []
    # Lines to be joined are gathered first and joined once: adding to a string again and again would take
    # quadratic time on a text of many blank lines.
    groups: list[list[str]] = []
    for line in escaped.replace("\r", "&#13;").split("\n"):
        if groups and (_is_blank_first_line(groups) or is_blank(line)):
            groups[-1].append(line)
        else:
            groups.append([line])
    lines = ["&#10;".join(group) for group in groups]
    # Only a text with no line break and nothing but spaces and tabs can still be blank here.
    if is_blank(lines[0]):
        lines[0] = lines[0].replace(" ", "&#32;").replace("\t", "&#9;")
    return lines


def _is_blank_first_line(groups: list[list[str]]) -> bool:
    # A group of more than one line is written with "&#10;" in it, so it is never blank.
    return len(groups) == 1 and len(groups[0]) == 1 and is_blank(groups[0][0])


def ends(segments: list[Segment]) -> list[int]:
    """The end of each segment to write: its own, or else the next later start among all, or a second on.

    "Next later" rather than "next in the list": two people stamped at the same second should not give the
    first of them a cue of no length, and a list out of order should not give a cue that ends before it starts.
    """
    starts = sorted({segment.start_ms for segment in segments})
    result = []
    for segment in segments:
        if segment.end_ms is not None:
            result.append(segment.end_ms)
            continue
        later = bisect.bisect_right(starts, segment.start_ms)
        result.append(starts[later] if later < len(starts) else segment.start_ms + DEFAULT_DURATION_MS)
    return result


def sorted_by_start(segments: list[Segment]) -> list[Segment]:
    # sorted() is stable: cues that start together keep the order of the file.
    return sorted(segments, key=attrgetter("start_ms"))
