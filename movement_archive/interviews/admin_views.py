"""The back office's "Import an interview" page: a file in, a draft interview (or a clear error) out."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from movement_archive.oralhistory.document import FormatError

from .actions import import_interview
from .files import read_interview_file
from .forms import ImportInterviewForm


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
