"""SRT files from many tools read forgivingly, and SRT written plainly enough for any player."""

from __future__ import annotations

import codecs

import pytest

from movement_archive.oralhistory.document import FormatError, Segment
from movement_archive.oralhistory.srt import read_srt, write_srt
from movement_archive.oralhistory.text import decode


def test_a_plain_file_reads_into_segments_without_speakers():
    text = (
        "1\n00:00:01,000 --> 00:00:04,000\nWe met in the church hall.\n\n"
        "2\n00:00:04,000 --> 00:00:09,500\nEvery\nTuesday.\n"
    )

    assert read_srt(text) == [
        Segment(1000, 4000, "We met in the church hall.", ""),
        Segment(4000, 9500, "Every\nTuesday.", ""),
    ]


def test_sequence_numbers_may_be_missing_wrong_or_repeated():
    text = (
        "00:00:01,000 --> 00:00:02,000\nno number\n\n"
        "7\n00:00:03,000 --> 00:00:04,000\nwrong\n\n"
        "7\n00:00:05,000 --> 00:00:06,000\nrepeated\n"
    )

    assert [segment.text for segment in read_srt(text)] == ["no number", "wrong", "repeated"]


def test_extra_blank_lines_and_a_number_standing_alone_are_tolerated():
    text = "\n\n1\n\n00:00:01,000 --> 00:00:02,000\nfirst\n\n\n\n2\n00:00:03,000 --> 00:00:04,000\nsecond\n\n\n"

    assert [segment.text for segment in read_srt(text)] == ["first", "second"]


def test_a_full_stop_before_the_milliseconds_and_missing_hours_are_accepted():
    assert read_srt("1\n00:00:01.250 --> 00:02,500\nhi\n") == [Segment(1250, 2500, "hi")]


def test_anything_after_the_end_time_is_ignored():
    text = (
        "1\n00:00:01,000 --> 00:00:02,000  X1:100 X2:200 Y1:10 Y2:20\nplaced\n\n"
        "2\n00:00:03,000 --> 00:00:04,000garbage\nx\n"
    )

    assert read_srt(text) == [Segment(1000, 2000, "placed"), Segment(3000, 4000, "x")]


def test_basic_tags_are_removed_and_their_text_kept():
    cue = '<i>It</i> <B>was</B> <u>our</u> <font color="#ffff00" face="Serif">place</font>'
    text = f"1\n00:00:01,000 --> 00:00:02,000\n{cue}\n"

    assert read_srt(text)[0].text == "It was our place"


def test_what_only_looks_like_a_tag_is_kept():
    text = "1\n00:00:01,000 --> 00:00:02,000\nI <3 this <italic> & that\n"

    assert read_srt(text)[0].text == "I <3 this <italic> & that"


def test_arabic_cyrillic_and_devanagari_text_and_a_windows_file_with_a_mark():
    data = codecs.BOM_UTF8 + "1\r\n00:00:01,000 --> 00:00:02,000\r\nكنا هناك\r\nМы были там\r\nहम वहाँ थे\r\n".encode()

    assert read_srt(decode(data)) == [Segment(1000, 2000, "كنا هناك\nМы были там\nहम वहाँ थे")]


def test_overlapping_and_out_of_order_cues_are_kept_sorted_by_start():
    text = "1\n00:00:05,000 --> 00:00:08,000\nlate\n\n2\n00:00:01,000 --> 00:00:06,000\nearly\n"

    assert [segment.text for segment in read_srt(text)] == ["early", "late"]


@pytest.mark.parametrize(
    ("timing", "says"), [("00:00:03,000 --> 00:00:0x,000", "expected a time"), ("00:00:03,000 -->", "timing line")]
)
def test_a_broken_timing_line_is_reported_on_its_line(timing, says):
    text = f"1\n00:00:01,000 --> 00:00:02,000\nfine\n\n2\n{timing}\nbroken\n"

    with pytest.raises(FormatError) as error:
        read_srt(text)

    assert error.value.line == 6
    assert says in error.value.message


def test_an_end_before_the_start_is_refused_on_its_line():
    with pytest.raises(FormatError) as error:
        read_srt("\n1\n00:00:05,000 --> 00:00:04,000\nbackwards\n")

    assert error.value.line == 3
    assert "before it starts" in error.value.message


def test_words_after_a_blank_line_inside_a_cue_are_an_error_not_silently_lost():
    with pytest.raises(FormatError) as error:
        read_srt("1\n00:00:01,000 --> 00:00:02,000\nfirst paragraph\n\nsecond paragraph\n")

    assert error.value.line == 5
    assert "belongs to no cue" in error.value.message


def test_a_line_of_text_in_place_of_the_sequence_number_is_an_error():
    with pytest.raises(FormatError) as error:
        read_srt("1\n00:00:01,000 --> 00:00:02,000\nfine\n\nsome words\n00:00:03,000 --> 00:00:04,000\nx\n")

    assert error.value.line == 5


def test_a_cue_run_into_the_next_without_a_blank_line_is_split_there():
    text = "1\n00:00:01,000 --> 00:00:02,000\nfirst\n2\n00:00:03,000 --> 00:00:04,000\nsecond\n"

    assert read_srt(text) == [Segment(1000, 2000, "first"), Segment(3000, 4000, "second")]


def test_writing_numbers_the_cues_from_one_and_puts_a_comma_before_the_milliseconds():
    written = write_srt([Segment(3_723_456, 3_724_000, "later"), Segment(1000, None, "first")])

    assert written == "1\n00:00:01,000 --> 01:02:03,456\nfirst\n\n2\n01:02:03,456 --> 01:02:04,000\nlater\n"


def test_writing_escapes_only_what_a_reader_would_misread():
    text = "Tom & Jerry; a < b; <i>literal</i>; &amp; stays; x --> y; 2 > 1"

    written = write_srt([Segment(0, 1000, text)])

    assert "Tom & Jerry; a < b; &lt;i>literal&lt;/i>; &amp;amp; stays; x --&gt; y; 2 > 1" in written
    assert read_srt(written)[0].text == text


def test_blank_lines_in_a_text_are_written_as_references_and_read_back():
    written = write_srt([Segment(0, 1000, "one\n\ntwo"), Segment(1000, 2000, " ")])

    assert "\none&#10;\ntwo\n" in written
    assert [segment.text for segment in read_srt(written)] == ["one\n\ntwo", " "]


def test_writing_leaves_the_speaker_out_because_srt_has_no_place_for_it():
    written = write_srt([Segment(0, 1000, "Hola", "Maria")])

    assert "Maria" not in written
    assert read_srt(written) == [Segment(0, 1000, "Hola", "")]
