"""OHMS 5 files: index points with places and links, in repeated blocks or straight in the point."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from movement_archive.oralhistory.document import FormatError, GpsPoint, Hyperlink
from movement_archive.oralhistory.ohms import read_ohms

FILES = Path(__file__).parent / "files"
OHMS5 = (FILES / "ohms5_places_links.xml").read_text(encoding="utf-8")


def test_places_in_repeated_gpspoints_blocks_keep_their_zoom_and_both_texts_and_empty_blocks_are_skipped():
    first = read_ohms(OHMS5).index[0]

    assert first.gps_points == [
        GpsPoint(
            12.5, -35.25, 15, "Laundrette on Quay Row, Rivermouth (invented)", "Lavandería de Quay Row (inventada)"
        ),
        GpsPoint(12.4871, -35.3004, None, "The second room (invented)", ""),
    ]


def test_links_in_repeated_hyperlinks_blocks_keep_both_texts_and_their_escaped_ampersands():
    first = read_ohms(OHMS5).index[0]

    assert first.hyperlinks == [
        Hyperlink(
            "https://archive.example.org/items/rca-test-0001",
            "Interview with Narrator A. Example",
            "Entrevista con Narrator A. Example",
        ),
        Hyperlink("https://archive.example.org/items/leaflet?id=3&page=2", "Leaflet, page 2", ""),
    ]


def test_the_older_single_place_and_link_straight_in_the_point_are_read_too():
    second = read_ohms(OHMS5).index[1]

    assert second.gps_points == [GpsPoint(12.51, -35.2, 12, "Harbour room (invented)")]
    assert second.hyperlinks == [
        Hyperlink("https://archive.example.org/items/harbour-photo", "Photograph of the harbour room")
    ]


def test_a_place_written_both_ways_in_one_point_is_kept_once():
    third = read_ohms(OHMS5).index[2]

    assert third.gps_points == [GpsPoint(12.51, -35.2, 12, "Harbour room (invented)")]


def test_a_place_straight_in_the_point_comes_before_the_blocks():
    text = OHMS5.replace("<time>3600</time>", "<time>3600</time><gps>-1.5, 2.25</gps>").replace(
        "<gps_zoom>12</gps_zoom>\n        <gps_text>Harbour room (invented)</gps_text>\n        <gpspoints>",
        "<gps_zoom></gps_zoom><gps_text></gps_text><gpspoints>",
    )

    places = read_ohms(text).index[2].gps_points

    assert [(p.latitude, p.longitude) for p in places] == [(-1.5, 2.25), (12.51, -35.2)]


def test_each_index_text_has_its_translation_twin_and_values_are_trimmed():
    first = read_ohms(OHMS5).index[0]

    assert first.time_ms == 125_000
    assert (first.title, first.title_alt) == ("The first drop-in", "El primer local")
    assert first.partial_transcript_alt == "Alquilamos la trastienda de una lavandería."
    assert first.synopsis == (
        "The narrators describe the first space they rented and the two places they moved between."
    )
    assert first.synopsis_alt == "Los narradores describen el primer local que alquilaron."
    assert (first.keywords, first.keywords_alt) == (
        ["Drop-in centres", "Laundrettes"],
        ["Centros de acogida", "Lavanderías"],
    )
    assert (first.subjects, first.subjects_alt) == (["Harm reduction"], ["Reducción de daños"])


def test_record_metadata_of_an_ohms5_file():
    doc = read_ohms(OHMS5)

    assert doc.date == "Spring 2003"  # <date value=""> is empty, so the date in words stands in
    assert doc.duration_ms == (3600 + 2 * 60 + 3) * 1000
    assert doc.interviewees == ["Placeholder, Narrator C.", "Dummy, Narrator D."]
    assert doc.interviewers == ["Sample, Interviewer B."]  # the second <interviewer/> is empty
    assert doc.language == "English"
    assert doc.language_alt == "Spanish"
    assert doc.media_format == "video"
    assert doc.media_url == "https://media.example.org/tuesday-table/02.mp4"
    assert doc.description == "" and doc.rights == ""
    assert doc.segments == [] and doc.segments_alt == []  # <transcript> holds only a line break


def test_a_file_in_no_namespace_reads_the_same_as_one_in_the_ohms_namespace():
    plain = OHMS5.replace('xmlns="https://www.weareavp.com/nunncenter/ohms" ', "")
    assert 'weareavp.com/nunncenter/ohms"' not in plain

    assert read_ohms(plain) == read_ohms(OHMS5)


def test_the_namespace_spelt_with_http_reads_the_same():
    older = OHMS5.replace('xmlns="https://www.', 'xmlns="http://www.')

    assert read_ohms(older) == read_ohms(OHMS5)


def test_unknown_elements_and_elements_of_other_vocabularies_are_skipped():
    noisy = OHMS5.replace(
        "<title>Interview",
        '<cataloguer_note><title>Not the title</title></cataloguer_note><x:title xmlns:x="urn:example:other">'
        "Nor this</x:title><title>Interview",
    )

    assert read_ohms(noisy) == read_ohms(OHMS5)


@pytest.mark.parametrize(
    ("fmt", "clip_format", "expected"),
    [
        ("<fmt>video</fmt>", "<clip_format>audio</clip_format>", "video"),
        ("<fmt>video:a1b2c3</fmt>", "", "video"),  # the oldest files name the player's video after a colon
        ("<fmt></fmt>", "<clip_format>audio</clip_format>", "audio"),
        ("", "<clip_format>Video</clip_format>", "video"),
        ("<fmt>film</fmt>", "<clip_format></clip_format>", ""),
    ],
)
def test_the_media_format_comes_from_fmt_or_else_from_the_media_files_clip_format(fmt, clip_format, expected):
    text = OHMS5.replace("<fmt>video</fmt>", fmt).replace("<clip_format>video</clip_format>", clip_format)

    assert read_ohms(text).media_format == expected


@pytest.mark.parametrize(
    ("written", "ms"), [("00:00:00", None), ("1:02:03", 3_723_000), ("45:10", 2_710_000), ("", None)]
)
def test_a_duration_is_a_clock_time_and_zero_means_not_known(written, ms):
    # Without its index, whose last point (at 1:00:00) a duration of 45:10 would end before.
    text = re.sub(r"<index>.*</index>", "<index/>", OHMS5, flags=re.DOTALL)
    assert read_ohms(text.replace("<duration>01:02:03</duration>", f"<duration>{written}</duration>")).duration_ms == ms


def test_an_index_point_after_the_end_of_the_recording_is_refused_naming_it():
    with pytest.raises(FormatError) as refused:
        read_ohms(OHMS5.replace("<duration>01:02:03</duration>", "<duration>45:10</duration>"))

    assert refused.value.element.startswith("record/index/point[") and refused.value.element.endswith("]/time")
    assert "after the end of the recording (00:45:10" in refused.value.message


@pytest.mark.parametrize(
    "time", ["99999999999999999999999", "3000000", "1" + "0" * 30 + ".5"], ids=["digits", "too-late", "long"]
)
def test_an_index_time_past_any_recording_is_refused_naming_the_point(time):
    text = re.sub(r"<duration>[^<]*</duration>", "<duration>00:00:00</duration>", OHMS5)
    text = re.sub(r"<time>[^<]*</time>", f"<time>{time}</time>", text, count=1)

    with pytest.raises(FormatError) as refused:
        read_ohms(text)

    assert refused.value.element == "record/index/point[1]/time"
