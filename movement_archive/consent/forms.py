"""The back-office form that adds an entry to the consent ledger."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Attribution


class ConsentEntryForm(WagtailAdminModelForm):
    pseudonym = forms.CharField(
        label=_("pseudonym"),
        required=False,
        max_length=200,
        help_text=_("For a person known by a pseudonym: the name to show instead. Leave empty to keep the one set."),
    )

    def clean(self):
        data = super().clean()
        person, contribution = data.get("person"), data.get("contribution")
        if (person is None) == (contribution is None):
            raise forms.ValidationError(_("Choose the person or the contribution this consent is about, not both."))
        agreed_on = data.get("agreed_on")
        if agreed_on and agreed_on > timezone.localdate():
            self.add_error("agreed_on", _("Consent cannot have been given after today."))
        if data.get("attribution") == Attribution.PSEUDONYM:
            if contribution is not None:
                self.add_error("attribution", _("A contribution is credited on its own form; choose name or none."))
            elif person is not None and not (data.get("pseudonym") or person.pseudonym):
                self.add_error("pseudonym", _("Give the pseudonym this person is to be known by."))
        return data
