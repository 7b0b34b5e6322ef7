"""WebVTT files as tools and people really make them, read into segments: the messy parts included."""

from __future__ import annotations

import codecs

import pytest

from movement_archive.oralhistory.document import FormatError, Segment
from movement_archive.oralhistory.text import decode
from movement_archive.oralhistory.webvtt import read_webvtt


def test_a_plain_file_gives_one_segment_a_cue():
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nWe met in the church hall.\n\n"
        "00:00:04.000 --> 00:00:09.500\nEvery Tuesday.\n"
    )

    assert read_webvtt(text) == [
        Segment(1000, 4000, "We met in the church hall."),
        Segment(4000, 9500, "Every Tuesday."),
    ]


@pytest.mark.parametrize("first", ["", "WEBVT", "webvtt", "WEBVTTX", " WEBVTT", "1"])
def test_the_webvtt_line_is_required_and_its_absence_is_reported_on_line_one(first):
    with pytest.raises(FormatError) as error:
        read_webvtt(f"{first}\n\n00:01.000 --> 00:02.000\nhello\n")

    assert error.value.line == 1
    assert "WEBVTT" in error.value.message


def test_a_title_after_the_header_and_metadata_lines_under_it_are_ignored():
    text = "WEBVTT - Interview with Maria\nKind: captions\nLanguage: es\n\n00:01.000 --> 00:02.000\nHola\n"

    assert read_webvtt(text) == [Segment(1000, 2000, "Hola")]


def test_note_style_and_region_blocks_are_skipped_wherever_they_are():
    text = (
        "WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\nREGION\nid:left width:40%\n\nNOTE transcribed by volunteers\n"
        "in 2019\n\n00:01.000 --> 00:02.000\nfirst\n\nNOTE\ncheck this name\n\n00:03.000 --> 00:04.000\nsecond\n"
    )

    assert [segment.text for segment in read_webvtt(text)] == ["first", "second"]


def test_cue_identifiers_and_cue_settings_are_allowed_and_ignored():
    text = (
        "WEBVTT\n\nintro\n00:00:01.000 --> 00:00:02.000 align:start position:10% line:0\nfirst\n\n"
        "2\n00:00:03.000 --> 00:00:04.000 vertical:rl\nsecond\n"
    )

    assert read_webvtt(text) == [Segment(1000, 2000, "first"), Segment(3000, 4000, "second")]


def test_a_cue_identifier_that_looks_like_a_block_keyword_is_still_an_identifier():
    text = "WEBVTT\n\nNOTE\n00:01.000 --> 00:02.000\nnot a note\n"

    assert read_webvtt(text) == [Segment(1000, 2000, "not a note")]


def test_times_without_hours_are_minutes_and_seconds():
    text = "WEBVTT\n\n01:02.500 --> 59:59.999\nlong\n"

    assert read_webvtt(text) == [Segment(62_500, 3_599_999, "long")]


@pytest.mark.parametrize(
    ("cue", "speaker", "text"),
    [
        ("<v Maria>Hola</v>", "Maria", "Hola"),
        ("<v.loud Maria López>¡Hola!", "Maria López", "¡Hola!"),
        ("<v.first.loud   Олег Петров  >Привет", "Олег Петров", "Привет"),
        ("<i>Well,</i> <v Ana>yes", "Ana", "Well, yes"),
        ("<v Tom &amp; Jerry>both", "Tom & Jerry", "both"),
        ("no voice here", "", "no voice here"),
    ],
)
def test_voice_spans_become_speakers(cue, speaker, text):
    [segment] = read_webvtt(f"WEBVTT\n\n00:01.000 --> 00:02.000\n{cue}\n")

    assert (segment.speaker, segment.text) == (speaker, text)


def test_only_the_first_voice_of_a_cue_names_its_speaker_and_all_the_words_are_kept():
    [segment] = read_webvtt("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Did you go?</v>\n<v Ben>I did.</v>\n")

    assert (segment.speaker, segment.text) == ("Ana", "Did you go?\nI did.")


def test_styling_tags_are_removed_and_their_text_kept():
    cue = (
        "<c.yellow.bg_blue>It</c> <i>was</i> <b>our</b> <u>place</u>, <lang es>nuestra casa</lang> "
        "<ruby>漢<rt>かん</rt></ruby>"
    )

    [segment] = read_webvtt(f"WEBVTT\n\n00:01.000 --> 00:02.000\n{cue}\n")

    assert segment.text == "It was our place, nuestra casa 漢かん"


def test_inline_timestamps_are_removed_from_karaoke_style_cues():
    [segment] = read_webvtt("WEBVTT\n\n00:01.000 --> 00:06.000\nNever <00:00:03.000>again <00:05.000>there\n")

    assert segment.text == "Never again there"


@pytest.mark.parametrize("cue", ["I <3 this", "if a < b and c > d", "line<br>break", "<bold> claims"])
def test_what_only_looks_like_a_tag_is_kept_as_text(cue):
    [segment] = read_webvtt(f"WEBVTT\n\n00:01.000 --> 00:02.000\n{cue}\n")

    assert segment.text == cue


def test_character_references_are_decoded_and_unknown_ones_kept():
    digits = "&#" + "9" * 5000 + ";"  # more digits than any character has, and than int() reads
    kept = f"AT&T &copy &bogus; &#xD800; &#99999999; {digits}"
    cue = f"&amp; &lt;i&gt; a&nbsp;b &lrm;&rlm; &#1605; &#x41F; &eacute; {kept}"

    [segment] = read_webvtt(f"WEBVTT\n\n00:01.000 --> 00:02.000\n{cue}\n")

    assert segment.text == f"& <i> a\u00a0b \u200e\u200f م П é {kept}"


def test_a_cue_of_several_lines_keeps_its_line_breaks():
    [segment] = read_webvtt("WEBVTT\n\n00:01.000 --> 00:02.000\nfirst line\n  indented second\nthird\n")

    assert segment.text == "first line\n  indented second\nthird"


def test_overlapping_and_out_of_order_cues_are_all_kept_sorted_by_start():
    text = (
        "WEBVTT\n\n00:05.000 --> 00:08.000\nlate\n\n00:01.000 --> 00:06.000\nearly and long\n\n"
        "00:05.000 --> 00:06.000\nlate too, same start\n\n00:02.000 --> 00:03.000\ninside the long one\n"
    )

    assert [segment.text for segment in read_webvtt(text)] == [
        "early and long",
        "inside the long one",
        "late",
        "late too, same start",
    ]


def test_arabic_cyrillic_and_devanagari_text_is_kept_exactly():
    cue = "<v مريم>كنا نلتقي كل أسبوع\nМы встречались каждую неделю\nहम हर हफ्ते मिलते थे"

    [segment] = read_webvtt(f"WEBVTT\n\n00:01.000 --> 00:02.000\n{cue}\n")

    assert segment.speaker == "مريم"
    assert segment.text == "كنا نلتقي كل أسبوع\nМы встречались каждую неделю\nहम हर हफ्ते मिलते थे"


def test_a_byte_order_mark_and_windows_line_endings_are_tolerated():
    data = codecs.BOM_UTF8 + b"WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\ntwo\r\nlines\r\n"

    assert read_webvtt(decode(data)) == [Segment(1000, 2000, "two\nlines")]
    assert read_webvtt("\ufeffWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nhi\r\n") == [Segment(1000, 2000, "hi")]


def test_a_line_of_only_spaces_ends_a_cue_like_an_empty_one():
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nfirst\n   \n00:03.000 --> 00:04.000\nsecond\n"

    assert [segment.text for segment in read_webvtt(text)] == ["first", "second"]


@pytest.mark.parametrize(
    ("timing", "says"),
    [
        ("00:00:03.000 --> 00:00:0x.000", "expected a time"),
        ("00:03.000 --> 00:61.000", "seconds"),
        ("00:00:03,5 --> 00:00:04.000", "three digits"),
        ("00:00:03.000 -> 00:00:04.000", "expected a cue"),
        ("00:00:03.000 -->", "expected a timing line"),
    ],
)
def test_a_broken_timing_line_is_reported_with_its_line_number(timing, says):
    text = f"WEBVTT\n\n00:01.000 --> 00:02.000\nfine\n\ncue-2\n{timing}\nbroken\n"

    with pytest.raises(FormatError) as error:
        read_webvtt(text)

    assert error.value.line == 7
    assert says in error.value.message


def test_a_cue_that_ends_before_it_starts_is_refused_on_its_line():
    with pytest.raises(FormatError) as error:
        read_webvtt("WEBVTT\n\n00:05.000 --> 00:04.000\nbackwards\n")

    assert error.value.line == 3
    assert "ends (00:04.000) before it starts (00:05.000)" in error.value.message


def test_a_cue_of_no_length_is_allowed():
    assert read_webvtt("WEBVTT\n\n00:05.000 --> 00:05.000\nblink\n") == [Segment(5000, 5000, "blink")]


def test_words_after_a_blank_line_inside_a_cue_are_an_error_not_silently_lost():
    with pytest.raises(FormatError) as error:
        read_webvtt("WEBVTT\n\n00:01.000 --> 00:02.000\nfirst paragraph\n\nsecond paragraph\n")

    assert error.value.line == 6
    assert "blank line ends a cue" in error.value.message


def test_a_timing_line_inside_a_cue_starts_a_new_cue():
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nfirst\n00:03.000 --> 00:04.000\nsecond\n"

    assert read_webvtt(text) == [Segment(1000, 2000, "first"), Segment(3000, 4000, "second")]


def test_a_cue_with_no_text_is_kept_with_empty_text():
    assert read_webvtt("WEBVTT\n\n00:01.000 --> 00:02.000\n") == [Segment(1000, 2000, "")]
