"""The back office's form for importing an interview from a file."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from movement_archive.oralhistory.text import MAX_BYTES

from .models import validate_languages


class ImportInterviewForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("OHMS XML, WebVTT, SRT, or plain text with [hh:mm:ss] time stamps."),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("auto", _("Tell from the file")),
            ("ohms", "OHMS XML"),
            ("webvtt", "WebVTT"),
            ("srt", "SRT"),
            ("stamped", _("Text with time stamps")),
        ],
        initial="auto",
    )
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

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s bytes; the most the archive reads is %(limit)s."),
                params={"size": f"{upload.size:,}", "limit": f"{MAX_BYTES:,}"},
            )
        return upload
