"""Named queries of the interview pages. Every one starts from ``Interview.objects.visible_to(user)``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Prefetch, QuerySet

from movement_archive.documentary.models import Episode
from movement_archive.organisations.models import Organisation
from movement_archive.people.models import Person
from movement_archive.places.models import Country

from .models import EpisodeUse, IndexPoint, Interview, Participant, Transcript


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
    translation: Transcript | None = None  # shown beside it, aligned by segment
    lines: list[Line] = field(default_factory=list)

    @property
    def has_recording(self) -> bool:
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

    ``language`` picks the transcript shown (the original by default); ``translation`` one to show beside it.
    """
    participants = list(visible_participants(user).queryset.filter(interview=interview))
    transcripts = list(interview.transcripts.all())
    shown = next((t for t in transcripts if t.language == language), None) or next(
        (t for t in transcripts if t.original), transcripts[0] if transcripts else None
    )
    beside = next((t for t in transcripts if t.language == translation and t != shown), None)
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
        index_points=list(interview.index_points.order_by("time_ms", "sort_order")),
        transcripts=transcripts,
        transcript=shown,
        translation=beside,
        lines=_lines(shown, beside),
    )


def _lines(shown: Transcript | None, beside: Transcript | None) -> list[Line]:
    if shown is None:
        return []
    rows = shown.segments.order_by("position").values_list("position", "start_ms", "end_ms", "speaker", "text")
    aligned: dict[int, str] = {}
    if beside is not None:
        aligned = dict(beside.segments.values_list("position", "text"))
    return [Line(p, start, end, speaker, text, aligned.get(p, "")) for p, start, end, speaker, text in rows]
