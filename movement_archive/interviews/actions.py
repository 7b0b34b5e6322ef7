"""Writes with side effects: creating an interview from a file, replacing a transcript.

Each action runs in one transaction: a file that fails half-way leaves the archive as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from movement_archive.core.keys import free_key
from movement_archive.dates import edtf
from movement_archive.oralhistory.document import FormatError, InterviewDocument
from movement_archive.oralhistory.document import Segment as SegmentData
from movement_archive.people.models import Person

from .models import LANGUAGE_CODE, IndexPoint, Interview, Participant, Segment, Transcript, validate_languages

# Segments sent to the search backend at a time: each call also recomputes Wagtail's average title length.
INDEX_BATCH = 2000
UNDETERMINED = "und"  # the ISO 639 code for a language not stated


@dataclass(frozen=True)
class Imported:
    interview: Interview
    segments: int
    index_points: int
    warnings: tuple[str, ...] = ()  # what the file held that the interview could not keep, in words


def import_interview(
    document: InterviewDocument, *, source_format: str, key: str = "", by=None, publish: bool = False
) -> Imported:
    """Create an interview, its transcripts and its index from a file's document; a draft unless ``publish``.

    Narrators and interviewers are matched to people by name (or other name); a name the archive does not know
    becomes a new person, unpublished and hidden, for an editor to check before anything about them is shown.
    """
    title = document.title.strip() or _title_from(document)
    if not title:
        raise FormatError(_("the file gives the interview no title and names no narrator; give it a title"))
    warnings = []
    language, language_alt = (_language_code(value, warnings) for value in (document.language, document.language_alt))
    date = _edtf_date(document.date)
    if document.date.strip() and not date:
        warnings.append(
            _("the date “%(date)s” is not a date the archive can read; it was left out")
            % {"date": document.date.strip()}
        )
    with transaction.atomic():
        interview = Interview(
            title=title[:255],
            key=key or free_key(Interview, title),
            live=False,
            date=date,
            languages=", ".join(code for code in (language, language_alt) if code),
            duration_ms=document.duration_ms,
            rights=document.rights,
            usage=document.usage,
            summary=document.description,
            keywords="; ".join(document.keywords),
            subjects="; ".join(document.subjects),
            repository=document.repository[:255],
            collection=document.collection[:255],
            accession=document.accession[:100],
            external_media_url=document.media_url,
            media_kind=document.media_format if document.media_format in Interview.MediaKind.values else "",
        )
        if interview.external_media_url and not interview.media_kind:
            interview.media_kind = Interview.MediaKind.VIDEO
        interview.full_clean(exclude=["citations"])
        for role, names in (
            (Participant.Role.NARRATOR, document.interviewees),
            (Participant.Role.INTERVIEWER, document.interviewers),
        ):
            for name in dict.fromkeys(n.strip() for n in names if n.strip()):
                order = len(interview.participants.all())
                interview.participants.add(Participant(person=_person_named(name), role=role, sort_order=order))
        for order, point in enumerate(document.index):
            interview.index_points.add(_index_point(point, order))
        interview.save()
        revision = interview.save_revision(user=by, log_action=True)
        if publish:
            revision.publish(user=by)
            interview.refresh_from_db()
        segments = 0
        if document.segments:
            segments += write_transcript(interview, document.segments, language or UNDETERMINED, True, source_format)
        if document.segments_alt:
            alt = language_alt or UNDETERMINED
            segments += write_transcript(interview, document.segments_alt, alt, False, source_format)
    return Imported(interview, segments, len(document.index), tuple(warnings))


def add_transcript(
    interview: Interview,
    document: InterviewDocument,
    *,
    language: str,
    source_format: str,
    original: bool | None = None,
) -> Transcript:
    """Give an interview its transcript in ``language`` from a file's timed lines, replacing one already there.

    How a translation reaches an interview imported earlier. ``original`` (the language the interview was held
    in) defaults to whether the interview has no original transcript in another language. Raises FormatError for
    a file without timed lines and ValidationError for a language that is not a code.
    """
    language = language.strip()
    if not language or "," in language:
        raise ValidationError(_("Give the transcript's language as one code, such as en, es or pt-BR."))
    validate_languages(language)
    if not document.segments:
        raise FormatError(_("the file holds no timed lines to make a transcript of"))
    if original is None:
        original = not interview.transcripts.filter(original=True).exclude(language=language).exists()
    write_transcript(interview, document.segments, language, original, source_format)
    return interview.transcripts.get(language=language)


def write_transcript(
    interview: Interview, segments: list[SegmentData], language: str, original: bool, source_format: str
) -> int:
    """Replace the interview's transcript in ``language`` with these segments. Returns how many were written."""
    language = language.strip() or UNDETERMINED
    with transaction.atomic():
        _forget(Transcript.objects.filter(interview=interview, language=language))
        transcript = Transcript.objects.create(
            interview=interview, language=language, original=original, imported_from=source_format
        )
        ordered = sorted(segments, key=lambda segment: segment.start_ms)
        values = [(transcript.pk, n, s.start_ms, s.end_ms, s.speaker[:200], s.text) for n, s in enumerate(ordered)]
        # Written as one prepared statement run per row: the ORM's bulk_create spends about 200 ms preparing the
        # values of a three-hour transcript's 4,000 segments, a fifth of the one-second budget for its import.
        table, columns = Segment._meta.db_table, "transcript_id, position, start_ms, end_ms, speaker, text"
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s, %s, %s)", values)
        keys = dict(Segment.objects.filter(transcript=transcript).values_list("position", "pk"))
        rows = [
            Segment(pk=keys[n], transcript=transcript, position=n, start_ms=start, end_ms=end, speaker=who, text=said)
            for _, n, start, end, who, said in values
        ]
        # Raw rows send no signals, so the search index is told here, in batches.
        backends = list(get_search_backends())
        for first in range(0, len(rows), INDEX_BATCH):
            for backend in backends:
                backend.add_bulk(Segment, rows[first : first + INDEX_BATCH])
    return len(rows)


def _forget(transcripts) -> None:
    """Delete transcripts with their segments and the segments' index entries, a few queries in all.

    A plain delete would fetch every segment and remove its index entry one query at a time (Wagtail listens
    for each deletion): thousands of queries for one long interview.
    """
    segments = Segment.objects.filter(transcript__in=transcripts)
    entries = IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Segment),
        object_id__in=segments.annotate(key=Cast("pk", TextField())).values("key"),
    )
    entries._raw_delete(entries.db)
    segments._raw_delete(segments.db)
    transcripts.delete()


def _index_point(point, order: int) -> IndexPoint:
    return IndexPoint(
        sort_order=order,
        time_ms=point.time_ms,
        title=point.title[:500],
        title_alt=point.title_alt[:500],
        partial_transcript=point.partial_transcript,
        partial_transcript_alt=point.partial_transcript_alt,
        synopsis=point.synopsis,
        synopsis_alt=point.synopsis_alt,
        keywords="; ".join(point.keywords),
        keywords_alt="; ".join(point.keywords_alt),
        subjects="; ".join(point.subjects),
        subjects_alt="; ".join(point.subjects_alt),
        gps_points=[
            {"latitude": g.latitude, "longitude": g.longitude, "zoom": g.zoom, "text": g.text, "text_alt": g.text_alt}
            for g in point.gps_points
        ],
        hyperlinks=[{"url": h.url, "text": h.text, "text_alt": h.text_alt} for h in point.hyperlinks],
    )


def _person_named(name: str) -> Person:
    known = Person.objects.filter(Q(name__iexact=name) | Q(other_names__name__iexact=name)).distinct().first()
    if known:
        return known
    person = Person(name=name[:200], key=free_key(Person, name), live=False, access="restricted")
    person.save()
    person.save_revision(log_action=True)
    return person


def _title_from(document: InterviewDocument) -> str:
    narrators = [n.strip() for n in document.interviewees if n.strip()]
    return f"Interview with {', '.join(narrators)}" if narrators else ""


def _language_code(value: str, warnings: list[str]) -> str:
    """A language as a code: as it is when it is one ("en", "pt-BR"), from its English name ("English") otherwise."""
    value = value.strip()
    if not value:
        return ""
    if LANGUAGE_CODE.match(value):
        return value
    try:
        found = pycountry.languages.lookup(value)
    except LookupError:
        warnings.append(_("the language “%(name)s” is not one the archive knows; it was left out") % {"name": value})
        return ""
    return getattr(found, "alpha_2", None) or found.alpha_3


def _edtf_date(value: str) -> str:
    """The file's date as EDTF: as it is when it already is (2015-03-04, 2015), or from OHMS's m/d/yyyy."""
    value = value.strip()
    if edtf.is_valid(value):
        return value
    month_day_year = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if month_day_year:
        month, day, year = (int(part) for part in month_day_year.groups())
        candidate = f"{year:04d}-{month:02d}-{day:02d}"
        if edtf.is_valid(candidate):
            return candidate
    return ""
