"""Segments written as WebVTT that players accept and that read back as the same words."""

from __future__ import annotations

import pytest

from movement_archive.oralhistory.document import Segment
from movement_archive.oralhistory.webvtt import read_webvtt, write_webvtt


def test_a_written_file_starts_with_the_header_and_times_every_cue():
    written = write_webvtt([Segment(1000, 4000, "We met in the church hall."), Segment(3_723_456, 3_724_000, "Later.")])

    assert written == (
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nWe met in the church hall.\n\n01:02:03.456 --> 01:02:04.000\nLater.\n"
    )


def test_nothing_to_write_is_still_a_valid_file():
    assert write_webvtt([]) == "WEBVTT\n"
    assert read_webvtt(write_webvtt([])) == []


def test_speakers_are_written_as_voice_spans():
    written = write_webvtt([Segment(0, 1000, "Hola", "Maria López")])

    assert "\n<v Maria López>Hola\n" in written
    assert read_webvtt(written) == [Segment(0, 1000, "Hola", "Maria López")]


def test_ampersands_and_angle_brackets_are_escaped():
    written = write_webvtt([Segment(0, 1000, "Tom & Jerry <i>not a tag</i> a > b", "R&B <fan>")])

    assert "<v R&amp;B &lt;fan&gt;>Tom &amp; Jerry &lt;i&gt;not a tag&lt;/i&gt; a &gt; b" in written
    assert read_webvtt(written) == [Segment(0, 1000, "Tom & Jerry <i>not a tag</i> a > b", "R&B <fan>")]


def test_an_arrow_in_the_text_never_reaches_the_file():
    written = write_webvtt([Segment(0, 1000, "from here --> to there\n00:05.000 --> 00:06.000")])

    assert written.count("-->") == 1
    assert read_webvtt(written) == [Segment(0, 1000, "from here --> to there\n00:05.000 --> 00:06.000")]


def test_blank_lines_inside_a_text_are_written_as_line_break_references():
    written = write_webvtt([Segment(0, 1000, "first paragraph\n\nsecond\n   \nthird")])

    assert written.endswith("\nfirst paragraph&#10;\nsecond&#10;   \nthird\n")
    assert read_webvtt(written)[0].text == "first paragraph\n\nsecond\n   \nthird"


def test_a_text_starting_or_ending_with_a_line_break_keeps_it():
    written = write_webvtt([Segment(0, 1000, "\nmiddle\n"), Segment(1000, 2000, "\n")])

    assert "\n&#10;middle&#10;\n" in written
    assert [segment.text for segment in read_webvtt(written)] == ["\nmiddle\n", "\n"]


def test_a_text_of_only_spaces_is_written_so_that_it_is_not_a_blank_line():
    written = write_webvtt([Segment(0, 1000, " \t"), Segment(1000, 2000, "after")])

    assert "\n&#32;&#9;\n" in written
    assert [segment.text for segment in read_webvtt(written)] == [" \t", "after"]


def test_a_carriage_return_is_written_as_a_reference_so_decoding_cannot_turn_it_into_a_line_break():
    written = write_webvtt([Segment(0, 1000, "old\rmac")])

    assert "\r" not in written
    assert read_webvtt(written)[0].text == "old\rmac"


def test_a_speaker_ending_in_dashes_does_not_make_an_arrow_with_the_closing_bracket():
    written = write_webvtt([Segment(0, 1000, "x", "Ana--")])

    assert written.count("-->") == 1
    assert read_webvtt(written)[0].speaker == "Ana--"


def test_spaces_at_the_ends_of_a_speaker_survive():
    written = write_webvtt([Segment(0, 1000, "x", " Ana\n")])

    assert "<v &#32;Ana&#10;>x" in written
    assert read_webvtt(written)[0].speaker == " Ana\n"


def test_a_segment_without_an_end_runs_to_the_next_later_start():
    segments = [
        Segment(0, None, "first"),
        Segment(5000, None, "two people"),
        Segment(5000, None, "at the same second"),
        Segment(9000, 9500, "timed"),
    ]

    assert [(s.start_ms, s.end_ms) for s in read_webvtt(write_webvtt(segments))] == [
        (0, 5000),
        (5000, 9000),
        (5000, 9000),
        (9000, 9500),
    ]


def test_the_last_segment_without_an_end_lasts_one_second():
    assert read_webvtt(write_webvtt([Segment(7000, None, "last")])) == [Segment(7000, 8000, "last")]


def test_cues_are_written_in_order_of_start_as_webvtt_requires():
    written = write_webvtt([Segment(5000, 6000, "second"), Segment(1000, 2000, "first")])

    assert written.index("first") < written.index("second")


def test_a_segment_that_ends_before_it_starts_cannot_be_written():
    with pytest.raises(ValueError, match="before it starts"):
        write_webvtt([Segment(5000, 4000, "backwards")])
