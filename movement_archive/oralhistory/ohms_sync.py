"""The legacy OHMS transcript: plain text plus a ``<sync>`` string of minute markers, turned into segments.

Pure code: no Django imports. The shape, as the OHMS viewers read it:

- ``<transcript>`` is plain text in hard-wrapped lines; a blank line separates paragraphs. A line that
  opens with a label in capitals and a colon (``SMITH:``, ``MR. DOE-ROE:``, ``Q:``) starts a speaker's turn:
  the Nunn Center's PHP viewer and the Science History Institute's viewer both test every line with
  ``[A-Z-.' ]+:``. Capitals of any script count here (the PHP viewer drops letters outside ASCII before testing).
- ``<sync>`` reads ``1:|13(3)|19(14)|27(9)``: the interval in minutes before the colon, then one field per
  interval. The field in position *k* (the empty field after the colon is position 0, the start of the
  recording) marks where minute *k* × interval begins: ``13(3)`` is line 13, word 3. Lines and words count
  from 1 (lines are split at line feeds, words at white space), as in sciencehistory/scihist_digicoll,
  ``app/models/oral_history_content/ohms_xml/legacy_transcript.rb``; the older uklibraries/ohms-viewer
  ``Transcript.php`` drops the word and anchors whole lines. A blank field is a minute with no marker; a
  field with a line and no word marks the start of that line.

Segments start at the start of the text, at each marker and at each speaker's turn; a turn that begins
between two markers takes the earlier marker's time, since OHMS knows nothing finer. Every segment has
``end_ms=None``. Text is cut, never dropped: each segment's text is its stretch of the transcript exactly
(line breaks, footnote markup and all) with the white space at its two ends trimmed and, for a turn, the
label moved into ``speaker``. Only white space at a cut and the label's colon are not in a ``text``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from .document import FormatError, Segment
from .timecodes import MAX_MS

# Numbers of up to 20 digits: a longer string of digits is no interval, line or word, and is refused as such.
_SYNC = re.compile(r"\s*(\d{1,20})\s*:(.*)", re.DOTALL)
_MARK = re.compile(r"\s*(\d{1,20})\s*(?:\(\s*(\d{1,20})\s*\))?\s*")
# A label is at most a few words; the upper bound stops a shouted sentence ending in a colon from
# being taken for a name.
_LABEL = re.compile(r"^[ \t]*([^\W\d_][^\n:]{0,48}?)[ \t]*:(?=[ \t]|$)", re.MULTILINE)
_LABEL_PUNCTUATION = frozenset(" -.'’")


@dataclass
class _Cut:
    offset: int
    ms: int | None  # None: a turn between markers, timed by the marker before it
    speaker: str | None = None
    text_from: int | None = None  # where the words start, after a speaker's label


def _clock(ms: int) -> str:
    seconds = ms // 1000
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _is_speaker(name: str) -> bool:
    # The viewers' rule: capitals, spaces, hyphens, full stops and apostrophes only.
    return all(c.isupper() or c in _LABEL_PUNCTUATION for c in name) and any(c.isupper() for c in name)


def _labels(text: str) -> list[_Cut]:
    cuts = []
    for match in _LABEL.finditer(text):
        name = match.group(1).rstrip()
        if _is_speaker(name):
            cuts.append(_Cut(match.start(1), None, speaker=name, text_from=match.end()))
    return cuts


def _markers(text: str, sync: str, element: str) -> list[_Cut]:
    """The markers of ``sync`` as offsets into ``text``, in the order written."""
    parsed = _SYNC.fullmatch(sync)
    if not parsed:
        raise FormatError(
            f"{sync[:40]!r} does not start with the interval in minutes, as in '1:|13(3)|19(14)'", element=element
        )
    interval = int(parsed.group(1))
    fields = parsed.group(2).split("|")
    if not any(field.strip() for field in fields):
        return []
    if interval < 1:
        raise FormatError("the interval between markers must be at least 1 minute", element=element)
    # The field after the colon is normally empty and stands for 0:00; without it the first field is minute 1.
    first = 0 if not fields[0].strip() else 1
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    cuts = []
    for position, field in enumerate(fields, start=first):
        if not field.strip():
            continue
        ms = position * interval * 60_000
        if ms > MAX_MS:
            raise FormatError(
                f"marker {position} comes {position * interval:,} minutes in, later than the longest recording "
                f"the archive keeps ({_clock(MAX_MS)})",
                element=element,
            )
        where = f"marker {position} ({_clock(ms)}, {field.strip()!r})"
        mark = _MARK.fullmatch(field)
        if not mark:
            raise FormatError(f"{where} is not a line number and a word number such as 13(3)", element=element)
        line_number, word_number = int(mark.group(1)), mark.group(2)
        if not 1 <= line_number <= len(lines):
            raise FormatError(
                f"{where} points at line {line_number}, but the transcript has lines 1 to {len(lines)}", element=element
            )
        line = lines[line_number - 1]
        if word_number is None:
            cuts.append(_Cut(starts[line_number - 1], ms))
            continue
        words = [m.start() for m in re.finditer(r"\S+", line)]
        if not 1 <= int(word_number) <= len(words):
            raise FormatError(
                f"{where} points at word {word_number} of line {line_number}, which has {len(words)} words",
                element=element,
            )
        cuts.append(_Cut(starts[line_number - 1] + words[int(word_number) - 1], ms))
    return cuts


def sync_segments(text: str, sync: str, *, element: str = "record/sync") -> list[Segment]:
    """Cut a legacy transcript into segments at its sync markers and speakers' turns.

    ``element`` names the sync element in error messages (``record/sync_alt`` for a translation).
    A marker that points outside the text, or before the marker written ahead of it, is a FormatError.
    """
    labels = _labels(text)
    markers = _markers(text, sync, element) if sync.strip() else []
    # A marker on a label's second word ("MR. | SMITH:") would cut the label in two: start the turn there.
    label_offsets = [label.offset for label in labels]  # in order, as found
    for marker in markers:
        before = bisect.bisect_left(label_offsets, marker.offset) - 1
        if before >= 0 and marker.offset < labels[before].text_from:
            marker.offset = labels[before].offset
    for earlier, later in itertools.pairwise(markers):
        if later.offset < earlier.offset:
            raise FormatError(
                f"the marker for {_clock(later.ms)} points to an earlier place in the transcript than the marker "
                f"for {_clock(earlier.ms)}; markers must follow the text in order",
                element=element,
            )
    by_offset: dict[int, _Cut] = {0: _Cut(0, 0)}
    for label in labels:
        by_offset[label.offset] = label
    for marker in markers:
        cut = by_offset.setdefault(marker.offset, marker)
        # Two markers on one word mean a silent minute: the words begin at the later one.
        cut.ms = marker.ms
    cuts = sorted(by_offset.values(), key=lambda cut: cut.offset)

    segments, ms, speaker = [], 0, ""
    for cut, following in zip(cuts, cuts[1:] + [_Cut(len(text), None)], strict=True):
        if cut.ms is not None:
            ms = cut.ms
        start = cut.offset
        if cut.speaker is not None:
            speaker, start = cut.speaker, cut.text_from
        piece = text[start : following.offset].strip()
        if piece:
            segments.append(Segment(start_ms=ms, end_ms=None, text=piece, speaker=speaker))
    return segments
