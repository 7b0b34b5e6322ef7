"""OHMS 6 files: the transcript and its translation as WebVTT inside <vtt_transcript> and <vtt_transcript_alt>."""

from __future__ import annotations

import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from movement_archive.oralhistory.document import IndexPoint, Segment
from movement_archive.oralhistory.ohms import read_ohms, write_ohms

FILES = Path(__file__).parent / "files"
OHMS6 = (FILES / "ohms6_vtt_translation.xml").read_text(encoding="utf-8")

TRANSCRIPT = [
    Segment(1_000, 11_500, "Where did the night rounds start?", "SAMPLE"),
    Segment(
        12_000,
        25_250,
        "We walked the same route every night, from the bridge to the bus station & back.",
        "FICTIONAL",
    ),
    Segment(25_250, 41_000, "Nobody asked for names. That was the rule.", "FICTIONAL"),
]


def test_the_vtt_transcript_is_read_as_timed_segments_with_their_speakers():
    assert read_ohms(OHMS6).segments == TRANSCRIPT


def test_the_translation_is_read_from_vtt_transcript_alt_with_its_language():
    doc = read_ohms(OHMS6)

    assert doc.language == "English"
    assert doc.language_alt == "Spanish"
    assert [s.text for s in doc.segments_alt] == [
        "¿Dónde empezaron las rondas nocturnas?",
        "Caminábamos la misma ruta cada noche, del puente a la estación de autobuses y de vuelta.",
        "Nadie pedía nombres. Esa era la regla.",
    ]
    assert [(s.start_ms, s.end_ms) for s in doc.segments_alt] == [(s.start_ms, s.end_ms) for s in TRANSCRIPT]


def test_index_points_and_record_metadata_of_an_ohms6_file():
    doc = read_ohms(OHMS6)

    assert doc.index == [
        IndexPoint(
            time_ms=12_000,
            title="Night rounds",
            title_alt="Rondas nocturnas",
            partial_transcript="We walked the same route every night.",
            partial_transcript_alt="Caminábamos la misma ruta cada noche.",
            synopsis="The narrator describes outreach walks.",
            synopsis_alt="La narradora describe las rondas de calle.",
            keywords=["Outreach", "Night work"],
            keywords_alt=["Calle", "Trabajo nocturno"],
            subjects=["Peer support"],
            subjects_alt=["Apoyo entre pares"],
        )
    ]
    assert (doc.date, doc.duration_ms, doc.media_format) == ("2024-08-30", 41_000, "audio")
    assert (doc.keywords, doc.subjects) == (["Outreach", "Night work"], ["Peer support"])
    assert (doc.interviewees, doc.interviewers) == (["Fictional, Narrator E."], ["Sample, Interviewer B."])


def test_webvtt_escaped_as_xml_text_rather_than_wrapped_in_cdata_reads_the_same():
    start = OHMS6.index("<![CDATA[")
    end = OHMS6.index("]]>", start)
    vtt = OHMS6[start + len("<![CDATA[") : end]
    escaped = OHMS6[:start] + escape(vtt) + OHMS6[end + len("]]>") :]

    assert escaped.count("<![CDATA[") == 1  # only the translation is still in CDATA
    assert read_ohms(escaped).segments == TRANSCRIPT


def test_white_space_that_pretty_printing_puts_before_the_webvtt_header_is_skipped():
    indented = OHMS6.replace("<vtt_transcript><![CDATA[", "<vtt_transcript>\n      <![CDATA[")

    assert read_ohms(indented).segments == TRANSCRIPT


def test_a_webvtt_transcript_wins_over_a_plain_transcript_in_the_same_record():
    both = OHMS6.replace("<transcript/>", "<transcript>OLD: An earlier, untimed typing.</transcript>")

    assert read_ohms(both).segments == TRANSCRIPT


def test_an_empty_vtt_transcript_leaves_the_plain_transcript_to_be_read():
    start = OHMS6.index("<vtt_transcript>")
    end = OHMS6.index("</vtt_transcript>") + len("</vtt_transcript>")
    plain = OHMS6[:start] + "<vtt_transcript/>" + OHMS6[end:]
    plain = plain.replace("<transcript/>", "<transcript>OLD: An earlier, untimed typing.</transcript>")

    assert read_ohms(plain).segments == [Segment(0, None, "An earlier, untimed typing.", "OLD")]


def test_an_ohms6_file_survives_being_written_again():
    doc = read_ohms(OHMS6)

    assert read_ohms(write_ohms(doc, record_id=31337, dt=datetime.date(2024, 9, 17))) == doc


def test_webvtt_without_its_header_line_as_some_exports_write_it_is_read():
    headless = OHMS6.replace("<![CDATA[WEBVTT\n\n", "<![CDATA[", 1)
    assert "<![CDATA[NOTE" in headless

    assert read_ohms(headless).segments == TRANSCRIPT


def test_a_last_cue_ending_at_zero_as_some_exports_write_it_is_a_segment_with_no_end():
    open_ended = OHMS6.replace(
        "00:00:25.250 --> 00:00:41.000\n<v FICTIONAL>Nobody", "00:00:25.250 --> 00:00:00.000\n<v FICTIONAL>Nobody"
    )

    assert read_ohms(open_ended).segments == [*TRANSCRIPT[:2], Segment(25_250, None, TRANSCRIPT[2].text, "FICTIONAL")]


def test_a_cue_of_no_length_at_the_very_start_keeps_its_end():
    at_zero = OHMS6.replace("00:00:01.000 --> 00:00:11.500", "00:00:00.000 --> 00:00:00.000", 1)

    assert read_ohms(at_zero).segments[0] == Segment(0, 0, "Where did the night rounds start?", "SAMPLE")
