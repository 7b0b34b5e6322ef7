"""A file imported into the archive and exported again reads back as it was, for anything OHMS carries.

Generated documents stay within what both OHMS and the archive keep: index times and durations in whole seconds,
dates the archive reads (EDTF days), language codes, lengths within the archive's columns, and no people (they
arrive as unpublished records for an editor to check, which ``test_importing_a_document`` covers).
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from movement_archive.interviews.actions import import_interview
from movement_archive.interviews.exports import interview_document
from movement_archive.interviews.files import read_interview_file
from movement_archive.interviews.models import Interview
from movement_archive.oralhistory.document import GpsPoint, Hyperlink, IndexPoint, InterviewDocument, Segment
from movement_archive.oralhistory.ohms import write_ohms

# Letters of several scripts, digits, punctuation and markup characters; no control characters (XML refuses
# them) and no white space at either end (OHMS trims values).
_CHARACTERS = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))
_text = st.text(_CHARACTERS, max_size=30).map(str.strip)
_title = _text.filter(bool)
_word = st.text(st.characters(exclude_categories=("Cc", "Cs", "Z"), exclude_characters=";"), min_size=1, max_size=12)
_seconds = st.integers(0, 20_000).map(lambda s: s * 1000)
_language = st.sampled_from(["en", "es", "pt-BR", "ru", "ar", "fr"])


@st.composite
def _segments(draw) -> list[Segment]:
    starts = sorted(draw(st.lists(st.integers(0, 10_000_000), max_size=12)))
    return [
        Segment(start, start + draw(st.integers(1, 60_000)), draw(_title), draw(_text.map(lambda s: s[:200])))
        for start in starts
    ]


_points = st.builds(
    IndexPoint,
    time_ms=_seconds,
    title=_title,
    title_alt=_text,
    synopsis=_text,
    synopsis_alt=_text,
    partial_transcript=_text,
    keywords=st.lists(_word.map(str.strip).filter(bool), max_size=3),
    subjects=st.lists(_word.map(str.strip).filter(bool), max_size=3),
    gps_points=st.lists(
        st.builds(GpsPoint, st.integers(-89, 89).map(float), st.integers(-179, 179).map(float), st.none(), _text),
        max_size=2,
    ),
    hyperlinks=st.lists(st.builds(Hyperlink, st.just("https://example.org/x"), _text), max_size=2),
)


@st.composite
def documents(draw) -> InterviewDocument:
    segments = draw(_segments())
    index = sorted(draw(st.lists(_points, max_size=4)), key=lambda p: p.time_ms)
    # A known duration ends after the last index point: the reader refuses a point after the recording's end.
    last = index[-1].time_ms // 1000 + 1 if index else 1
    return InterviewDocument(
        title=draw(_title),
        date=draw(st.sampled_from(["", "2019-03-14", "2001-12-01"])),
        language=draw(_language),
        language_alt=draw(st.sampled_from(["", "es"])) if segments else "",
        duration_ms=draw(st.none() | st.integers(last, max(last, 20_000)).map(lambda s: s * 1000)),
        rights=draw(_text),
        usage=draw(_text),
        repository=draw(_text),
        collection=draw(_text),
        accession=draw(_text),
        description=draw(_text),
        keywords=draw(st.lists(_word.map(str.strip).filter(bool), max_size=3)),
        segments=segments,
        index=index,
    )


class RoundTripsThroughTheArchive(TestCase):
    @given(documents())
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    def test_an_ohms_file_imported_then_exported_reads_back_the_same(self, document):
        first = write_ohms(document, record_id=1, dt=date(2026, 1, 1))
        kind, read = read_interview_file(first)
        imported = import_interview(read, source_format=kind, publish=True)
        exported = interview_document(Interview.objects.get(pk=imported.interview.pk))
        second = write_ohms(exported, record_id=1, dt=date(2026, 1, 1))
        self.assertEqual(read_interview_file(second)[1], read)
