"""Times as caption files and typed transcripts write them, into milliseconds and back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from movement_archive.oralhistory import timecodes
from movement_archive.oralhistory.document import FormatError


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("01:02:03.456", 3_723_456),  # WebVTT
        ("02:03.456", 123_456),  # WebVTT without hours
        ("01:02:03,456", 3_723_456),  # SRT
        ("01:02:03", 3_723_000),  # a typed stamp
        ("02:03", 123_000),  # a typed stamp without hours
        ("00:00:00.000", 0),
        ("1:00:00.000", 3_600_000),  # hours of one digit, as some tools write them
    ],
)
def test_each_accepted_shape_reads_to_whole_milliseconds(text, ms):
    assert timecodes.parse(text) == ms


def test_hours_may_run_past_two_digits_for_very_long_recordings():
    assert timecodes.parse("123:00:00.001") == 123 * 3_600_000 + 1
    assert timecodes.vtt(123 * 3_600_000 + 1) == "123:00:00.001"


@pytest.mark.parametrize(
    ("text", "part"), [("00:60:00.000", "minutes"), ("61:00.000", "minutes"), ("00:59:60", "seconds")]
)
def test_minutes_or_seconds_of_sixty_or_more_are_refused_on_the_given_line(text, part):
    with pytest.raises(FormatError) as error:
        timecodes.parse(text, line=7)

    assert error.value.line == 7
    assert f"the {part} of {text!r} must be below 60" in error.value.message


@pytest.mark.parametrize(
    "text",
    ["", "1:02", "00:00:01:000", "00:00:01.0000", "00:00:01.5", "aa:bb:cc", " 00:01.000", "00:01.000 ", "−00:01"],
)
def test_anything_else_is_refused_saying_which_shapes_were_expected(text):
    with pytest.raises(FormatError) as error:
        timecodes.parse(text, line=3)

    assert error.value.line == 3
    assert str(error.value).startswith("line 3: ")
    assert "01:02:03.456" in error.value.message or "digits" in error.value.message


def test_a_fraction_typed_by_hand_is_a_decimal_part_of_a_second_when_allowed():
    assert timecodes.parse("00:01:02.5", short_fraction=True) == 62_500
    assert timecodes.parse("00:01:02.05", short_fraction=True) == 62_050
    assert timecodes.parse("01:02.123", short_fraction=True) == 62_123
    with pytest.raises(FormatError, match="exactly three digits"):
        timecodes.parse("00:01:02.5")


def test_each_formatter_writes_its_own_form():
    ms = 3_723_456

    assert (timecodes.vtt(ms), timecodes.srt(ms), timecodes.clock(ms)) == ("01:02:03.456", "01:02:03,456", "01:02:03")
    assert timecodes.vtt(0) == "00:00:00.000"


def test_the_clock_form_drops_the_part_of_a_second_rather_than_rounding_up():
    assert timecodes.clock(59_999) == "00:00:59"


def test_a_negative_time_cannot_be_written():
    with pytest.raises(ValueError, match="negative"):
        timecodes.vtt(-1)


@given(st.integers(min_value=0, max_value=timecodes.MAX_MS))
def test_every_written_time_reads_back_as_itself(ms):
    assert timecodes.parse(timecodes.vtt(ms)) == ms
    assert timecodes.parse(timecodes.srt(ms)) == ms
    assert timecodes.parse(timecodes.clock(ms)) == ms - ms % 1000


@pytest.mark.parametrize(
    "text", ["596:31:23.648", "1000:00:00.000", "99999999999999999999999:00:00.000", f"{'9' * 5000}:00:00.000"]
)
def test_a_time_past_the_longest_recording_the_archive_keeps_is_refused_naming_its_line(text):
    with pytest.raises(FormatError, match="later than the longest recording the archive keeps") as refused:
        timecodes.parse(text, line=7)
    assert refused.value.line == 7
    assert timecodes.parse("596:31:23.647") == timecodes.MAX_MS
