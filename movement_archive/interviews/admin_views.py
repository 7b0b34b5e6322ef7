"""The back office's pages that read files: "Import an interview" (a file in, a draft interview out) and "Add a
transcript" (a file in, an interview's transcript in one language replaced). A file that cannot be read is
refused with the reason, and nothing is written."""

from __future__ import annotations

import mimetypes

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from movement_archive.oralhistory.document import FormatError

from .actions import add_transcript, import_interview
from .files import read_interview_file
from .forms import AddTranscriptForm, ImportInterviewForm
from .models import Interview


class ImportInterviewView(WagtailAdminTemplateMixin, FormView):
    form_class = ImportInterviewForm
    template_name = "wagtailadmin/generic/form.html"
    page_title = gettext_lazy("Import an interview")
    header_icon = "openquote"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("interviews.add_interview"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=reverse("interviews_import"),
            submit_button_label=_("Import"),
            submit_button_active_label=_("Importing…"),
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            kind, document = read_interview_file(data["file"].read(), kind=data["format"])
            document.title = document.title or data["title"]
            document.language = document.language or data["language"]
            imported = import_interview(document, source_format=kind, by=self.request.user, publish=data["publish"])
        except FormatError as error:
            form.add_error("file", _("This file cannot be imported: %(error)s") % {"error": error})
            return self.form_invalid(form)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        for warning in imported.warnings:
            messages.warning(self.request, warning)
        messages.success(
            self.request,
            _("Imported “%(title)s”: %(segments)s segments and %(points)s index points.")
            % {"title": imported.interview.title, "segments": imported.segments, "points": imported.index_points},
        )
        return redirect(reverse("wagtailsnippets_interviews_interview:edit", args=[imported.interview.pk]))


class AddTranscriptView(WagtailAdminTemplateMixin, FormView):
    form_class = AddTranscriptForm
    template_name = "wagtailadmin/generic/form.html"
    header_icon = "openquote"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("interviews.change_interview"):
            raise PermissionDenied
        self.interview = get_object_or_404(Interview, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Add a transcript")

    def get_page_subtitle(self):
        return self.interview.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=reverse("interviews_add_transcript", args=[self.interview.pk]),
            submit_button_label=_("Add the transcript"),
            submit_button_active_label=_("Adding…"),
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            kind, document = read_interview_file(data["file"].read(), kind=data["format"])
            transcript = add_transcript(
                self.interview, document, language=data["language"], source_format=kind, original=data["original"]
            )
        except FormatError as error:
            form.add_error("file", _("This file cannot be read as a transcript: %(error)s") % {"error": error})
            return self.form_invalid(form)
        except ValidationError as error:
            form.add_error("language", error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("“%(title)s” now has a transcript in %(language)s: %(segments)s segments.")
            % {"title": self.interview.title, "language": transcript.language, "segments": transcript.segments.count()},
        )
        return redirect(reverse("wagtailsnippets_interviews_interview:edit", args=[self.interview.pk]))


def recording(request: HttpRequest, pk: int) -> FileResponse:
    """An interview's recording, for those who may edit interviews: what its edit form links to, draft or not.

    Readers have the interview page's own view, which also keeps closed passages silent; an editor hears it all.
    """
    if not request.user.has_perm("interviews.change_interview"):
        raise PermissionDenied
    interview = get_object_or_404(Interview, pk=pk)
    if not interview.recording:
        raise Http404("This interview has no recording kept by the archive.")
    try:
        stored = interview.recording.open("rb")
    except FileNotFoundError:
        raise Http404("The recording is missing from the archive's storage.") from None
    content_type = mimetypes.guess_type(interview.recording.name)[0] or "application/octet-stream"
    response = FileResponse(stored, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
