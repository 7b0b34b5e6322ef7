"""What the interview pages say as JSON: read once here, for the pages' JSON twins and for the API alike.

The interviews come through ``visible_to`` and ``record_for_page``; ``queries.interview_page`` withholds the
summary, transcript and index of an interview listed with its metadata only, and names people by ``shown_name``.
These functions only put what the page shows into plain JSON-ready values.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page
from django.http import HttpRequest
from django.urls import reverse

from movement_archive.access.pages import record_for_page
from movement_archive.core import twins
from movement_archive.redaction.text import shown_text

from . import queries, rendering
from .models import Interview
from .passages import with_passage_flag


def list_page(request: HttpRequest) -> Page:
    """The page of interviews the query string asks for (a Django paginator page); BadQuery for a bad page."""
    return twins.paginate(request, queries.interview_listing(request.user))


def list_data(request: HttpRequest, page: Page, *, json: bool = True) -> dict[str, Any]:
    return twins.list_data(request, page, lambda interview: list_item(request, interview), json=json)


def list_item(request: HttpRequest, interview: Interview) -> dict[str, Any]:
    return {
        "key": interview.key,
        "title": interview.title,
        "url": twins.absolute(request, interview.get_absolute_url()),
        "date": interview.date,
        "synthetic": interview.synthetic,
        "narrators": [p.person.shown_name for p in interview.participants.all() if p.role == "narrator"],
    }


def visible_interview(user, key: str, *, what: str = "page") -> Interview:
    """The interview with this key if the reader may know it exists: Http404, or Gone when withdrawn."""
    return record_for_page(user, with_passage_flag(Interview.objects.visible_to(user)), key, what=what)


def detail_page(user, key: str, language: str = "", beside: str = "", *, what: str = "page") -> queries.InterviewPage:
    """The interview's page as this reader may see it, its transcript in ``language`` with ``beside`` aligned."""
    return queries.interview_page(visible_interview(user, key, what=what), user, language, beside)


def _person(request: HttpRequest, person) -> dict[str, str]:
    return {"key": person.key, "name": person.shown_name, "url": twins.absolute(request, person.get_absolute_url())}


def detail_data(request: HttpRequest, page: queries.InterviewPage) -> dict[str, Any]:
    interview = page.interview
    url = twins.absolute(request, interview.get_absolute_url())
    return {
        "key": interview.key,
        "url": url,
        "title": interview.title,
        "synthetic": interview.synthetic,
        "date": interview.date,
        "languages": interview.language_list,
        "duration_ms": interview.duration_ms,
        "rights": interview.rights,
        "usage": interview.usage,
        "summary": shown_text(page.summary, request.user),
        "content_withheld": page.withheld,
        "closed_passages": [{"start_ms": start, "end_ms": end} for start, end in page.closed_passages],
        "narrators": [_person(request, p) for p in page.narrators],
        "interviewers": [_person(request, p) for p in page.interviewers],
        "recording": {
            "kind": interview.media_kind,
            "url": twins.absolute(request, reverse("interviews:recording", args=[interview.key]))
            if interview.recording
            else interview.external_media_url,
            "hosted_elsewhere": bool(interview.external_media_url),
        }
        if page.has_recording
        else None,
        "episodes": [
            {
                "number": use.episode.number,
                "title": use.episode.title,
                "url": twins.absolute(request, use.episode.get_absolute_url()),
                "start_ms": use.start_ms,
                "end_ms": use.end_ms,
            }
            for use in page.episode_uses
        ],
        "organisations": [
            {"key": o.key, "name": o.name, "url": twins.absolute(request, o.get_absolute_url())}
            for o in page.organisations
        ],
        "countries": [{"iso2": c.iso2, "name": c.name} for c in page.countries],
        "transcripts": [{"language": t.language, "original": t.original} for t in page.transcripts],
        "segments": [
            {"start_ms": line.start_ms, "end_ms": line.end_ms, "speaker": line.speaker, "text": line.text}
            for line in page.lines
        ],
        "index": [
            {
                "time_ms": p.time_ms,
                "url": twins.absolute(request, rendering.moment_url(interview, p.time_ms)),
                "title": p.title,
                "title_alt": p.title_alt,
                "synopsis": p.synopsis,
                "synopsis_alt": p.synopsis_alt,
                "partial_transcript": p.partial_transcript,
                "keywords": p.split(p.keywords),
                "subjects": p.split(p.subjects),
                "places": p.gps_points,
                "links": p.hyperlinks,
            }
            for p in page.index_points
        ],
    }
