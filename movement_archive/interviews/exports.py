"""An interview as the plain document the format writers take (``movement_archive.oralhistory``).

Only what the reader may see goes out: callers pass an interview found through ``visible_to``, and hidden people
are left out of the narrators and interviewers here, as on the page.
"""

from __future__ import annotations

from movement_archive.oralhistory.document import GpsPoint, Hyperlink, InterviewDocument
from movement_archive.oralhistory.document import IndexPoint as IndexPointData
from movement_archive.oralhistory.document import Segment as SegmentData
from movement_archive.people.models import Person

from .models import IndexPoint, Interview, Participant, Transcript


def interview_document(interview: Interview, user=None) -> InterviewDocument:
    """The interview, its original transcript and a translation of it. Five queries."""
    participants = list(
        Participant.objects.filter(Person.objects.visible_to(user).pointed_at_by("person"), interview=interview)
        .select_related("person")
        .order_by("sort_order")
    )
    transcripts = list(interview.transcripts.all())
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
        description=interview.summary,
        repository=interview.repository,
        collection=interview.collection,
        accession=interview.accession,
        keywords=IndexPoint.split(interview.keywords),
        subjects=IndexPoint.split(interview.subjects),
        segments=transcript_segments(original),
        segments_alt=transcript_segments(translation),
        index=[_point(p) for p in interview.index_points.order_by("time_ms", "sort_order")],
    )


def transcript_segments(transcript: Transcript | None) -> list[SegmentData]:
    if transcript is None:
        return []
    rows = transcript.segments.order_by("position").values_list("start_ms", "end_ms", "text", "speaker")
    return [SegmentData(start, end, text, speaker) for start, end, text, speaker in rows]


def _point(point: IndexPoint) -> IndexPointData:
    return IndexPointData(
        time_ms=point.time_ms,
        title=point.title,
        title_alt=point.title_alt,
        partial_transcript=point.partial_transcript,
        partial_transcript_alt=point.partial_transcript_alt,
        synopsis=point.synopsis,
        synopsis_alt=point.synopsis_alt,
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
