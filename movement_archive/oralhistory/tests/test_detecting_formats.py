"""An uploaded file's format told from its text, and captions read in one call whatever their format."""

from __future__ import annotations

import codecs

import pytest

from movement_archive.oralhistory.detect import detect_format, read_captions
from movement_archive.oralhistory.document import FormatError, Segment
from movement_archive.oralhistory.text import MAX_BYTES

WEBVTT = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Hola\n"
SRT = "1\n00:00:01,000 --> 00:00:02,000\nHola\n"
STAMPED = "Interview, 1987\n\n[00:00:01] ANA: Hola\n"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (WEBVTT, "webvtt"),
        ("WEBVTT - with a title\n", "webvtt"),
        ("\ufeffWEBVTT\n", "webvtt"),
        (SRT, "srt"),
        ("\n\n00:00:01,000 --> 00:00:02,000\nno sequence number\n", "srt"),
        ("1\n00:00:01.000 --> 00:00:02.000\nfull stops\n", "srt"),
        (STAMPED, "stamped"),
        ("story first, then [01:02] a stamp mid-line", "stamped"),
        ('<?xml version="1.0" encoding="UTF-8"?>\n<ROOT xmlns="https://www.weareavp.com/nunncenter/ohms">', "ohms"),
        ("\n  <ROOT>", "ohms"),
        ('<?xml version="1.0"?><!-- exported --><!DOCTYPE ROOT><ohms:ROOT xmlns:ohms="urn:x">', "ohms"),
    ],
)
def test_each_format_is_recognised_by_how_it_begins(text, kind):
    assert detect_format(text) == kind


def test_an_xml_document_that_is_not_ohms_is_refused_naming_its_root():
    with pytest.raises(FormatError, match="root element is <tt>"):
        detect_format('<?xml version="1.0"?>\n<tt xmlns="http://www.w3.org/ns/ttml">[00:01]</tt>')


@pytest.mark.parametrize("text", ["", "Just a story with no times.", "<ROOTS>", "WEBVTTX\n", "12:30 lunch"])
def test_a_file_that_fits_no_format_is_refused_listing_what_was_looked_for(text):
    with pytest.raises(FormatError) as error:
        detect_format(text)

    for looked_for in ("WEBVTT", "-->", "[00:01:02]", "ROOT"):
        assert looked_for in error.value.message


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        (WEBVTT, [Segment(1000, 2000, "Hola", "Ana")]),
        (SRT, [Segment(1000, 2000, "Hola")]),
        (STAMPED, [Segment(0, None, "Interview, 1987"), Segment(1000, None, "Hola", "ANA")]),
    ],
)
def test_captions_are_read_from_bytes_with_a_mark_and_windows_line_endings(text, segments):
    data = codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode()

    assert read_captions(data) == segments
    assert read_captions(text) == segments


def test_an_ohms_file_is_not_read_as_captions():
    with pytest.raises(FormatError, match="OHMS"):
        read_captions(b'<?xml version="1.0"?><ROOT xmlns="https://www.weareavp.com/nunncenter/ohms"></ROOT>')


def test_reading_captions_keeps_the_size_limit():
    with pytest.raises(FormatError, match="20 MB"):
        read_captions(b"WEBVTT\n" + b"a" * MAX_BYTES)


def test_reading_captions_reports_an_error_in_the_file_with_its_line():
    with pytest.raises(FormatError) as error:
        read_captions(b"WEBVTT\r\n\r\n00:01.000 --> 00:0x.000\r\nHola\r\n")

    assert error.value.line == 3
