"""An interview as the plain document the format writers take (``movement_archive.oralhistory``).

Only what the reader may see goes out: callers pass an interview whose content the reader may read, hidden people
are left out of the narrators and interviewers here, and passages closed to the reader are left out, as on the page.
"""

from __future__ import annotations

from movement_archive.oralhistory.document import GpsPoint, Hyperlink, InterviewDocument
from movement_archive.oralhistory.document import IndexPoint as IndexPointData
from movement_archive.oralhistory.document import Segment as SegmentData
from movement_archive.oralhistory.passages import open_parts
from movement_archive.people.models import Person
from movement_archive.redaction.text import shown_text

from . import queries
from .models import IndexPoint, Interview, Participant, Transcript
from .passages import closed_ranges


def interview_document(interview: Interview, user=None) -> InterviewDocument:
    """The interview, its original transcript and a translation of it. Five queries."""
    participants = list(
        Participant.objects.filter(Person.objects.visible_to(user).pointed_at_by("person"), interview=interview)
        .select_related("person")
        .order_by("sort_order")
    )
    transcripts = list(interview.transcripts.all())
    closed = closed_ranges(interview, user)
    points = open_parts(interview.index_points.order_by("time_ms", "sort_order"), closed, start=_at)
    points = [p for p in points if queries.point_open(p, user)]
    original = next((t for t in transcripts if t.original), None)
    translation = next((t for t in transcripts if not t.original), None)
    languages = interview.language_list
    return InterviewDocument(
        title=interview.title,
        date=interview.date,
        interviewees=[p.person.shown_name for p in participants if p.role == Participant.Role.NARRATOR],
        interviewers=[p.person.shown_name for p in participants if p.role == Participant.Role.INTERVIEWER],
        language=original.language if original else (languages[0] if languages else ""),
        language_alt=translation.language if translation else (languages[1] if len(languages) > 1 else ""),
        duration_ms=interview.duration_ms,
        media_url=interview.external_media_url,
        media_format=interview.media_kind,
        rights=interview.rights,
        usage=interview.usage,
        description=shown_text(interview.summary, user),
        repository=interview.repository,
        collection=interview.collection,
        accession=interview.accession,
        keywords=IndexPoint.split(interview.keywords),
        subjects=IndexPoint.split(interview.subjects),
        segments=transcript_segments(original, closed, user),
        segments_alt=transcript_segments(translation, closed, user),
        index=[_point(p, user) for p in points],
    )


def transcript_segments(
    transcript: Transcript | None, closed: list[tuple[int, int]] = (), user=None
) -> list[SegmentData]:
    """The transcript's segments outside the ``closed`` passages (``passages.closed_ranges``), their redacted spans
    as the reader sees them."""
    if transcript is None:
        return []
    rows = transcript.segments.order_by("position").values_list("start_ms", "end_ms", "text", "speaker")
    segments = [SegmentData(start, end, shown_text(text, user), speaker) for start, end, text, speaker in rows]
    return open_parts(segments, closed, end=lambda segment: segment.end_ms)


def _at(point: IndexPoint) -> int:
    return point.time_ms


def _point(point: IndexPoint, user=None) -> IndexPointData:
    return IndexPointData(
        time_ms=point.time_ms,
        title=point.title,
        title_alt=point.title_alt,
        partial_transcript=shown_text(point.partial_transcript, user),
        partial_transcript_alt=shown_text(point.partial_transcript_alt, user),
        synopsis=shown_text(point.synopsis, user),
        synopsis_alt=shown_text(point.synopsis_alt, user),
        keywords=IndexPoint.split(point.keywords),
        keywords_alt=IndexPoint.split(point.keywords_alt),
        subjects=IndexPoint.split(point.subjects),
        subjects_alt=IndexPoint.split(point.subjects_alt),
        gps_points=[
            GpsPoint(g["latitude"], g["longitude"], g.get("zoom"), g.get("text", ""), g.get("text_alt", ""))
            for g in point.gps_points
        ],
        hyperlinks=[Hyperlink(h["url"], h.get("text", ""), h.get("text_alt", "")) for h in point.hyperlinks],
    )
