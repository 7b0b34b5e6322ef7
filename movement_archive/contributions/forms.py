"""The public forms of contributing: sending a history, and, on the receipt page, answering, adding, withdrawing.

Every field takes plain text; anything that looks like markup is refused with a message rather than cleaned
quietly, so that what a contributor sees in the receipt is exactly what they sent. Files are checked and
stripped of metadata here, during validation, so a file that cannot be accepted stops the whole contribution
before anything is stored.
"""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.core import signing
from django.core.validators import URLValidator
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from movement_archive.organising.models import OrganisingModel
from movement_archive.places.models import Country
from movement_archive.redaction.text import validate_markup
from movement_archive.scrubbing import RejectedFile, Scrubbed, scrub

from .models import Contribution

MAX_FILES = 5
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_LINKS = 20
MAX_TEXT = 50_000
# A form older than this is refused: it was filled in long ago or built elsewhere. A day leaves time to write.
FORM_LIFETIME = 24 * 3600
_MARKUP = re.compile(r"<\s*[A-Za-z!/?]|javascript\s*:", re.IGNORECASE)
_STAMP_SALT = "movement_archive.contributions.form"


def new_stamp() -> str:
    """The signed time stamp a form the archive serves carries (see ``StampedForm``)."""
    return signing.TimestampSigner(salt=_STAMP_SALT).sign("form")


def refuse_markup(value: str) -> None:
    if _MARKUP.search(value or ""):
        raise forms.ValidationError(
            _("Write plain text here: markup such as <b> or <script> is not accepted."), code="markup"
        )


def _text(label, *, required: bool = False, max_length: int = MAX_TEXT, rows: int | None = None, **kwargs):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else None
    return forms.CharField(
        label=label, required=required, max_length=max_length, validators=[refuse_markup], widget=widget, **kwargs
    )


def partial_date(year: int | None, month: str, approximate: bool) -> str:
    """The EDTF text of what a contributor gave: 1981, 1981-03, 1981~ (about 1981)."""
    if not year:
        return ""
    text = f"{year:04d}-{int(month):02d}" if month else f"{year:04d}"
    return f"{text}~" if approximate else text


def date_from_fields(form: forms.Form, year: str, month: str, approximate: str) -> str:
    """Three plain fields (year, month, "about") make a partial date: no script and no date format to learn."""
    data = form.cleaned_data
    if data.get(month) and not data.get(year):
        form.add_error(year, _("Give the year as well as the month."))
        return ""
    return partial_date(data.get(year), data.get(month) or "", data.get(approximate, False))


def _year(label):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1900,
        max_value=date.today().year,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


def _month(label):
    return forms.ChoiceField(label=label, required=False, choices=[("", "—"), *MONTHS.items()])


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Up to MAX_FILES images or PDFs, each scrubbed of metadata (``movement_archive.scrubbing``) as it is cleaned."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", "image/jpeg,image/png,image/webp,image/gif,application/pdf")

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload]
        if len(uploads) > MAX_FILES:
            raise forms.ValidationError(_("Send at most %(most)s files at a time."), params={"most": MAX_FILES})
        scrubbed: list[Scrubbed] = []
        for number, upload in enumerate(uploads, start=1):
            super().clean(upload, initial)
            if upload.size > MAX_FILE_BYTES:
                raise forms.ValidationError(
                    _("File %(number)s is larger than %(most)s MB, the most accepted."),
                    params={"number": number, "most": MAX_FILE_BYTES // (1024 * 1024)},
                )
            try:
                scrubbed.append(scrub(upload.read(), filename=upload.name, max_bytes=MAX_FILE_BYTES))
            except RejectedFile as error:
                raise forms.ValidationError(
                    _("File %(number)s cannot be accepted: %(reason)s"), params={"number": number, "reason": error}
                ) from error
        return scrubbed


class StampedForm(forms.Form):
    """A form that carries a signed time stamp and a field only robots fill in.

    The stamp replaces a CSRF cookie, which the public side does not set: a contribution made without an account
    gives an attacker nothing to ride on, but a form that was not served by the archive, or is more than a day
    old, is refused with a message that says so. The empty field catches robots that fill in every box.
    """

    stamp = forms.CharField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("This form was not served by the archive. Open the page again and send it from there.")
        },
    )
    website = forms.CharField(
        label=_("Leave this box empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    @property
    def fresh_stamp(self) -> str:
        # Every rendering carries a new stamp, so a form sent back with a problem can be sent again.
        return new_stamp()

    def clean_stamp(self):
        try:
            signing.TimestampSigner(salt=_STAMP_SALT).unsign(self.cleaned_data["stamp"], max_age=FORM_LIFETIME)
        except signing.SignatureExpired as error:
            raise forms.ValidationError(
                _("This form is more than a day old. Copy what you wrote, reload the page and send it again.")
            ) from error
        except signing.BadSignature as error:
            raise forms.ValidationError(
                _("This form was not served by the archive. Open the page again and send it from there.")
            ) from error
        return self.cleaned_data["stamp"]

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("The box “Leave this box empty” must stay empty."))
        return ""


class ContributionForm(StampedForm):
    group_name = _text(_("The group's name"), required=True, max_length=255)
    other_names = _text(
        _("Other names"), rows=3, max_length=2000, help_text=_("Earlier names, acronyms, names in other languages.")
    )
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.order_by("name"), required=False, empty_label="—"
    )
    city = _text(_("City or town"), max_length=255)
    place_withheld = forms.BooleanField(
        label=_("I prefer not to say where the group is"),
        required=False,
        help_text=_("Then leave the country and city empty."),
    )
    founded_year = _year(_("Year founded"))
    founded_month = _month(_("Month founded"))
    founded_approximate = forms.BooleanField(label=_("The date is approximate"), required=False)
    models_then = forms.ModelMultipleChoiceField(
        label=_("How the group organised at first"),
        queryset=OrganisingModel.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    models_now = forms.ModelMultipleChoiceField(
        label=_("How the group organises now"),
        queryset=OrganisingModel.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    achievements = _text(_("Achievements"), rows=4)
    challenges = _text(_("Challenges"), rows=4)
    narrative = _text(_("The group's story"), rows=10, help_text=_("In any language, as long or as short as you like."))
    narrative_language = _text(
        _("Language of the story"), max_length=35, help_text=_("For example: Español, ру́сский, Thai.")
    )
    # Checked line by line as web addresses (``clean_links``), which refuses markup and javascript: as well.
    links = forms.CharField(
        label=_("Links"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Addresses of pages about the group, one per line."),
    )
    files = FilesField(
        label=_("Photos or documents"),
        help_text=_(
            "Up to 5 images (JPEG, PNG, WebP, GIF) or PDF documents, 10 MB each. Before anything is stored, the "
            "archive removes what files say about themselves: camera, position, author, software."
        ),
    )
    credit = forms.ChoiceField(
        label=_("How should the archive credit you?"),
        choices=Contribution.Credit.choices,
        initial=Contribution.Credit.ANONYMOUS,
        widget=forms.RadioSelect,
    )
    credit_name = _text(_("Name or pseudonym to credit"), max_length=255)
    contact = _text(
        _("A way to reach you (optional)"),
        max_length=500,
        help_text=_(
            "Only if you want editors to be able to write to you. It is never published, it is stored encrypted, "
            "and it is deleted if you withdraw. The receipt page works without it."
        ),
    )
    consent_publish = forms.BooleanField(
        label=_("I agree that editors may publish what they accept from this contribution, credited as I chose.")
    )
    consent_keep = forms.BooleanField(
        label=_("I agree that the archive keeps what I send until I withdraw it from my receipt page.")
    )

    def __init__(self, *args, models=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("models_then", "models_now"):
            self.fields[name].queryset = models if models is not None else OrganisingModel.objects.none()

    def clean_narrative(self):
        # Accepted, it becomes an organisation's description, whose redaction markup must be well formed.
        validate_markup(self.cleaned_data["narrative"])
        return self.cleaned_data["narrative"]

    def clean_other_names(self):
        return "\n".join(line.strip() for line in self.cleaned_data["other_names"].splitlines() if line.strip())

    def clean_links(self):
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise forms.ValidationError(_("Give at most %(most)s links."), params={"most": MAX_LINKS})
        check = URLValidator(schemes=["http", "https"])
        for number, line in enumerate(lines, start=1):
            try:
                check(line)
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    _("Line %(number)s is not a web address starting with http:// or https://: %(line)s"),
                    params={"number": number, "line": line[:100]},
                ) from error
        return "\n".join(lines)

    def clean(self):
        data = super().clean()
        if data.get("place_withheld"):
            for name in ("country", "city"):
                if data.get(name):
                    self.add_error(name, _("You chose not to say where the group is: leave this empty."))
        credit, name = data.get("credit"), (data.get("credit_name") or "").strip()
        if credit in (Contribution.Credit.NAME, Contribution.Credit.PSEUDONYM) and not name:
            self.add_error("credit_name", _("Give the name or pseudonym to credit, or choose to stay anonymous."))
        if credit == Contribution.Credit.ANONYMOUS and name:
            self.add_error("credit_name", _("You chose to stay anonymous: leave the name empty."))
        data["founded"] = date_from_fields(self, "founded_year", "founded_month", "founded_approximate")
        return data


class MilestoneForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    year = _year(_("Year"))
    month = _month(_("Month"))
    approximate = forms.BooleanField(label=_("Approximate"), required=False)
    text = _text(_("What happened"), rows=2, max_length=2000)

    def clean_text(self):
        # Accepted, a long one becomes an event's description, whose redaction markup must be well formed.
        validate_markup(self.cleaned_data["text"])
        return self.cleaned_data["text"]

    def clean(self):
        data = super().clean()
        if data.get("year") and not data.get("text"):
            self.add_error("text", _("Say what happened at this date, or leave the date empty."))
        if data.get("text") and not data.get("year"):
            self.add_error("year", _("Give at least the year of this milestone."))
        data["date"] = date_from_fields(self, "year", "month", "approximate")
        return data


MilestoneFormSet = forms.formset_factory(MilestoneForm, extra=5, max_num=5, absolute_max=5)


class AnswerForm(StampedForm):
    text = _text(_("Your answer"), required=True, rows=5, max_length=10_000)


class MoreMaterialForm(StampedForm):
    text = _text(_("Something to add"), rows=5, max_length=MAX_TEXT)
    files = FilesField(label=_("Photos or documents"), help_text=_("Up to 5 images or PDF documents, 10 MB each."))

    def clean(self):
        data = super().clean()
        if not data.get("text") and not data.get("files") and not self.errors:
            raise forms.ValidationError(_("Write something or choose a file to add."))
        return data


class WithdrawForm(StampedForm):
    confirm = forms.BooleanField(
        label=_("I want to withdraw this contribution. My name, pseudonym and contact are deleted at once.")
    )


class ForgetContactForm(StampedForm):
    confirm = forms.BooleanField(label=_("Delete the way to reach me. The contribution stays."))
