"""The plain data every reader produces and every writer consumes: an interview's transcript and index.

Times are whole milliseconds from the start of the recording. Text is kept exactly as read (any script,
any punctuation); readers only normalise line endings and strip a byte-order mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class FormatError(ValueError):
    """A file that cannot be read as the format it claims to be, and where.

    ``line`` is 1-based in the text read; ``element`` names the XML element (``record/index/point[3]/time``).
    The message says what is wrong in words a person preparing the file can act on.
    """

    def __init__(self, message: str, *, line: int | None = None, element: str | None = None):
        self.message = message
        self.line = line
        self.element = element
        where = f"line {line}: " if line is not None else f"{element}: " if element else ""
        super().__init__(f"{where}{message}")


@dataclass
class Segment:
    """One timed stretch of speech."""

    start_ms: int
    end_ms: int | None  # None where the format gives only a start (stamped text, OHMS sync markers)
    text: str
    speaker: str = ""


@dataclass
class GpsPoint:
    latitude: float
    longitude: float
    zoom: int | None = None
    text: str = ""
    text_alt: str = ""


@dataclass
class Hyperlink:
    url: str
    text: str = ""
    text_alt: str = ""


@dataclass
class IndexPoint:
    """A moment of the interview described in the OHMS manner; each text has an alternate-language twin."""

    time_ms: int
    title: str = ""
    title_alt: str = ""
    partial_transcript: str = ""
    partial_transcript_alt: str = ""
    synopsis: str = ""
    synopsis_alt: str = ""
    keywords: list[str] = field(default_factory=list)
    keywords_alt: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    subjects_alt: list[str] = field(default_factory=list)
    gps_points: list[GpsPoint] = field(default_factory=list)
    hyperlinks: list[Hyperlink] = field(default_factory=list)


@dataclass
class InterviewDocument:
    """What one file can carry about an interview. Caption formats fill ``segments`` only."""

    title: str = ""
    date: str = ""  # as written in the file; the adapter reads it as EDTF where it can
    interviewees: list[str] = field(default_factory=list)
    interviewers: list[str] = field(default_factory=list)
    language: str = ""
    language_alt: str = ""  # the language of the translation (OHMS transcript_alt_lang)
    duration_ms: int | None = None
    media_url: str = ""
    media_format: str = ""  # "audio", "video" or ""
    rights: str = ""
    usage: str = ""
    repository: str = ""
    collection: str = ""
    accession: str = ""
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    segments_alt: list[Segment] = field(default_factory=list)  # the translation, aligned by position
    index: list[IndexPoint] = field(default_factory=list)
