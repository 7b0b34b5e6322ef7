"""The back office's forms that read interview files: importing an interview, adding a transcript to one."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from movement_archive.oralhistory.text import MAX_BYTES

from .models import language_codes, validate_languages

FORMAT_CHOICES = [
    ("auto", _("Tell from the file")),
    ("ohms", "OHMS XML"),
    ("webvtt", "WebVTT"),
    ("srt", "SRT"),
    ("stamped", _("Text with time stamps")),
]


class InterviewFileForm(forms.Form):
    """A file the archive reads, its format, and the check of its size before anything is read."""

    file = forms.FileField(
        label=_("File"),
        help_text=_("OHMS XML, WebVTT, SRT, or plain text with [hh:mm:ss] time stamps."),
    )
    format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES, initial="auto")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s bytes; the most the archive reads is %(limit)s."),
                params={"size": f"{upload.size:,}", "limit": f"{MAX_BYTES:,}"},
            )
        return upload


class ImportInterviewForm(InterviewFileForm):
    title = forms.CharField(
        label=_("Title"), max_length=255, required=False, help_text=_("Needed when the file gives none.")
    )
    language = forms.CharField(
        label=_("Language of the transcript"),
        max_length=35,
        required=False,
        validators=[validate_languages],
        help_text=_("A code such as en, es or pt-BR, when the file does not say."),
    )
    publish = forms.BooleanField(label=_("Publish at once"), required=False)


class AddTranscriptForm(InterviewFileForm):
    language = forms.CharField(
        label=_("Language of the transcript"),
        max_length=35,
        validators=[validate_languages],
        help_text=_("A code such as en, es or pt-BR. A transcript already in that language is replaced."),
    )
    original = forms.BooleanField(
        label=_("The language the interview was held in"),
        required=False,
        help_text=_("Leave unticked for a translation: it is shown beside the original, line by line."),
    )

    def clean_language(self):
        language = self.cleaned_data["language"].strip()
        if len(language_codes(language)) != 1:
            raise forms.ValidationError(_("Give one language code, such as es."))
        return language
