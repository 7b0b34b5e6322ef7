"""Synthetic interviews the tests make for themselves: clearly labelled, never drawn from the seed documents."""

from __future__ import annotations

import io
import wave

from django.core.files.base import ContentFile

from movement_archive.access.models import AccessLevel
from movement_archive.interviews.actions import import_interview
from movement_archive.interviews.models import Interview
from movement_archive.oralhistory.document import IndexPoint, InterviewDocument, Segment


def spoken_lines(count: int, *, prefix: str = "Line") -> list[Segment]:
    """``count`` segments of four seconds, each saying which it is."""
    return [
        Segment(n * 4000, n * 4000 + 3800, f"{prefix} {n} of the synthetic story.", "Narrator") for n in range(count)
    ]


def synthetic_interview(
    *,
    key: str = "synthetic-interview",
    segments: int = 5,
    access: str = AccessLevel.PUBLIC,
    live: bool = True,
    lines: list[Segment] | None = None,
    **document,
) -> Interview:
    """A published synthetic interview with an English transcript, a Spanish translation and two index points."""
    defaults = {
        "title": "Synthetic interview for testing",
        "interviewees": ["Narrator A. Example"],
        "language": "en",
        "language_alt": "es",
        "segments": spoken_lines(segments) if lines is None else lines,
        "segments_alt": spoken_lines(segments, prefix="Línea"),
        "index": [
            IndexPoint(time_ms=0, title="Opening", keywords=["beginnings"]),
            IndexPoint(time_ms=8000, title="The first meeting", synopsis="How the group met.", title_alt="La reunión"),
        ],
    }
    interview = import_interview(InterviewDocument(**{**defaults, **document}), source_format="test", key=key).interview
    interview.synthetic = True
    interview.access = access
    interview.save()
    if live:
        interview.save_revision().publish()
    return Interview.objects.get(pk=interview.pk)


def synthetic_wav(seconds: int = 30, rate: int = 8000) -> bytes:
    """A quiet tone of ``seconds``, as WAV: a real recording a browser can play, made on the spot."""
    frames = bytearray()
    for n in range(seconds * rate):
        # An 8-bit square wave at 200 Hz, low in volume: enough for a player to have something to decode.
        frames.append(128 + (8 if (n * 200 // rate) % 2 else -8))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


def with_recording(interview: Interview, content: bytes, name: str = "synthetic.wav") -> Interview:
    """The interview with a recording kept by the archive, published."""
    interview.recording.save(name, ContentFile(content), save=False)
    interview.media_kind = Interview.MediaKind.AUDIO
    interview.save()
    interview.save_revision().publish()
    return Interview.objects.get(pk=interview.pk)
