"""The interviews list and each interview's page (with JSON twins), its recording, captions and exports."""

from __future__ import annotations

import mimetypes
from urllib.parse import urlsplit

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from movement_archive.core import twins
from movement_archive.oralhistory import ohms, srt, wav_silence, webvtt
from movement_archive.search.text import folded_terms

from . import exports, queries, rendering, twin
from .models import Interview
from .passages import can_silence, closed_ranges
from .ranges import Unsatisfiable, byte_range

# Where the interview page's transcript goes (see interview_detail).
TRANSCRIPT_HERE = "<!--transcript-->"
CHUNK = 64 * 1024
HEADER_BYTES = 64 * 1024  # where a WAV file's format and data chunks begin, for any ordinary file
EXPORTS = {
    "ohms": ("application/xml", "xml"),
    "vtt": ("text/vtt", "vtt"),
    "srt": ("application/x-subrip", "srt"),
}


def _visible(request: HttpRequest, key: str, what: str = "page") -> Interview:
    return twin.visible_interview(request.user, key, what=what)


def _readable(request: HttpRequest, key: str, what: str) -> Interview:
    """An interview whose content the reader may have; the recording, captions and exports are content."""
    interview = _visible(request, key, what)
    if not interview.content_shown_to(request.user):
        raise Http404("The content of this interview is not open to you.")
    return interview


@require_safe
def interview_list(request: HttpRequest) -> HttpResponse:
    try:
        page = twin.list_page(request)
    except twins.BadQuery as error:
        return twins.bad_query(request, error)

    context = {"page": page, "json_twin": "?format=json"}
    return twins.respond(request, "interviews/list.html", context, lambda: twin.list_data(request, page))


@require_safe
def interview_detail(request: HttpRequest, key: str) -> HttpResponse:
    interview = _visible(request, key)
    try:
        moment = _moment(request.GET.get("t"))
    except twins.BadQuery as error:
        return twins.bad_query(request, error)
    page = queries.interview_page(
        interview, request.user, request.GET.get("language", ""), request.GET.get("beside", "")
    )
    terms = folded_terms(request.GET.get("q", ""))
    lines = [line for line in page.lines if rendering.matches(line, terms)] if terms else page.lines
    current = _line_at(page.lines, moment)
    recording_url = (
        reverse("interviews:recording", args=[interview.key]) if page.has_recording and interview.recording else ""
    )
    context = {
        "interview": interview,
        "page": page,
        "query": request.GET.get("q", ""),
        "found": len(lines),
        "moment": moment,
        "recording_url": recording_url,
        "external_host": urlsplit(interview.external_media_url).hostname or "",
        "transcript": mark_safe(TRANSCRIPT_HERE),
        "json_twin": "?format=json",
    }
    if twins.wants_json(request):
        return twins.respond(request, "interviews/detail.html", context, lambda: twin.detail_data(request, page))
    response = twins.render_page(request, "interviews/detail.html", context)
    transcript = rendering.transcript_html(
        lines,
        media_url=recording_url,
        language=page.transcript.language if page.transcript else "",
        translation_language=page.translation.language if page.translation else "",
        current=current,
    )
    # A three-hour transcript is a megabyte of HTML. Given to the template, it was copied by each block and layer
    # that joined it into the page, and widened to the page's wider characters; written in afterwards, it is
    # encoded once. The marker is a comment no text in the page can hold: every text is escaped, "<" included.
    response.content = response.content.replace(TRANSCRIPT_HERE.encode(), transcript.encode(), 1)
    return response


def _moment(raw: str | None) -> int | None:
    if raw in (None, ""):
        return None
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value < 10**7:
        raise twins.BadQuery("t", _("%(value)r is not a moment in seconds, such as 83 or 83.5") % {"value": raw})
    return round(value * 1000)


def _line_at(lines: list[queries.Line], moment: int | None) -> int | None:
    if moment is None:
        return None
    started = [line for line in lines if line.start_ms <= moment]
    return started[-1].position if started else None


@require_safe
def recording(request: HttpRequest, key: str) -> HttpResponse:
    """The recording, to readers the interview's access level admits, in the byte ranges a player asks for."""
    interview = _readable(request, key, "recording")
    if not interview.recording:
        raise Http404("This interview has no recording kept by the archive.")
    closed = closed_ranges(interview, request.user, recording=True)
    if closed and not can_silence(interview):
        raise Http404("Part of this recording is closed to you, and it cannot be served without it.")
    stored = interview.recording
    size = stored.size
    try:
        spans = _silenced_spans(stored, closed)
    except wav_silence.NotPCM:
        raise Http404("Part of this recording is closed to you, and it cannot be served without it.") from None
    content_type = mimetypes.guess_type(stored.name)[0] or "application/octet-stream"
    try:
        asked = byte_range(request.headers.get("Range"), size)
    except Unsatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return _private(response)
    if asked is None and spans is None:
        response = FileResponse(stored.open("rb"), content_type=content_type)
        response["Content-Length"] = str(size)
    elif asked is None:
        response = StreamingHttpResponse(_read(stored, 0, size - 1, spans), content_type=content_type)
        response["Content-Length"] = str(size)
    else:
        first, last = asked
        response = StreamingHttpResponse(_read(stored, first, last, spans), status=206, content_type=content_type)
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
        response["Content-Length"] = str(last - first + 1)
    response["Accept-Ranges"] = "bytes"
    return _private(response)


def _silenced_spans(stored, closed) -> tuple[list, bytes] | None:
    """The byte spans to silence in a WAV recording, and a frame of silence; None when nothing is closed."""
    if not closed:
        return None
    with stored.open("rb") as handle:
        layout = wav_silence.read_layout(handle.read(HEADER_BYTES))
    return layout.byte_ranges(closed), layout.silence


def _read(stored, first: int, last: int, spans: tuple[list, bytes] | None = None):
    if spans is not None:
        with stored.open("rb") as handle:
            yield from wav_silence.silenced(handle, first, last, spans[0], CHUNK, spans[1])
        return
    with stored.open("rb") as handle:
        handle.seek(first)
        left = last - first + 1
        while left > 0:
            chunk = handle.read(min(CHUNK, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk


def _private(response: HttpResponse) -> HttpResponse:
    # Whoever may hear it, a shared cache must not keep it for the next reader.
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def captions(request: HttpRequest, key: str, language: str) -> HttpResponse:
    """A transcript as WebVTT, for the player's captions track."""
    interview = _readable(request, key, "captions")
    transcript = get_object_or_404(interview.transcripts, language=language)
    segments = exports.transcript_segments(transcript, closed_ranges(interview, request.user), request.user)
    return _private(HttpResponse(webvtt.write_webvtt(segments), content_type="text/vtt; charset=utf-8"))


@require_safe
def export(request: HttpRequest, key: str, kind: str) -> HttpResponse:
    """The interview as an OHMS XML file, or its transcript as WebVTT or SRT, as the reader may see it."""
    if kind not in EXPORTS:
        raise Http404("No such export.")
    interview = _readable(request, key, "export")
    document = exports.interview_document(interview, request.user)
    if kind == "ohms":
        body: bytes | str = ohms.write_ohms(document, record_id=interview.pk, dt=interview.updated_at.date())
    elif kind == "vtt":
        body = webvtt.write_webvtt(document.segments)
    else:
        body = srt.write_srt(document.segments)
    content_type, extension = EXPORTS[kind]
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{interview.key}.{extension}"'
    return _private(response)
