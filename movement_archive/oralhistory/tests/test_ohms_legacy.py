"""Legacy OHMS files: a plain transcript timed by a <sync> string of minute markers, read into segments."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from movement_archive.oralhistory.document import IndexPoint, Segment
from movement_archive.oralhistory.ohms import read_ohms
from movement_archive.oralhistory.ohms_sync import sync_segments

FILES = Path(__file__).parent / "files"
LEGACY = (FILES / "legacy_sync.xml").read_bytes()


def _legacy_with(**replacements: str) -> str:
    """The legacy fixture with the text of some elements replaced."""
    text = LEGACY.decode("utf-8")
    for name, value in replacements.items():
        element = f"<{name}>{value}</{name}>"
        text, count = re.subn(rf"<{name}>.*?</{name}>", lambda _match, new=element: new, text, flags=re.DOTALL)
        assert count == 1, name
    return text


# The fixture's sync, 1:|5(3)|10(1)|11(6)|15(2), against its transcript -----------------------------------


def test_a_legacy_transcript_is_cut_where_each_minute_begins_and_at_each_speakers_turn():
    doc = read_ohms(LEGACY)

    assert doc.segments == [
        Segment(
            0,
            None,
            "This is a recording made for a practice collection. Today I am\n"
            "talking with Narrator A. Example in Rivermouth. Where did it start?",
            "SAMPLE",
        ),
        Segment(0, None, "It started in a kitchen, honestly. There were four of us and a\nbox of", "EXAMPLE"),
        Segment(
            60_000,
            None,
            "supplies that somebody had driven over from Port Fennick.[[footnote]]1[[/footnote]] We\n"
            "handed things out on Tuesdays & wrote nothing down at first.",
            "EXAMPLE",
        ),
        Segment(60_000, None, "Why nothing?", "SAMPLE"),
        Segment(
            120_000,
            None,
            "Because paper can be taken from you. Later we kept a notebook\nwith first names only, and",
            "EXAMPLE",
        ),
        Segment(180_000, None, "a tally of what went out the door.", "EXAMPLE"),
        Segment(180_000, None, "And the name of the group?", "SAMPLE"),
        Segment(
            240_000,
            None,
            "The Tuesday Table. It still meets.\n\n"
            "[[footnotes]][[note]]Port Fennick is an invented town.[[/note]][[/footnotes]]",
            "EXAMPLE",
        ),
    ]


def test_no_character_of_a_legacy_transcript_is_lost_only_white_space_at_the_cuts_and_the_labels_colon():
    transcript = re.search(r"<transcript>(.*?)</transcript>", LEGACY.decode(), re.DOTALL).group(1)
    transcript = transcript.replace("&amp;", "&")

    # Rebuild the transcript as a pattern: a label wherever the speaker changes (the fixture's turns
    # alternate), then each segment's text exactly, with nothing but white space between the pieces.
    pattern, speaker = r"\s*", ""
    for segment in read_ohms(LEGACY).segments:
        if segment.speaker != speaker:
            pattern += re.escape(segment.speaker) + r":\s*"
            speaker = segment.speaker
        pattern += re.escape(segment.text) + r"\s*"

    assert re.fullmatch(pattern, transcript)


def test_legacy_metadata_maps_to_the_documents_fields():
    doc = read_ohms(LEGACY)

    assert doc.title == "Oral history interview with Narrator A. Example (synthetic test record)"
    assert doc.date == "1998-03-10"
    assert doc.interviewees == ["Example, Narrator A."]
    assert doc.interviewers == ["Sample, Interviewer B."]
    assert doc.language == "English"
    assert doc.duration_ms == (4 * 60 + 31) * 1000
    assert doc.media_url == "https://media.example.org/tuesday-table/01.mp3"
    assert doc.media_format == "audio"
    assert doc.repository == "Rivermouth Community Archive (invented)"
    assert doc.collection == "Tuesday Table Recordings (invented collection)"
    assert doc.accession == "RCA-TEST-0001"
    assert doc.rights == "Synthetic test material; no rights reserved."
    assert doc.usage == "For software tests only."
    assert doc.description.endswith("invented, down to the café.")
    assert doc.subjects == ["Harm reduction", "Mutual aid"]
    assert doc.keywords == ["Rivermouth (invented town)"]
    assert doc.segments_alt == []


def test_legacy_index_points_have_times_in_seconds_and_lists_split_at_semicolons():
    doc = read_ohms(LEGACY)

    assert doc.index[0] == IndexPoint(
        time_ms=0,
        title="Introduction",
        partial_transcript="This is a recording made for a practice collection.",
        synopsis="The interviewer introduces the (invented) narrator.",
        keywords=["Introductions"],
    )
    # "kitchen table; supplies;Port Fennick ;" as OHMS editors leave it: spaces and a trailing separator.
    assert doc.index[1].time_ms == 47_000
    assert doc.index[1].keywords == ["kitchen table", "supplies", "Port Fennick"]
    assert doc.index[1].subjects == ["Mutual aid", "Record keeping"]


# The sync string's rules ----------------------------------------------------------------------------------

TEXT = "ONE: alpha beta gamma\ndelta epsilon\n\nTWO: zeta eta theta"


def test_a_transcript_with_no_sync_is_one_segment_at_the_start():
    doc = read_ohms(_legacy_with(sync="", transcript="Just one paragraph,\nwrapped over two lines."))

    assert doc.segments == [Segment(0, None, "Just one paragraph,\nwrapped over two lines.", "")]


def test_without_sync_each_speakers_turn_is_still_its_own_segment_at_the_start():
    assert sync_segments(TEXT, "") == [
        Segment(0, None, "alpha beta gamma\ndelta epsilon", "ONE"),
        Segment(0, None, "zeta eta theta", "TWO"),
    ]


def test_lines_and_words_of_a_marker_count_from_one():
    # 2(2) is line 2, word 2: "epsilon", not "delta" and not a word of line 3.
    assert sync_segments(TEXT, "1:|2(2)") == [
        Segment(0, None, "alpha beta gamma\ndelta", "ONE"),
        Segment(60_000, None, "epsilon", "ONE"),
        Segment(60_000, None, "zeta eta theta", "TWO"),
    ]


def test_the_interval_before_the_colon_spaces_the_markers_in_minutes():
    assert [s.start_ms for s in sync_segments(TEXT, "5:|1(3)|2(1)")] == [0, 300_000, 600_000, 600_000]


def test_a_blank_field_is_a_minute_without_a_marker():
    # Minute 2 is blank: "theta" begins at 3:00; TWO's turn, between the markers, keeps 1:00.
    assert [s.start_ms for s in sync_segments(TEXT, "1:|1(3)||4(4)")] == [0, 60_000, 60_000, 180_000]


def test_without_the_empty_field_after_the_colon_the_first_marker_is_still_the_first_interval():
    assert [s.start_ms for s in sync_segments(TEXT, "1:1(3)|4(4)")] == [0, 60_000, 60_000, 120_000]


def test_two_markers_on_one_word_are_a_silent_minute_and_the_words_begin_at_the_later_one():
    assert sync_segments(TEXT, "1:|1(3)|1(3)") == [
        Segment(0, None, "alpha", "ONE"),
        Segment(120_000, None, "beta gamma\ndelta epsilon", "ONE"),
        Segment(120_000, None, "zeta eta theta", "TWO"),
    ]


def test_a_marker_on_a_label_or_on_the_word_after_it_times_the_whole_turn():
    on_label = sync_segments(TEXT, "1:|4(1)")
    after_label = sync_segments(TEXT, "1:|4(2)")

    assert on_label[-1] == after_label[-1] == Segment(60_000, None, "zeta eta theta", "TWO")
    assert len(on_label) == len(after_label) == 2


def test_a_marker_inside_a_label_of_several_words_starts_the_turn():
    text = "MS. ROE-DOE: first words\nsecond line"

    assert sync_segments(text, "1:|1(2)") == [Segment(60_000, None, "first words\nsecond line", "MS. ROE-DOE")]


def test_a_marker_with_a_line_and_no_word_marks_the_start_of_that_line():
    assert sync_segments(TEXT, "1:|2") == [
        Segment(0, None, "alpha beta gamma", "ONE"),
        Segment(60_000, None, "delta epsilon", "ONE"),
        Segment(60_000, None, "zeta eta theta", "TWO"),
    ]


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("SMITH: words", "SMITH"),
        ("  MR. O'DONNELL-SMITH: words", "MR. O'DONNELL-SMITH"),
        ("Q: words", "Q"),
        ("MÜLLER: words", "MÜLLER"),
        ("Note: words", ""),
        ("HTTP://example.org words", ""),
        ("1985: words", ""),
        ("NASA:words", ""),
    ],
)
def test_a_line_opening_with_a_label_in_capitals_and_a_colon_is_a_speakers_turn(line, speaker):
    (segment,) = sync_segments(line, "")

    assert segment.speaker == speaker
    assert segment.text == ("words" if speaker else line.strip())


def test_a_translation_is_read_from_transcript_alt_timed_by_sync_alt():
    text = _legacy_with(transcript_alt="EJEMPLO: Empezó en una cocina.\nDe verdad.", sync_alt="1:|2(1)")

    assert read_ohms(text).segments_alt == [
        Segment(0, None, "Empezó en una cocina.", "EJEMPLO"),
        Segment(60_000, None, "De verdad.", "EJEMPLO"),
    ]


# Messy files read the same -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(LEGACY.replace(b"\n", b"\r\n"), id="crlf"),
        pytest.param(b"\xef\xbb\xbf" + LEGACY, id="bom"),
        pytest.param(b"\n\n  " + LEGACY, id="blank-lines-before-the-declaration"),
        pytest.param(LEGACY.decode("utf-8"), id="text"),
        pytest.param("\ufeff" + LEGACY.decode("utf-8").replace("\n", "\r\n"), id="text-bom-crlf"),
        pytest.param(
            LEGACY.replace(b"<ROOT>", b'<ROOT xmlns="https://www.weareavp.com/nunncenter/ohms">'), id="namespace"
        ),
        pytest.param(
            LEGACY.decode().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("latin-1"), id="latin-1"
        ),
        pytest.param(LEGACY.decode().encode("utf-16"), id="utf-16-still-declared-utf-8"),
    ],
)
def test_line_ends_byte_order_marks_encodings_and_the_namespace_do_not_change_the_reading(variant):
    assert read_ohms(variant) == read_ohms(LEGACY)
