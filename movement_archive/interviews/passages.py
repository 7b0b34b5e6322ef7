"""Which restricted passages of an interview are closed to a reader, for the page and its files.

The decision for each passage is the access rule's (``access.policy.decide``); the pure range arithmetic is in
``oralhistory.passages``. The same rule as a database condition, for the search and for the index points and
segments a reader may see, is ``RestrictedPassage.objects.closing_words_at`` (``models.py``).
"""

from __future__ import annotations

from django.utils import timezone

from movement_archive.access.policy import Outcome, decide
from movement_archive.access.readers import reader_for
from movement_archive.oralhistory.passages import Range, merged

from .models import Interview, RestrictedPassage


def closed_ranges(interview: Interview, user, *, recording: bool = False) -> list[Range]:
    """The passages of the interview this reader may not have, merged, in milliseconds. One query.

    By default the passages that close the words (transcript, index, captions); with ``recording``, every passage
    that closes the sound, those closing the recording only included.
    """
    reader, today = reader_for(user), timezone.localdate()
    return merged(
        (passage.start_ms, passage.end_ms)
        for passage in interview.restricted_passages.all()
        if (recording or passage.covers == RestrictedPassage.Covers.EVERYTHING)
        and decide(passage.access_rule, reader, today) < Outcome.FULL
    )


def can_silence(interview: Interview) -> bool:
    """Whether the archive can serve the recording with closed passages silenced: a WAV file it keeps itself.
    Compressed recordings and recordings kept elsewhere cannot be cut by time without decoding them."""
    return bool(interview.recording) and interview.recording.name.lower().endswith(".wav")
