"""Which restricted passages of an interview are closed to a reader, for the page and its files.

The decision for each passage is the access rule's (``access.policy.decide``); the pure range arithmetic is in
``oralhistory.passages``. The same rule as a database condition, for the search and for the index points and
segments a reader may see, is ``RestrictedPassage.objects.closing_words_at`` (``models.py``).
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from movement_archive.access.policy import Outcome, decide
from movement_archive.access.readers import reader_for
from movement_archive.oralhistory.passages import Range, merged

from .models import Interview, RestrictedPassage


def with_passage_flag(interviews: QuerySet[Interview]) -> QuerySet[Interview]:
    """Read with each interview whether it has restricted passages (``has_passages``), so that the many that have
    none are not asked for them (``passages_of``): one index lookup inside the query that reads the interview."""
    return interviews.annotate(has_passages=Exists(RestrictedPassage.objects.filter(interview=OuterRef("pk"))))


def passages_of(interview: Interview) -> list[RestrictedPassage]:
    """The interview's restricted passages: one query, or none when it was read ``with_passage_flag`` and has none.

    An interview read otherwise is always asked: a missing flag must never pass for "no passage to close".
    """
    if getattr(interview, "has_passages", True) is False:
        return []
    return list(interview.restricted_passages.all())


def closed_ranges(
    interview: Interview, user, *, recording: bool = False, passages: list[RestrictedPassage] | None = None
) -> list[Range]:
    """The passages of the interview this reader may not have, merged, in milliseconds. One query (``passages_of``)
    unless ``passages`` gives the interview's passages, already read.

    By default the passages that close the words (transcript, index, captions); with ``recording``, every passage
    that closes the sound, those closing the recording only included.
    """
    reader, today = reader_for(user), timezone.localdate()
    return merged(
        (passage.start_ms, passage.end_ms)
        for passage in (passages_of(interview) if passages is None else passages)
        if (recording or passage.covers == RestrictedPassage.Covers.EVERYTHING)
        and decide(passage.access_rule, reader, today) < Outcome.FULL
    )


def can_silence(interview: Interview) -> bool:
    """Whether the archive can serve the recording with closed passages silenced: a WAV file it keeps itself.
    Compressed recordings and recordings kept elsewhere cannot be cut by time without decoding them."""
    return bool(interview.recording) and interview.recording.name.lower().endswith(".wav")
