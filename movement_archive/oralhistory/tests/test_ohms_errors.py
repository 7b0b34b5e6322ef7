"""Files that are not good OHMS: each error says what is wrong and names the element or line."""

from __future__ import annotations

from pathlib import Path

import pytest

from movement_archive.oralhistory.document import FormatError
from movement_archive.oralhistory.ohms import MAX_BYTES, read_ohms

FILES = Path(__file__).parent / "files"
OHMS5 = (FILES / "ohms5_places_links.xml").read_text(encoding="utf-8")
LEGACY = (FILES / "legacy_sync.xml").read_text(encoding="utf-8")


def _error(data: bytes | str) -> FormatError:
    with pytest.raises(FormatError) as caught:
        read_ohms(data)
    return caught.value


# Index points ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "time", ["<time>2 minutes</time>", "<time>-5</time>", "<time>1:05</time>", "<time></time>", ""]
)
def test_an_index_time_that_is_not_a_number_of_seconds_names_the_points_time(time):
    error = _error(OHMS5.replace("<time>3600</time>", time))

    assert error.element == "record/index/point[3]/time"
    assert str(error).startswith("record/index/point[3]/time: ")


@pytest.mark.parametrize(
    "gps",
    [
        "12.5",  # one number
        "12.5, -35.25, 4",  # three
        "north, west",
        "38°2'N, 84°30'W",  # degrees and minutes rather than decimal degrees
        "91, 10",  # latitude out of range
        "10, 180.5",  # longitude out of range
        "nan, 1",
    ],
)
def test_coordinates_that_are_not_two_decimal_degrees_in_range_name_their_block(gps):
    error = _error(OHMS5.replace("<gps>12.4871,-35.3004</gps>", f"<gps>{gps}</gps>"))

    assert error.element == "record/index/point[1]/gpspoints[2]/gps"
    assert repr(gps) in error.message


def test_coordinates_straight_in_the_point_name_the_point():
    error = _error(OHMS5.replace("<gps>12.51, -35.2</gps>", "<gps>12.51 -35.2 0</gps>", 1))

    assert error.element == "record/index/point[2]/gps"


def test_a_zoom_that_is_not_a_whole_number_is_refused():
    assert _error(OHMS5.replace("<gps_zoom>15</gps_zoom>", "<gps_zoom>close</gps_zoom>")).element == (
        "record/index/point[1]/gpspoints[1]/gps_zoom"
    )


def test_a_place_named_without_coordinates_or_a_link_text_without_an_address_is_refused_not_dropped():
    place = _error(OHMS5.replace("<gps>12.5, -35.25</gps>", "<gps></gps>"))
    link = _error(OHMS5.replace("<hyperlink>https://archive.example.org/items/harbour-photo</hyperlink>", ""))

    assert place.element == "record/index/point[1]/gpspoints[1]/gps"
    assert "Laundrette on Quay Row" in place.message
    assert link.element == "record/index/point[2]/hyperlink"


# Sync strings ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sync", "says"),
    [
        ("1:|5(3)|99(1)", "line 99"),  # the transcript has 19 lines
        ("1:|5(3)|10(40)", "word 40 of line 10"),
        ("1:|5(3)|3(1)", "word 1 of line 3"),  # line 3 is blank
        ("1:|10(1)|5(3)", "earlier place"),
        ("one minute:|5(3)", "interval"),
        ("1:|5[3]", "line number and a word number"),
        ("0:|5(3)", "at least 1 minute"),
        ("99999999:|5(3)", "later than the longest recording"),  # its first marker is 99,999,999 minutes in
        (f"{'9' * 21}:|5(3)", "interval"),  # more digits than any number the sync string holds
        (f"1:|{'9' * 5000}(3)", "line number and a word number"),
    ],
)
def test_a_sync_string_that_points_outside_its_transcript_or_backwards_names_the_sync(sync, says):
    error = _error(LEGACY.replace("<sync>1:|5(3)|10(1)|11(6)|15(2)</sync>", f"<sync>{sync}</sync>"))

    assert error.element == "record/sync"
    assert says in error.message


def test_a_bad_sync_alt_names_sync_alt():
    text = LEGACY.replace("<transcript_alt></transcript_alt>", "<transcript_alt>Una línea.</transcript_alt>")

    assert _error(text.replace("<sync_alt></sync_alt>", "<sync_alt>1:|2(1)</sync_alt>")).element == "record/sync_alt"


# The file as a whole --------------------------------------------------------------------------------------


def test_a_file_without_a_record_is_not_ohms():
    error = _error('<?xml version="1.0"?>\n<ROOT xmlns="https://www.weareavp.com/nunncenter/ohms"></ROOT>')

    assert error.element == "record"
    assert "<record>" in error.message


def test_a_record_of_another_vocabulary_is_not_an_ohms_record():
    assert _error('<ROOT><x:record xmlns:x="urn:example:other"/></ROOT>').element == "record"


def test_broken_xml_names_its_line_counted_in_the_file_as_given():
    broken = LEGACY.replace("<title>Oral", "<title>Oral <b>history", 1)
    line = broken.splitlines().index(next(x for x in broken.splitlines() if "<title>Oral" in x)) + 1

    assert _error(broken).line == line
    assert _error(b"\xef\xbb\xbf\n\n" + broken.encode()).line == line + 2  # skipped blank lines still count
    assert str(_error(broken)).startswith(f"line {line}: the XML is not well formed: mismatched tag")


def test_text_that_is_not_xml_at_all_is_refused_with_a_line():
    error = _error("WEBVTT\n\n00:00.000 --> 00:01.000\nhello")

    assert error.line == 1


def test_an_undeclared_entity_is_a_syntax_error_with_its_line():
    assert _error("<ROOT>\n<record>\n<title>&nbsp;</title></record></ROOT>").line == 3


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE ROOT [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<ROOT><record><title>&lol4;</title></record></ROOT>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE ROOT [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<ROOT><record><title>&secret;</title></record></ROOT>
"""


@pytest.mark.parametrize(
    "document",
    [
        pytest.param(BILLION_LAUGHS, id="billion-laughs"),
        pytest.param(EXTERNAL_ENTITY, id="external-entity"),
        pytest.param('<?xml version="1.0"?>\n<!DOCTYPE ROOT>\n<ROOT><record/></ROOT>', id="bare-doctype"),
        pytest.param(BILLION_LAUGHS.encode("utf-16"), id="billion-laughs-utf16"),
    ],
)
def test_document_type_declarations_and_entities_are_refused_before_anything_expands(document):
    error = _error(document)

    assert "document type or entities" in error.message
    if isinstance(document, str):
        assert error.line == 2


def test_a_file_over_twenty_megabytes_is_refused_before_it_is_parsed():
    padding = " " * (MAX_BYTES + 1 - len(OHMS5.encode()))
    too_big = OHMS5.replace("<title>", f"<title>{padding}", 1)

    assert "20 MB" in _error(too_big).message
    assert "20 MB" in _error(too_big.encode()).message
    # Characters outside ASCII take more than a byte each: the limit is in bytes, not characters.
    assert "20 MB" in _error(OHMS5.replace("<title>", "<title>" + "é" * (MAX_BYTES // 2 + 1), 1)).message


def test_a_file_just_under_the_limit_is_read():
    padding = " " * (MAX_BYTES - len(OHMS5.encode()))

    assert read_ohms(OHMS5.replace("<title>", f"<title>{padding}", 1).encode()).title.startswith("Interview")


@pytest.mark.parametrize("duration", ["about an hour", "1:75:00", "1:00:61", "3600"])
def test_a_duration_that_is_not_a_clock_time_names_the_duration(duration):
    error = _error(OHMS5.replace("<duration>01:02:03</duration>", f"<duration>{duration}</duration>"))

    assert error.element == "record/duration"


# WebVTT inside OHMS 6 -------------------------------------------------------------------------------------

OHMS6 = (FILES / "ohms6_vtt_translation.xml").read_text(encoding="utf-8")


def test_broken_webvtt_names_its_element_and_the_line_within_the_webvtt():
    error = _error(OHMS6.replace("00:00:12.000 --> 00:00:25.250", "00:00:12.000 --> 00:00:05.000", 1))

    assert error.element == "record/vtt_transcript"
    assert "(line 9 of the WebVTT)" in error.message


def test_broken_webvtt_without_a_header_counts_lines_as_written():
    headless = OHMS6.replace("<![CDATA[WEBVTT\n\n", "<![CDATA[", 1)
    error = _error(headless.replace("00:00:12.000 --> 00:00:25.250", "00:00:12.000 --> soon", 1))

    assert "(line 7 of the WebVTT)" in error.message


def test_broken_webvtt_in_the_translation_names_vtt_transcript_alt():
    error = _error(OHMS6.replace("<v SAMPLE>¿Dónde", "\n¿Dónde", 1))

    assert error.element == "record/vtt_transcript_alt"
