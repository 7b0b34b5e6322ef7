"""Named queries of the interview pages. Every one starts from ``Interview.objects.visible_to(user)``."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from movement_archive.access.policy import Outcome, decide
from movement_archive.access.readers import reader_for
from movement_archive.documentary.models import Episode
from movement_archive.oralhistory.passages import open_parts
from movement_archive.organisations.models import Organisation
from movement_archive.people.models import Person
from movement_archive.places.models import Country
from movement_archive.redaction.text import has_markup, shown_text

from .models import EpisodeUse, IndexPoint, Interview, Participant, Transcript
from .passages import can_silence, closed_ranges, passages_of


class Line(NamedTuple):
    """A segment as the page shows it: plain values, so 4,000 of them cost no model instances."""

    position: int
    start_ms: int
    end_ms: int | None
    speaker: str
    text: str
    translation: str = ""  # the aligned segment of the translation shown beside it, if any


@dataclass
class InterviewPage:
    interview: Interview
    narrators: list[Person]
    interviewers: list[Person]
    episode_uses: list[EpisodeUse]
    organisations: list[Organisation]
    countries: list[Country]
    index_points: list[IndexPoint]
    transcripts: list[Transcript]
    transcript: Transcript | None = None  # the one shown
    translation: Transcript | None = None  # shown beside it, aligned by time
    lines: list[Line] = field(default_factory=list)
    summary: str = ""
    withheld: bool = False  # listed with its metadata only: no summary, recording, transcript or index
    closed_passages: list[tuple[int, int]] = field(default_factory=list)  # words closed to this reader, in ms
    closed_sound: list[tuple[int, int]] = field(default_factory=list)  # sound closed to this reader, in ms

    @property
    def recording_withheld(self) -> bool:
        """A passage is closed to the reader and the recording cannot be served with it silenced (see
        ``passages.can_silence``): the reader gets no recording rather than one that plays the passage."""
        return bool(self.closed_sound) and not can_silence(self.interview)

    @property
    def has_recording(self) -> bool:
        if self.withheld or self.recording_withheld:
            return False
        return bool(self.interview.recording or self.interview.external_media_url)


def visible_participants(user) -> Prefetch:
    return Prefetch(
        "participants",
        queryset=Participant.objects.filter(Person.objects.visible_to(user).pointed_at_by("person"))
        .select_related("person")
        .order_by("sort_order"),
    )


def interview_listing(user) -> QuerySet[Interview]:
    """Interviews the reader may see, by title, with their visible narrators and interviewers. Two queries a page."""
    return (
        Interview.objects.visible_to(user)
        .select_related("country")
        .prefetch_related(visible_participants(user))
        .order_by("title", "key")
    )


def interview_page(interview: Interview, user, language: str = "", translation: str = "") -> InterviewPage:
    """Everything the page shows: a fixed number of queries however many segments, people or index points.

    Seven for an interview read by ``twin.visible_interview`` without restricted passages (people, transcripts,
    index points, segments, episode uses, organisations, countries); one more for its passages when it has some,
    and one for the segments of a translation beside.

    ``language`` picks the transcript shown (the original by default); ``translation`` one to show beside it.
    """
    participants = list(visible_participants(user).queryset.filter(interview=interview))
    withheld = not interview.content_shown_to(user)
    transcripts = [] if withheld else list(interview.transcripts.all())
    shown = next((t for t in transcripts if t.language == language), None) or next(
        (t for t in transcripts if t.original), transcripts[0] if transcripts else None
    )
    beside = next((t for t in transcripts if t.language == translation and t != shown), None)
    # Read once for both uses below: what closes the words, and what closes the sound.
    passages = [] if withheld else passages_of(interview)
    closed = closed_ranges(interview, user, passages=passages)
    points = [] if withheld else list(interview.index_points.order_by("time_ms", "sort_order"))
    points = [
        point for point in open_parts(points, closed, start=lambda point: point.time_ms) if point_open(point, user)
    ]
    lines = open_parts(_lines(shown, beside), closed, end=lambda line: line.end_ms)
    return InterviewPage(
        interview=interview,
        narrators=[p.person for p in participants if p.role == Participant.Role.NARRATOR],
        interviewers=[p.person for p in participants if p.role == Participant.Role.INTERVIEWER],
        episode_uses=list(
            EpisodeUse.objects.filter(Episode.objects.visible_to(user).pointed_at_by("episode"), interview=interview)
            .select_related("episode")
            .order_by("episode__number")
        ),
        organisations=list(Organisation.objects.visible_to(user).filter(interviews=interview).order_by("name")),
        countries=list(interview.countries.order_by("name")),
        index_points=[_shown_point(point, user) for point in points],
        transcripts=transcripts,
        transcript=shown,
        translation=beside,
        lines=_shown_lines(lines, user),
        closed_passages=closed,
        closed_sound=closed_ranges(interview, user, recording=True, passages=passages),
        summary="" if withheld else interview.summary,
        withheld=withheld,
    )


def _shown_lines(lines: list[Line], user) -> list[Line]:
    """The lines with their redacted spans as this reader sees them (``redaction.text.shown_text``). Markup opens
    with "[", so most lines cost one look for it each: a function call per line was a millisecond of 4,000."""
    return [line if "[" not in line.text and "[" not in line.translation else _shown_line(line, user) for line in lines]


def _shown_line(line: Line, user) -> Line:
    if not (has_markup(line.text) or has_markup(line.translation)):
        return line
    return line._replace(text=shown_text(line.text, user), translation=shown_text(line.translation, user))


def point_open(point: IndexPoint, user) -> bool:
    """Whether the reader may know of the point; one listed with its metadata only keeps its moment and title."""
    outcome = decide(point.access_rule, reader_for(user), timezone.localdate())
    if outcome == Outcome.LISTED:
        for name in IndexPoint.CONTENT_FIELDS:
            setattr(point, name, [] if name in ("gps_points", "hyperlinks") else "")
    return outcome >= Outcome.LISTED


def _shown_point(point: IndexPoint, user) -> IndexPoint:
    """The index point with its redacted spans as this reader sees them; set on the instance, never saved."""
    for name in ("synopsis", "synopsis_alt", "partial_transcript", "partial_transcript_alt"):
        setattr(point, name, shown_text(getattr(point, name), user))
    return point


def _lines(shown: Transcript | None, beside: Transcript | None) -> list[Line]:
    if shown is None:
        return []
    rows = list(shown.segments.order_by("position").values_list("position", "start_ms", "end_ms", "speaker", "text"))
    if beside is None:
        return [Line(*row) for row in rows]
    return [Line(*row, translation) for row, translation in zip(rows, _aligned(rows, beside), strict=True)]


def _aligned(rows: list[tuple], beside: Transcript) -> list[str]:
    """The translation's text beside each line: each of its segments goes to the line it starts within.

    A translation made from the same captions starts where the original's lines start, one segment to a line; one
    imported from a file cut differently still lands beside what it translates, several segments joined.
    """
    starts = [row[1] for row in rows]
    texts: list[list[str]] = [[] for _ in rows]
    for start_ms, text in beside.segments.order_by("position").values_list("start_ms", "text"):
        texts[max(bisect_right(starts, start_ms) - 1, 0)].append(text)
    return [" ".join(parts) for parts in texts]
