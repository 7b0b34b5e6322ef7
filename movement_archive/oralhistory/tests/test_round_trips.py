"""Whatever a writer writes, its reader gives back: for any text, in any script, with any awkward characters.

Each strategy generates exactly the segments its format can represent, and says what that subset is.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from movement_archive.oralhistory.detect import read_captions
from movement_archive.oralhistory.document import Segment
from movement_archive.oralhistory.srt import read_srt, write_srt
from movement_archive.oralhistory.stamped import is_label, read_stamped, write_stamped
from movement_archive.oralhistory.webvtt import read_webvtt, write_webvtt

EXAMPLES = settings(max_examples=300, deadline=None)

# Pieces that have broken caption writers: markup, arrows, references, blank lines, stamps and labels, and
# text in right-to-left scripts, with emoji and combining marks.
AWKWARD = [
    "&", "<", ">", "-->", "--", "&amp;", "&#10;", "&lt", "<i>", "</b>", "<v X>", "<font color=red>", "<00:01.000>",
    "\n", "\n\n", "\n \n", "\r", "\r\n", " ", "\t", "\\", "\\\\", "[00:01]", "[00:00:02.5]", "[99:99]", "Yes: ",
    "Maria López: ", "NOTE", "WEBVTT", "STYLE", "1", "00:00:01,000", "مرحبا بكم", "שלום", "Привет", "नमस्ते",
    "\u200f", "\u200e", "e\u0301", "👩🏽‍🦱", "\ufeff", "\x00", "\u2028", "\x85",
]  # fmt: skip

texts = st.lists(st.one_of(st.text(), st.sampled_from(AWKWARD)), max_size=8).map("".join)
starts = st.integers(min_value=0, max_value=200 * 3_600_000)


@st.composite
def timed_segments(draw, speakers):
    """Caption cues: a start and an end no earlier, in order of start (the readers sort cues by start)."""
    segments = []
    for start in sorted(draw(st.lists(starts, max_size=6))):
        end = start + draw(st.integers(min_value=0, max_value=3_600_000))
        segments.append(Segment(start, end, draw(texts), draw(speakers)))
    return segments


# WebVTT represents everything: any text and any speaker (or none), with an end.
webvtt_segments = timed_segments(st.one_of(st.just(""), texts))

# SRT has no speakers: any text, with an end, and speaker "".
srt_segments = timed_segments(st.just(""))

# Stamped text: the rule in stamped.py. Labels are one to five words, each a capital (or titlecase) letter of any
# cased script followed by letters, marks, digits or . ' ’ -.
name_words = st.builds(
    str.__add__,
    st.characters(categories=["Lu", "Lt"]),
    st.text(st.one_of(st.characters(categories=["L", "M", "N"]), st.sampled_from(".'’-")), max_size=6),
)
labels = st.lists(name_words, min_size=1, max_size=5).map(" ".join)
# No whitespace at the ends and no carriage return: plain text cannot keep them.
stamped_texts = texts.map(lambda text: text.replace("\r", "\n").strip())
stamped_segments = st.lists(
    st.builds(Segment, starts, st.none(), stamped_texts, st.one_of(st.just(""), labels)), min_size=1, max_size=6
)


@EXAMPLES
@given(webvtt_segments)
def test_webvtt_gives_back_what_it_wrote(segments):
    assert read_webvtt(write_webvtt(segments)) == segments


@EXAMPLES
@given(srt_segments)
def test_srt_gives_back_what_it_wrote(segments):
    assert read_srt(write_srt(segments)) == segments


@EXAMPLES
@given(stamped_segments)
def test_stamped_text_gives_back_what_it_wrote(segments):
    assert all(is_label(segment.speaker) for segment in segments if segment.speaker)

    assert read_stamped(write_stamped(segments)) == segments


@EXAMPLES
@given(st.one_of(webvtt_segments.filter(bool), srt_segments.filter(bool)), st.sampled_from(["webvtt", "srt"]))
def test_a_written_caption_file_is_recognised_and_read_back_from_its_bytes(segments, kind):
    if kind == "srt":
        segments = [Segment(s.start_ms, s.end_ms, s.text, "") for s in segments]
        data = write_srt(segments).encode("utf-8")
    else:
        data = write_webvtt(segments).encode("utf-8")

    assert read_captions(data) == segments


@EXAMPLES
@given(stamped_segments)
def test_a_written_stamped_file_is_recognised_and_read_back_from_its_bytes(segments):
    assert read_captions(write_stamped(segments).encode("utf-8")) == segments


@EXAMPLES
@given(st.lists(st.builds(Segment, starts, st.none(), texts, st.just("")), max_size=6))
def test_segments_without_ends_are_written_as_cues_that_end_at_the_next_later_start(segments):
    starts_written = sorted({segment.start_ms for segment in segments})

    for read in (read_webvtt(write_webvtt(segments)), read_srt(write_srt(segments))):
        for segment in read:
            later = [start for start in starts_written if start > segment.start_ms]
            assert segment.end_ms == (later[0] if later else segment.start_ms + 1000)
        assert sorted(segment.text for segment in read) == sorted(segment.text for segment in segments)
