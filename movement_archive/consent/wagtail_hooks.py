"""The consent ledger and its flags in the back office.

Editors add entries and read the ledger; no one changes or deletes an entry (``ConsentEntry.save`` refuses too).
Adding one goes through ``actions.record_consent``, so it takes effect on every reading surface at once.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import actions
from .actions import RECORDED
from .forms import ConsentEntryForm
from .models import ConsentEntry, Flag


class AddOnlyPolicy(ModelPermissionPolicy):
    """The ledger is only added to."""

    def user_has_permission(self, user, action):
        return action not in ("change", "delete") and super().user_has_permission(user, action)


register_permission_policy(ConsentEntry, AddOnlyPolicy(ConsentEntry))


class RecordConsentView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return actions.record_consent(
            person=data["person"],
            contribution=data["contribution"],
            scope=data["scope"],
            attribution=data["attribution"],
            agreed_on=data["agreed_on"],
            method=data["method"],
            evidence=data["evidence"],
            note=data["note"],
            pseudonym=data["pseudonym"] or None,
            by=self.request.user,
        )


class ConsentLedgerViewSet(ModelViewSet):
    model = ConsentEntry
    icon = "clipboard-list"
    menu_label = _("Consent ledger")
    add_view_class = RecordConsentView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["subject", "scope", "attribution", "agreed_on", "method", "recorded_at", "recorded_by"]
    list_filter = ["scope", "attribution", "method"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("person"), FieldPanel("contribution")]),
            FieldRowPanel([FieldPanel("scope"), FieldPanel("attribution"), FieldPanel("pseudonym")]),
            FieldRowPanel([FieldPanel("agreed_on"), FieldPanel("method")]),
            FieldPanel("evidence"),
            FieldPanel("note"),
        ],
        base_form_class=ConsentEntryForm,
    )


class ResolveFlagView(generic.EditView):
    def save_instance(self):
        flag = self.form.save(commit=False)
        flag.resolved_at = timezone.now()
        flag.resolved_by = self.request.user
        flag.save()
        return flag


class FlagViewSet(ModelViewSet):
    model = Flag
    icon = "warning"
    menu_label = _("Consent flags")
    edit_view_class = ResolveFlagView
    copy_view_enabled = False
    list_display = ["label", "kind", "reason", "created_at", "resolved_at"]
    list_filter = ["kind"]
    panels = [FieldPanel("resolution")]


class ConsentGroup(ViewSetGroup):
    menu_label = _("Consent")
    menu_icon = "clipboard-list"
    menu_order = 130
    items = (ConsentLedgerViewSet, FlagViewSet)


@hooks.register("register_admin_viewset")
def register_consent():
    return ConsentGroup()


@hooks.register("register_log_actions")
def consent_log_action(actions_registry):
    actions_registry.register_action(RECORDED, _("Record consent"), _("Consent recorded"))
