"""SubRip (SRT) captions read into segments and written from them.

Pure code: no Django imports. SRT has no standard, so reading is forgiving where files in the wild differ and
strict only where words would otherwise be lost:

- cues are blocks separated by one or more blank lines (empty, or only spaces and tabs);
- the sequence number before the timing line may be missing, wrong or repeated: it is ignored. Any other line
  before the timing line is a ``FormatError``, as is a block with text and no timing line (a blank line ends
  a cue, so text after one belongs to no cue); a block of nothing but a number is a stray sequence number;
- the timing line is ``start --> end``, with ``,`` or ``.`` before the milliseconds and hours that may be left
  out; anything after the end time (position coordinates, notes) is ignored. A time that cannot be read, or
  an end before the start, is a ``FormatError`` with the line number;
- a later line of a cue that holds ``-->`` starts a new cue (the digits-only line just before it, if any, is
  its sequence number);
- the tags ``<i> <b> <u> <font ...>`` and their end tags (any case) are removed and their text kept; character
  references are decoded as ``cues.py`` describes; lines of a cue are joined with ``\\n``;
- SRT has no speakers: every segment's speaker is "". Cues are sorted by start (stable), never merged.

Writing numbers the cues from 1 in order of start and writes times as ``HH:MM:SS,mmm``. The speaker is not
written (SRT has no place for it). Text is escaped only where a reader would misread it, so the file stays
plain for players that show it literally: ``&`` where it would begin a character reference, ``<`` where it
would begin one of the tags above, ``>`` after ``--``. Blank lines and carriage returns in a text, and
segments without an end, are handled as in WebVTT (see ``cues.py``).
"""

from __future__ import annotations

import re

from . import cues, timecodes
from .document import FormatError, Segment
from .text import normalise

_TIMING = re.compile(r"[ \t]*(\S+?)[ \t]*-->[ \t]*([0-9:.,]+)(.*)")
_SEQUENCE = re.compile(r"[ \t]*\d+[ \t]*")
_TAG = re.compile(r"</?(?:i|b|u|font)(?=[\s>])[^<>]*>", re.IGNORECASE)
# Each alternative looks only at the text as given, and what it writes starts with "&", which none of them can
# match through: escaping one character never makes another readable as markup.
_UNSAFE = re.compile(r"&(?=#?[A-Za-z0-9]+;)|<(?=/?(?:i|b|u|font)[\s>])|(?<=--)>", re.IGNORECASE)
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def read_srt(text: str) -> list[Segment]:
    lines = normalise(text).split("\n")
    segments: list[Segment] = []
    for block in cues.blocks(lines, 0):
        segments.extend(_read_block(block))
    return cues.sorted_by_start(segments)


def write_srt(segments: list[Segment]) -> str:
    out = []
    ordered = cues.sorted_by_start(segments)
    for number, (segment, end) in enumerate(zip(ordered, cues.ends(ordered), strict=True), start=1):
        if end < segment.start_ms:
            raise ValueError(f"a segment cannot end ({end} ms) before it starts ({segment.start_ms} ms)")
        out.append(str(number))
        out.append(f"{timecodes.srt(segment.start_ms)} --> {timecodes.srt(end)}")
        out.extend(cues.cue_lines(_UNSAFE.sub(lambda match: _ESCAPES[match[0]], segment.text)))
        out.append("")
    return "\n".join(out)


def _read_block(block: list[cues.Line]) -> list[Segment]:
    timings = [i for i, (_, line) in enumerate(block) if "-->" in line]
    if not timings:
        if all(_SEQUENCE.fullmatch(line) for _, line in block):
            return []
        raise FormatError(
            "this text belongs to no cue: expected a timing line such as 00:00:01,000 --> 00:00:04,000 before "
            "it. A blank line ends a cue, so a cue's text cannot hold one",
            line=block[0][0],
        )
    first = timings[0]
    if first > 1 or (first == 1 and not _SEQUENCE.fullmatch(block[0][1])):
        raise FormatError(
            "expected a cue's sequence number or its timing line (such as 00:00:01,000 --> 00:00:04,000) here",
            line=block[0][0],
        )
    segments = []
    for position, timing in enumerate(timings):
        after = timings[position + 1] if position + 1 < len(timings) else len(block)
        # A digits-only line right before the next timing line is that cue's number, not this cue's text.
        if after < len(block) and after - 1 > timing + 1 and _SEQUENCE.fullmatch(block[after - 1][1]):
            after -= 1
        number, line = block[timing]
        start_ms, end_ms = _read_timing(line, number)
        segments.append(Segment(start_ms, end_ms, _cue_text("\n".join(line for _, line in block[timing + 1 : after]))))
    return segments


def _read_timing(line: str, number: int) -> tuple[int, int]:
    match = _TIMING.fullmatch(line)
    if not match:
        raise FormatError(f"expected a timing line such as 00:00:01,000 --> 00:00:04,000; found {line!r}", line=number)
    start_ms = timecodes.parse(match[1], line=number)
    end_ms = timecodes.parse(match[2], line=number)
    if end_ms < start_ms:
        raise FormatError(f"the cue ends ({match[2]}) before it starts ({match[1]})", line=number)
    return start_ms, end_ms


def _cue_text(raw: str) -> str:
    # References are decoded only between tags, so "&lt;i&gt;" comes back as the text "<i>", not as a tag.
    return "".join(cues.decode_references(piece) for piece in _TAG.split(raw))
