"""Writing OHMS 6.0: valid against the published schema, and read back to the same document."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
import xmlschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from movement_archive.oralhistory.document import GpsPoint, Hyperlink, IndexPoint, InterviewDocument, Segment
from movement_archive.oralhistory.ohms import NAMESPACE, read_ohms, write_ohms

SCHEMA_PATH = Path(__file__).resolve().parents[3].parent / "shared" / "schemas" / "ohms-6.0.xsd"
DT = datetime.date(2025, 2, 14)
NS = {"o": NAMESPACE}


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    if not SCHEMA_PATH.is_file():
        pytest.fail(
            f"The OHMS 6.0 schema is missing: expected {SCHEMA_PATH} (the shared schemas folder beside the "
            "repository). Writing tests cannot check validity without it.",
            pytrace=False,
        )
    return xmlschema.XMLSchema(str(SCHEMA_PATH))


def _write(doc: InterviewDocument, record_id: int = 42) -> bytes:
    return write_ohms(doc, record_id=record_id, dt=DT)


def _record(doc: InterviewDocument) -> ET.Element:
    return ET.fromstring(_write(doc)).find("o:record", NS)


FULL = InterviewDocument(
    title="Interview with Narrator G. Madeup (synthetic)",
    date="2001-05-09",
    interviewees=["Madeup, Narrator G.", "Notreal, Narrator H."],
    interviewers=["Sample, Interviewer B."],
    language="English",
    language_alt="Spanish",
    duration_ms=3_723_000,
    media_url="https://media.example.org/tuesday-table/07.mp3?a=1&b=2",
    media_format="audio",
    rights="Synthetic; no rights reserved.",
    usage="Tests only.",
    repository="Rivermouth Community Archive (invented)",
    collection="Tuesday Table Recordings (invented collection)",
    accession="RCA-TEST-0007",
    description='Invented <people>, invented places & invented "quotes".',
    keywords=["Outreach", "Leaflets; posters"],
    subjects=["Harm reduction"],
    segments=[
        Segment(0, 4_000, "Where did you grow up?", "SAMPLE"),
        Segment(4_000, 9_500, "In a town by the sea that does not exist.", "MADEUP"),
    ],
    segments_alt=[
        Segment(0, 4_000, "¿Dónde creció?", "SAMPLE"),
        Segment(4_000, 9_500, "En un pueblo junto al mar que no existe.", "MADEUP"),
    ],
    index=[
        IndexPoint(
            time_ms=0,
            title="Childhood",
            title_alt="Infancia",
            partial_transcript="Where did you grow up?",
            partial_transcript_alt="¿Dónde creció?",
            synopsis="Growing up in an invented seaside town.",
            synopsis_alt="La infancia en un pueblo inventado.",
            keywords=["Childhood", "Seaside towns"],
            keywords_alt=["Infancia"],
            subjects=["Family"],
            subjects_alt=["Familia"],
            gps_points=[
                GpsPoint(12.5, -35.25, 14, "The invented town", "El pueblo inventado"),
                GpsPoint(0.00001, 179.9),
            ],
            hyperlinks=[Hyperlink("https://archive.example.org/items/1?x=1&y=2", "A related item", "Un documento")],
        ),
        IndexPoint(time_ms=65_000, title="Leaving"),
    ],
)


# Validity ------------------------------------------------------------------------------------------------


def test_a_document_with_everything_ohms_carries_validates_against_the_ohms_6_schema(schema):
    schema.validate(_write(FULL).decode("utf-8"))


def test_an_empty_document_is_still_a_valid_record_with_version_date_title_id_and_dt(schema):
    written = _write(InterviewDocument(), record_id=7)
    record = ET.fromstring(written).find("o:record", NS)

    schema.validate(written.decode("utf-8"))
    assert record.attrib == {"id": "7", "dt": "2025-02-14"}
    assert record.findtext("o:version", namespaces=NS) == "6.0"
    assert record.find("o:date", NS) is not None and record.find("o:title", NS) is not None


def test_every_element_is_written_in_the_ohms_namespace():
    root = ET.fromstring(_write(FULL))

    assert root.tag == f"{{{NAMESPACE}}}ROOT"
    assert {element.tag.partition("}")[0] for element in root.iter()} == {f"{{{NAMESPACE}"}


def test_the_schema_really_refuses_elements_out_of_order_or_outside_the_namespace(schema):
    # So that the validity tests above can fail: the same record with <title> moved first is invalid.
    lines = _write(FULL).decode("utf-8").splitlines()
    title = next(n for n, line in enumerate(lines) if "<title>" in line)
    version = next(n for n, line in enumerate(lines) if "<version>" in line)
    lines.insert(version, lines.pop(title))

    assert not schema.is_valid("\n".join(lines))
    assert not schema.is_valid(_write(FULL).decode("utf-8").replace(f' xmlns="{NAMESPACE}"', ""))


# What the format forces ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("ms", "seconds"), [(0, "0"), (1_499, "1"), (1_500, "2"), (59_999, "60"), (3_600_000, "3600")])
def test_index_point_times_are_whole_seconds_rounded_to_the_nearest(ms, seconds):
    record = _record(InterviewDocument(index=[IndexPoint(time_ms=ms)]))

    assert record.findtext("o:index/o:point/o:time", namespaces=NS) == seconds


def test_index_keywords_and_subjects_are_joined_with_a_semicolon_and_a_space():
    point = _record(FULL).find("o:index/o:point", NS)

    assert point.findtext("o:keywords", namespaces=NS) == "Childhood; Seaside towns"
    assert point.findtext("o:subjects_alt", namespaces=NS) == "Familia"


def test_an_index_keyword_holding_a_semicolon_is_refused_rather_than_split_on_reading():
    doc = InterviewDocument(index=[IndexPoint(time_ms=0), IndexPoint(time_ms=5_000, subjects_alt=["Uno; dos"])])

    with pytest.raises(ValueError, match=r"record/index/point\[2\]/subjects_alt: 'Uno; dos' holds ';'"):
        _write(doc)


def test_the_transcript_is_webvtt_in_vtt_transcript_and_the_translation_in_vtt_transcript_alt():
    record = _record(FULL)

    assert record.findtext("o:vtt_transcript", namespaces=NS).startswith("WEBVTT")
    assert "¿Dónde creció?" in record.findtext("o:vtt_transcript_alt", namespaces=NS)
    assert record.findtext("o:transcript_alt_lang", namespaces=NS) == "Spanish"
    assert record.findtext("o:translate", namespaces=NS) == "1"


def test_without_a_translation_translate_is_0_and_no_alternate_transcript_is_written():
    record = _record(replace(FULL, segments_alt=[], language_alt="", index=[IndexPoint(time_ms=0, title="Only")]))

    assert record.findtext("o:translate", namespaces=NS) == "0"
    assert record.find("o:vtt_transcript_alt", NS) is None


def test_the_duration_is_a_clock_time_and_the_media_format_fills_fmt_and_clip_format():
    record = _record(FULL)

    assert record.findtext("o:duration", namespaces=NS) == "01:02:03"
    assert record.findtext("o:fmt", namespaces=NS) == "audio"
    assert record.findtext("o:mediafile/o:clip_format", namespaces=NS) == "audio"


def test_coordinates_are_written_as_plain_decimals_that_viewers_can_put_in_a_map_link():
    places = _record(FULL).findall("o:index/o:point/o:gpspoints", NS)

    assert [p.findtext("o:gps", namespaces=NS) for p in places] == ["12.5, -35.25", "0.00001, 179.9"]
    assert [p.findtext("o:gps_zoom", namespaces=NS) for p in places] == ["14", ""]  # required, so written empty


@pytest.mark.parametrize(
    ("date", "attributes"),
    [("2001-05-09", {"value": "2001-05-09", "format": "yyyy-mm-dd"}), ("1987~", {"value": "1987~"})],
)
def test_the_date_says_its_format_only_when_it_is_a_day(date, attributes):
    assert _record(InterviewDocument(date=date)).find("o:date", NS).attrib == attributes


@pytest.mark.parametrize("record_id", [-(2**31) - 1, 2**31])
def test_a_record_id_beyond_the_schemas_32_bit_int_is_refused(record_id):
    with pytest.raises(ValueError, match="32-bit"):
        _write(InterviewDocument(), record_id=record_id)


# Never a character lost ----------------------------------------------------------------------------------


def test_markup_characters_quotes_and_carriage_returns_come_back_exactly():
    awkward = 'A <b>bold</b> & "quoted" ]]> line\rwith a carriage return\r\nand a tab\there'
    doc = InterviewDocument(title=awkward, date=awkward, index=[IndexPoint(time_ms=0, synopsis=awkward)])

    back = read_ohms(_write(doc))

    assert (back.title, back.date, back.index[0].synopsis) == (awkward, awkward, awkward)


@pytest.mark.parametrize(
    ("doc", "where"),
    [
        (InterviewDocument(title="bell\x07"), "record/title holds the character U+0007"),
        (InterviewDocument(date="\x00"), "record/date/@value holds the character U+0000"),
        (InterviewDocument(interviewers=["ok", "form\x0cfeed"]), "record/interviewer[2] holds the character U+000C"),
        (
            InterviewDocument(index=[IndexPoint(time_ms=0), IndexPoint(time_ms=1_000, synopsis="esc\x1b")]),
            "record/index/point[2]/synopsis holds the character U+001B",
        ),
        (
            InterviewDocument(index=[IndexPoint(time_ms=0, hyperlinks=[Hyperlink("https://example.org", "\ufffe")])]),
            "record/index/point[1]/hyperlinks[1]/hyperlink_text holds the character U+FFFE",
        ),
        (InterviewDocument(segments=[Segment(0, 1_000, "ok"), Segment(1_000, 2_000, "\x02")]), "transcript segment 2"),
    ],
)
def test_a_character_xml_cannot_hold_is_refused_naming_where_it_is_rather_than_dropped(doc, where):
    with pytest.raises(ValueError, match=r"XML 1\.0 cannot carry") as caught:
        _write(doc)

    assert where in str(caught.value)


# Round trip ----------------------------------------------------------------------------------------------

# What OHMS carries, and so what comes back unchanged: values with no white space at their ends (the
# reader trims them) and without the characters XML 1.0 refuses; index times and the duration in whole
# seconds, a duration of at least one second (00:00:00 means "not known"); keywords and subjects that are
# not empty and hold no ";"; places with coordinates, links with an address; a media format of "audio",
# "video" or none; segments with an end, in order of start (what WebVTT carries).
_XML_CHARACTERS = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters="".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])),
)
_text = st.text(_XML_CHARACTERS, max_size=24).filter(lambda s: s == s.strip())
_entry = _text.filter(bool)
_list_entry = _entry.filter(lambda s: ";" not in s)
_seconds = st.integers(0, 36_000).map(lambda s: s * 1000)
_degrees = st.floats(allow_nan=False, allow_infinity=False)

_places = st.builds(
    GpsPoint,
    latitude=_degrees.filter(lambda x: -90 <= x <= 90),
    longitude=_degrees.filter(lambda x: -180 <= x <= 180),
    zoom=st.none() | st.integers(-3, 25),
    text=_text,
    text_alt=_text,
)
_links = st.builds(Hyperlink, url=_entry, text=_text, text_alt=_text)
# Segments as WebVTT carries them: every one with an end, in order of start; any text and speaker.
_any_text = st.text(_XML_CHARACTERS, max_size=40)
_segment = st.builds(
    lambda start, length, text, speaker: Segment(start, start + length, text, speaker),
    st.integers(0, 10_000_000),
    st.integers(0, 60_000),
    _any_text,
    _any_text,
)
_segments = st.lists(_segment, max_size=4).map(lambda found: sorted(found, key=lambda s: s.start_ms))
_points = st.builds(
    IndexPoint,
    time_ms=_seconds,
    **{name: _text for name in ("title", "title_alt", "partial_transcript", "partial_transcript_alt")},
    **{name: _text for name in ("synopsis", "synopsis_alt")},
    **{name: st.lists(_list_entry, max_size=3) for name in ("keywords", "keywords_alt", "subjects", "subjects_alt")},
    gps_points=st.lists(_places, max_size=2),
    hyperlinks=st.lists(_links, max_size=2),
)
_documents = st.builds(
    InterviewDocument,
    **{
        name: _text
        for name in [
            "title",
            "date",
            "language",
            "language_alt",
            "media_url",
            "rights",
            "usage",
            "repository",
            "collection",
            "accession",
            "description",
        ]
    },
    interviewees=st.lists(_entry, max_size=3),
    interviewers=st.lists(_entry, max_size=3),
    duration_ms=st.none() | st.integers(1, 36_000).map(lambda s: s * 1000),
    media_format=st.sampled_from(["", "audio", "video"]),
    keywords=st.lists(_entry, max_size=3),
    subjects=st.lists(_entry, max_size=3),
    segments=_segments,
    segments_alt=_segments,
    index=st.lists(_points, max_size=3),
).filter(
    # The reader refuses an index point after the end of a known duration (``ohms_read._index``).
    lambda doc: not doc.duration_ms or all(point.time_ms <= doc.duration_ms for point in doc.index)
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=_documents, record_id=st.integers(-(2**31), 2**31 - 1))
def test_what_ohms_carries_comes_back_unchanged_and_is_always_valid(schema, doc, record_id):
    written = write_ohms(doc, record_id=record_id, dt=DT)

    schema.validate(written.decode("utf-8"))
    assert read_ohms(written) == doc
