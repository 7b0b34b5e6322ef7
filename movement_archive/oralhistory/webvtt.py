"""WebVTT captions (the W3C format browsers play) read into segments and written from them.

Pure code: no Django imports. Reading follows the W3C parser where it matters for transcripts, and is
stricter where the parser would silently drop words:

- the first line must be ``WEBVTT`` (alone or followed by a space or tab and anything); the header lines after
  it, up to the first blank line, are ignored;
- blocks are separated by blank lines (empty, or only spaces and tabs). A block whose first or second line
  holds ``-->`` is a cue (the line before the timing line is its identifier, which is ignored); NOTE, STYLE and
  REGION blocks are skipped; any other block is a ``FormatError`` rather than lost text;
- a timing line is ``start --> end`` with optional cue settings after it (ignored); times may leave out the
  hours. An end before the start, or a time that cannot be read, is a ``FormatError`` with the line number;
- a later line of a cue that holds ``-->`` starts a new cue, as in the W3C parser;
- in the text, the first voice span ``<v Name>`` or ``<v.class Name>`` gives the speaker; the tags ``c i b u
  v lang ruby rt`` and inline timestamps are removed and their text kept; anything else that looks like a tag
  (``<br>``, ``<3 you>``) is kept as text, since dropping it could lose words; character references are
  decoded as ``cues.py`` describes. Lines of a cue are joined with ``\\n``;
- cues are returned sorted by start (stable), overlapping or not: nothing is merged or dropped.

Writing gives a valid WebVTT file: cues in order of start, ``&``, ``<`` and ``>`` escaped, the speaker as a
leading ``<v Speaker>``, blank lines and carriage returns in a text written as ``cues.py`` describes, and a
segment without an end given the next later start (or its start plus one second) as its end.
"""

from __future__ import annotations

import re

from . import cues, timecodes
from .document import FormatError, Segment
from .text import normalise

_HEADER = re.compile(r"WEBVTT(?:[ \t].*)?")
_SKIPPED_BLOCK = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t].*)?")
_TIMING = re.compile(r"[ \t]*(\S+?)[ \t]*-->[ \t]*(\S+)(?:[ \t]+.*)?")
# The lookahead keeps <bold> or <innit> from being read as <b> or <i> followed by text.
_TAG = re.compile(r"<(/?)(c|i|b|u|v|lang|ruby|rt)(?=[\s.>])([^<>]*)>|<(?:\d+:)?\d{2}:\d{2}\.\d{3}>")
_ANNOTATION_SPACE = " \t\n\f\r"


def read_webvtt(text: str) -> list[Segment]:
    lines = normalise(text).split("\n")
    if not _HEADER.fullmatch(lines[0]):
        raise FormatError("a WebVTT file must begin with the line WEBVTT", line=1)
    position = 1
    # The header runs to the first blank line; a timing line also ends it, as the W3C parser has it.
    while position < len(lines) and not cues.is_blank(lines[position]) and "-->" not in lines[position]:
        position += 1
    segments: list[Segment] = []
    for block in cues.blocks(lines, position):
        segments.extend(_read_block(block))
    return cues.sorted_by_start(segments)


def write_webvtt(segments: list[Segment]) -> str:
    out = ["WEBVTT", ""]
    ordered = cues.sorted_by_start(segments)
    for segment, end in zip(ordered, cues.ends(ordered), strict=True):
        if end < segment.start_ms:
            raise ValueError(f"a segment cannot end ({end} ms) before it starts ({segment.start_ms} ms)")
        out.append(f"{timecodes.vtt(segment.start_ms)} --> {timecodes.vtt(end)}")
        lines = cues.cue_lines(_escape(segment.text))
        if segment.speaker:
            voice = f"<v {_escape_speaker(segment.speaker)}>"
            lines = [voice + lines[0], *lines[1:]] if lines else [voice]
        out.extend(lines)
        out.append("")
    return "\n".join(out)


def _read_block(block: list[cues.Line]) -> list[Segment]:
    if "-->" in block[0][1]:
        timing = 0
    elif len(block) > 1 and "-->" in block[1][1]:
        timing = 1
    elif _SKIPPED_BLOCK.fullmatch(block[0][1]):
        return []
    else:
        # Point at the line that most likely tried to be a timing line: the first that starts with a digit.
        number = next((n for n, line in block[:2] if line[:1].isdigit()), block[0][0])
        raise FormatError(
            "expected a cue: a timing line such as 00:01.000 --> 00:04.000, after an optional identifier line "
            "(or a NOTE, STYLE or REGION block). A blank line ends a cue, so a cue's text cannot hold one",
            line=number,
        )
    segments = []
    starts = [i for i in range(timing + 1, len(block)) if "-->" in block[i][1]]
    for first, after in zip([timing, *starts], [*starts, len(block)], strict=True):
        number, line = block[first]
        start_ms, end_ms = _read_timing(line, number)
        speaker, text = _cue_text("\n".join(line for _, line in block[first + 1 : after]))
        segments.append(Segment(start_ms, end_ms, text, speaker))
    return segments


def _read_timing(line: str, number: int) -> tuple[int, int]:
    """The start and end of a ``start --> end`` line; the settings or anything else after the end are ignored."""
    match = _TIMING.fullmatch(line)
    if not match:
        raise FormatError(f"expected a timing line such as 00:01.000 --> 00:04.000; found {line!r}", line=number)
    start_ms = timecodes.parse(match[1], line=number)
    end_ms = timecodes.parse(match[2], line=number)
    if end_ms < start_ms:
        raise FormatError(f"the cue ends ({match[2]}) before it starts ({match[1]})", line=number)
    return start_ms, end_ms


def _cue_text(raw: str) -> tuple[str, str]:
    """The speaker (the first voice span's name, or "") and the text without tags, references decoded."""
    speaker: str | None = None
    pieces = []
    position = 0
    for tag in _TAG.finditer(raw):
        pieces.append(cues.decode_references(raw[position : tag.start()]))
        position = tag.end()
        if speaker is None and tag[2] == "v" and not tag[1]:
            speaker = _voice_name(tag[3])
    pieces.append(cues.decode_references(raw[position:]))
    return speaker or "", "".join(pieces)


def _voice_name(rest: str) -> str:
    # After the tag name come classes (".loud"), then whitespace, then the name. The name is stripped before
    # references are decoded, so a space the writer wrote as &#32; survives.
    parts = re.split(r"[ \t\n\f\r]+", rest, maxsplit=1)
    annotation = parts[1] if len(parts) > 1 else ""
    return cues.decode_references(annotation.strip(_ANNOTATION_SPACE))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_speaker(speaker: str) -> str:
    escaped = _escape(speaker).replace("\n", "&#10;").replace("\r", "&#13;")
    # The reader strips whitespace from the ends of a voice's name, so whitespace there is written as references.
    stripped = escaped.lstrip(_ANNOTATION_SPACE)
    core = stripped.rstrip(_ANNOTATION_SPACE)
    head, tail = escaped[: len(escaped) - len(stripped)], stripped[len(core) :]
    if not tail and core.endswith("-"):
        # The tag's closing ">" after a name ending in "--" would make the "-->" no cue text may hold.
        core, tail = core[:-1], "-"
    return _references(head) + core + _references(tail)


def _references(characters: str) -> str:
    return "".join(f"&#{ord(character)};" for character in characters)
