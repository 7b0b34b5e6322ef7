r"""Transcripts typed with time stamps in the text: read into segments and speakers, and written back safely."""

from __future__ import annotations

import pytest

from movement_archive.oralhistory.document import FormatError, Segment
from movement_archive.oralhistory.stamped import is_label, read_stamped, write_stamped


def test_each_stamp_starts_a_segment_that_runs_to_the_next():
    text = "[00:00:01] We met in the church hall.\nEvery Tuesday.\n\n[00:01:05]   Then the council closed it.  \n"

    assert read_stamped(text) == [
        Segment(1000, None, "We met in the church hall.\nEvery Tuesday."),
        Segment(65_000, None, "Then the council closed it."),
    ]


def test_stamps_may_stand_in_the_middle_of_a_line():
    assert read_stamped("[00:01] first [00:02] second [00:03]third") == [
        Segment(1000, None, "first"),
        Segment(2000, None, "second"),
        Segment(3000, None, "third"),
    ]


def test_stamps_without_hours_with_long_hours_or_with_a_fraction():
    text = "[01:02] a [1:00:00] b [100:00:00] c [00:01:02.5] d [00:01:02.25] e"

    assert [segment.start_ms for segment in read_stamped(text)] == [62_000, 3_600_000, 360_000_000, 62_500, 62_250]


def test_stamps_keep_the_order_of_the_text_even_when_it_goes_back():
    assert [segment.text for segment in read_stamped("[00:10] later [00:05] earlier")] == ["later", "earlier"]


def test_two_stamps_in_a_row_give_a_segment_with_no_text():
    assert read_stamped("[00:01][00:02] words") == [Segment(1000, None, ""), Segment(2000, None, "words")]


def test_text_before_the_first_stamp_becomes_a_segment_at_zero():
    assert read_stamped("Interview with Maria, 1987.\n[00:05] Hola.") == [
        Segment(0, None, "Interview with Maria, 1987."),
        Segment(5000, None, "Hola."),
    ]


def test_blank_lines_before_the_first_stamp_give_no_segment():
    assert read_stamped("\n \n[00:05] Hola.") == [Segment(5000, None, "Hola.")]


def test_text_without_any_stamp_is_refused():
    with pytest.raises(FormatError) as error:
        read_stamped("\nJust a story, no times at all.\n")

    assert error.value.line == 2
    assert "[00:01:02]" in error.value.message


def test_an_impossible_stamp_is_reported_on_its_line():
    with pytest.raises(FormatError) as error:
        read_stamped("[00:01] fine\n\nstill fine [00:75] not fine")

    assert error.value.line == 3
    assert "seconds" in error.value.message


@pytest.mark.parametrize(
    ("label", "speaker"),
    [
        ("MARIA:", "MARIA"),
        ("Maria López:", "Maria López"),
        ("Dr. Ana Ruiz-Soto:", "Dr. Ana Ruiz-Soto"),
        ("Q:", "Q"),
        ("Séamus O'Brien:", "Séamus O'Brien"),
        ("ОЛЬГА ПЕТРОВА:", "ОЛЬГА ПЕТРОВА"),
        ("Νίκος:", "Νίκος"),
        ("Ana2 B3:", "Ana2 B3"),  # digits may follow the capital
        ("A B C D E:", "A B C D E"),
    ],
)
def test_a_label_after_the_stamp_becomes_the_speaker(label, speaker):
    [segment] = read_stamped(f"[00:01:02] {label} We were there.")

    assert (segment.speaker, segment.text) == (speaker, "We were there.")


@pytest.mark.parametrize(
    "text",
    [
        "maria: lowercase",
        "Maria de la Cruz: lowercase particles",
        "مريم: a script without case",
        "5 o'clock: a digit first",
        "In 1985: a word that is a number",  # so "Speaker 2:" is not a label either
        "A B C D E F: six words",
        "Note:no space after the colon",
        "Maria  Lopez: two spaces",
        "said: she",
    ],
)
def test_what_is_not_a_label_stays_in_the_text(text):
    [segment] = read_stamped(f"[00:01:02] {text}")

    assert (segment.speaker, segment.text) == ("", text)


def test_a_label_on_a_line_of_its_own_and_text_under_it():
    assert read_stamped("[00:01] INTERVIEWER:\nWhen did it start?") == [
        Segment(1000, None, "When did it start?", "INTERVIEWER")
    ]


def test_writing_gives_one_paragraph_a_segment_with_its_speaker():
    segments = [Segment(1000, None, "When did it start?", "Q"), Segment(65_000, 70_000, "In 1987.\nIn the spring.")]

    assert write_stamped(segments) == "[00:00:01] Q: When did it start?\n\n[00:01:05] In 1987.\nIn the spring.\n"


def test_a_fraction_of_a_second_is_written_only_when_there_is_one():
    written = write_stamped([Segment(62_500, None, "a"), Segment(63_000, None, "b")])

    assert written == "[00:01:02.500] a\n\n[00:01:03] b\n"
    assert [segment.start_ms for segment in read_stamped(written)] == [62_500, 63_000]


def test_a_text_that_starts_like_a_label_is_written_with_a_backslash_and_read_back_as_text():
    written = write_stamped([Segment(0, None, "Yes: I was there."), Segment(1000, None, "\\Yes: a backslash")])

    assert written == "[00:00:00] \\Yes: I was there.\n\n[00:00:01] \\\\Yes: a backslash\n"
    assert read_stamped(written) == [Segment(0, None, "Yes: I was there."), Segment(1000, None, "\\Yes: a backslash")]


def test_a_label_in_the_text_after_a_speaker_needs_no_backslash():
    written = write_stamped([Segment(0, None, "Yes: I was there.", "ANA")])

    assert written == "[00:00:00] ANA: Yes: I was there.\n"
    assert read_stamped(written) == [Segment(0, None, "Yes: I was there.", "ANA")]


def test_stamps_inside_a_text_are_written_with_a_backslash_and_read_back_as_text():
    text = "the tape said [00:01:02] and \\[00:03] and [00:75]"

    written = write_stamped([Segment(0, None, text)])

    assert written == "[00:00:00] the tape said \\[00:01:02] and \\\\[00:03] and \\[00:75]\n"
    assert read_stamped(written) == [Segment(0, None, text)]


def test_an_escaped_stamp_in_a_hand_typed_file_is_text():
    assert read_stamped("[00:01] see \\[00:02] later") == [Segment(1000, None, "see [00:02] later")]


def test_a_speaker_outside_the_label_rule_comes_back_as_part_of_the_text():
    written = write_stamped([Segment(0, None, "Hola", "maria"), Segment(1000, None, "", "مريم")])

    assert written == "[00:00:00] maria: Hola\n\n[00:00:01] مريم:\n"
    assert read_stamped(written) == [Segment(0, None, "maria: Hola"), Segment(1000, None, "مريم:")]


def test_the_label_rule_is_the_same_for_reading_and_writing():
    assert is_label("Maria López") and is_label("ОЛЬГА") and is_label("Q")
    assert not is_label("maria") and not is_label("") and not is_label("A B C D E F") and not is_label("Ana ")
