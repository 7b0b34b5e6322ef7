r"""Typed transcripts with time stamps in the text (``[00:01:02] MARIA: We met in the church hall.``).

Pure code: no Django imports.

Stamps. ``[HH:MM:SS]`` or ``[MM:SS]`` (hours may have any number of digits, minutes and seconds two), with an
optional fraction of one to three digits (``[00:01:02.5]``). A stamp may stand anywhere, mid-line too, and
starts a segment that runs to the next stamp: its text is everything in between, lines included, with the
whitespace around it stripped; its ``end_ms`` is None. Segments keep the order of the text. A bracket of that
shape whose time is impossible (``[00:75]``) is a ``FormatError`` with its line. Text before the first stamp
becomes a segment at 0 ms; a text with no stamp at all is a ``FormatError``.

Speakers. A segment's text that starts with a label ``NAME:`` followed by whitespace (or nothing more) gives
the speaker NAME, and the text is what follows, stripped. NAME is one to five words separated by single spaces;
each word starts with an uppercase or titlecase letter (any script that has case: Latin, Cyrillic, Greek,
Armenian...) and goes on with letters, combining marks, digits, ``.``, ``'``, ``’`` or ``-``. So "MARIA:",
"Maria López:", "Dr. Ana Ruiz:", "Q:" and "ОЛЬГА:" are labels; "maria:", "Maria de la Cruz:" (lowercase
words), "مريم:" (a script without case), "Speaker 2:" and "In 1985:" (a word that is a number) are not, and
stay in the text. A capitalised word before a colon is read as a label even where it was not meant as one
("Yes: I was there").

Escaping, so that any text survives writing and reading:

- a stamp-shaped bracket preceded by one or more backslashes is text, not a stamp, and reading removes one of
  those backslashes; writing adds one before every stamp-shaped bracket in a text (``[00:01]`` is written
  ``\[00:01]``, ``\[00:01]`` is written ``\\[00:01]``);
- a segment whose text starts with one or more backslashes and then a label has no speaker, and reading
  removes one of those backslashes; so when a segment has no speaker and its text starts with a label (or
  with backslashes and then a label), writing adds one backslash in front (``Yes: I was`` is written
  ``\Yes: I was``, ``\Yes: I was`` is written ``\\Yes: I was``). After a speaker's label nothing is escaped
  this way: only the first label of a segment is read;
- a speaker that is not a label by the rule above is written as the start of the text (``maria: ...``) and
  read back as text, with no speaker; nothing is lost, but the speaker does not come back as a speaker.

What comes back exactly from ``read_stamped(write_stamped(segments))``: any start (a fraction of a second is
written as ``.mmm``), an ``end_ms`` of None, a speaker that is "" or a label, and a text with no whitespace
at either end and no carriage return (plain text has no way to keep those).
"""

from __future__ import annotations

import re
import unicodedata

from . import timecodes
from .document import FormatError, Segment
from .text import normalise

_STAMP = re.compile(r"\[((?:\d+:)?\d{2}:\d{2}(?:\.\d{1,3})?)\]")
# A backslash right before a stamp-shaped bracket makes it text; the one the writer added is removed on reading.
_ESCAPED_STAMP = re.compile(r"\\(?=" + _STAMP.pattern + ")")
_LABEL = re.compile(r"((?:[^\s:]+ ){0,4}[^\s:]+):(?=\s|$)")
_NAME_PUNCTUATION = ".'’-"


def read_stamped(text: str) -> list[Segment]:
    text = normalise(text)
    stamps = [match for match in _STAMP.finditer(text) if not _escaped(text, match)]
    if not stamps:
        first = next((n for n, line in enumerate(text.split("\n"), start=1) if line.strip()), None)
        raise FormatError(
            "expected time stamps such as [00:01:02] or [01:02] starting each passage; found none", line=first
        )
    segments = []
    before = text[: stamps[0].start()]
    if before.strip():
        segments.append(_segment(0, before))
    line, counted_to = 1, 0  # lines are counted as the stamps go by: counting from the top each time is quadratic
    for position, stamp in enumerate(stamps):
        line, counted_to = line + text.count("\n", counted_to, stamp.start()), stamp.start()
        start_ms = timecodes.parse(stamp[1], line=line, short_fraction=True)
        end = stamps[position + 1].start() if position + 1 < len(stamps) else len(text)
        segments.append(_segment(start_ms, text[stamp.end() : end]))
    return segments


def write_stamped(segments: list[Segment]) -> str:
    paragraphs = []
    for segment in segments:
        stamp = f"[{_stamp_time(segment.start_ms)}]"
        if segment.speaker and is_label(segment.speaker):
            head, body = f"{segment.speaker}:", _escape_stamps(segment.text)
        else:
            head = ""
            text = f"{segment.speaker}: {segment.text}" if segment.speaker else segment.text
            body = _escape_label(_escape_stamps(text.rstrip() if segment.speaker else text))
        paragraphs.append(" ".join(part for part in (stamp, head, body) if part))
    return "".join(paragraph + "\n\n" for paragraph in paragraphs)[:-1]


def has_stamp(text: str) -> bool:
    """Whether the text holds at least one stamp (not escaped); used to recognise the format."""
    return any(not _escaped(text, match) for match in _STAMP.finditer(text))


def _escaped(text: str, match: re.Match[str]) -> bool:
    return match.start() > 0 and text[match.start() - 1] == "\\"


def is_label(name: str) -> bool:
    """Whether ``name`` is a speaker the reader recognises before a colon (the rule in the module docstring)."""
    match = _LABEL.fullmatch(name + ":")
    return bool(match) and all(_is_name_word(word) for word in name.split(" "))


def _is_name_word(word: str) -> bool:
    if unicodedata.category(word[0]) not in ("Lu", "Lt"):
        return False
    return all(unicodedata.category(c)[0] in "LMN" or c in _NAME_PUNCTUATION for c in word[1:])


def _label_at_start(text: str) -> re.Match[str] | None:
    match = _LABEL.match(text)
    return match if match and is_label(match[1]) else None


def _segment(start_ms: int, raw: str) -> Segment:
    text = raw.strip()
    speaker = ""
    label = _label_at_start(text)
    if label:
        speaker, text = label[1], text[label.end() :].lstrip()
    else:
        unbackslashed = text.lstrip("\\")
        if unbackslashed != text and _label_at_start(unbackslashed):
            text = text[1:]
    # Only escaped stamps are left inside a segment's text: the others divide the segments.
    return Segment(start_ms, None, _ESCAPED_STAMP.sub("", text), speaker)


def _escape_stamps(text: str) -> str:
    return _STAMP.sub(lambda match: "\\" + match[0], text)


def _escape_label(text: str) -> str:
    return "\\" + text if _label_at_start(text.lstrip("\\")) else text


def _stamp_time(ms: int) -> str:
    return timecodes.clock(ms) + (f".{ms % 1000:03d}" if ms % 1000 else "")
