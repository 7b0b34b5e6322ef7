"""The moderation page of one contribution, and the view that shows editors a file sent with one.

The page puts what was sent beside the records it probably matches (or, for a correction, beside the record as
it stands, field by field) and offers the decisions: ask, decline, accept as new records (split if it describes
several groups), or merge into a record.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from movement_archive.organisations.models import Organisation

from . import contact, decisions, matches, queries
from .models import Attachment, Contribution

PERMISSION = "contributions.change_contribution"


def _named(organisation: Organisation) -> str:
    return f"{organisation.name} ({organisation.acronym})" if organisation.acronym else organisation.name


class AskForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Question for the contributor"), widget=forms.Textarea(attrs={"rows": 3}))


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason, shown to the contributor"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AcceptForm(forms.Form):
    names = forms.CharField(
        label=gettext_lazy("Split into several organisations"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "One name per line, when the contribution describes several groups. Empty: one organisation."
        ),
    )

    def clean_names(self):
        return [line.strip() for line in self.cleaned_data["names"].splitlines() if line.strip()]


class MergeForm(forms.Form):
    """The organisation to merge into, chosen among the probable matches and those the editor found by name; no
    key is typed. ``candidates`` are (organisation, label) pairs, probable matches first."""

    organisation = forms.TypedChoiceField(
        label=gettext_lazy("Organisation to merge into"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": gettext_lazy("Choose one of the organisations listed: find it by name above first.")
        },
    )
    find = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, candidates: list[tuple[Organisation, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(organisation.pk, label) for organisation, label in candidates]

    def clean_organisation(self):
        found = Organisation.objects.filter(pk=self.cleaned_data["organisation"]).first()
        if found is None:
            raise forms.ValidationError(_("That organisation no longer exists."))
        return found


FORMS = {"ask": AskForm, "decline": DeclineForm, "accept": AcceptForm, "merge": MergeForm}


class ModerateView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "contributions/admin/moderate.html"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        self.contribution = get_object_or_404(
            Contribution.objects.select_related("country", "organisation", "source"), pk=kwargs["pk"]
        )
        self.find = (request.POST.get("merge-find") or request.GET.get("find") or "").strip()[:200]
        self.forms = {name: self._form(name) for name in FORMS}
        return super().dispatch(request, *args, **kwargs)

    def _form(self, name: str, data=None) -> forms.Form:
        if name != "merge":
            return FORMS[name](data, prefix=name)
        return MergeForm(data, prefix=name, candidates=self._candidates(), initial={"find": self.find})

    def _candidates(self) -> list[tuple[Organisation, str]]:
        """Probable matches first, with why; then what the editor found by name, each once."""
        if not self.contribution.open:
            return []
        user = self.request.user
        self.matches = matches.probable_matches(self.contribution, user)
        self.found = matches.found_by_name(self.find, user)
        listed = [
            (m.organisation, _("%(name)s: a probable match") % {"name": _named(m.organisation)}) for m in self.matches
        ]
        seen = {organisation.pk for organisation, _label in listed}
        listed += [(o, _named(o)) for o in self.found if o.pk not in seen]
        return listed

    def get_page_title(self):
        return _("Moderate %(contribution)s") % {"contribution": self.contribution}

    def get_page_subtitle(self):
        return self.contribution.group_name

    def get_context_data(self, **kwargs):
        contribution = self.contribution
        context = super().get_context_data(**kwargs)
        try:
            reach = contact.unseal(contribution.contact_sealed)
        except contact.ContactUnreadable:
            reach = _("(sealed under another key: unreadable)")
        context.update(
            contribution=contribution,
            contact=reach,
            forms=self.forms,
            matches=getattr(self, "matches", []),
            found=getattr(self, "found", []),
            made=queries.records_made(contribution, drafts_too=True) if not contribution.open else [],
            find=self.find,
            changes=matches.proposed_changes(contribution, contribution.organisation)
            if contribution.organisation_id
            else [],
            messages_=contribution.messages.select_related("editor"),
            milestones=contribution.milestones.all(),
            attachments=contribution.attachments.all(),
            edit_url=reverse("wagtailsnippets_contributions_contribution:edit", args=[contribution.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action not in FORMS:
            messages.error(request, _("Choose one of the decisions on this page."))
            return self.get(request, *args, **kwargs)
        form = self.forms[action] = self._form(action, request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(), status=400)
        try:
            self._decide(action, form.cleaned_data)
        except decisions.NotOpen as error:
            messages.error(request, str(error))
        return redirect(reverse("contributions_moderate", args=[self.contribution.pk]))

    def _decide(self, action: str, data: dict) -> None:
        contribution, editor = self.contribution, self.request.user
        if action == "ask":
            decisions.ask_question(contribution, editor, data["text"])
            messages.success(self.request, _("The question is on the contributor's receipt page."))
        elif action == "decline":
            decisions.decline(contribution, editor, data["reason"])
            messages.success(self.request, _("The contribution was declined; the reason is on the receipt page."))
        elif action == "accept":
            made = decisions.accept_as_new(contribution, editor, names=data["names"] or None)
            names = ", ".join(o.name for o in made)
            messages.success(self.request, _("Accepted: published %(names)s.") % {"names": names})
        else:
            organisation = decisions.merge_into(contribution, data["organisation"], editor)
            messages.success(self.request, _("Merged into %(name)s.") % {"name": organisation.name})


def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """A file sent with a contribution, for editors only; served so that a browser runs nothing inside it."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    sent = get_object_or_404(Attachment, pk=pk)
    response = FileResponse(sent.file.open("rb"), content_type=sent.media_type)
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
