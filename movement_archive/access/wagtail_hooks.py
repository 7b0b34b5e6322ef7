"""Reader groups and the audit of viewings in the back office, for administrators."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import ReaderGroup, Viewing


class ReadOnlyPolicy(ModelPermissionPolicy):
    """An audit trail is read, never written by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)


register_permission_policy(Viewing, ReadOnlyPolicy(Viewing))


class ReaderGroupViewSet(ModelViewSet):
    model = ReaderGroup
    icon = "group"
    menu_label = _("Reader groups")
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = ["name", "description"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("members")]


class ViewingViewSet(ModelViewSet):
    model = Viewing
    icon = "view"
    menu_label = _("Viewings of restricted material")
    add_to_settings_menu = True
    copy_view_enabled = False
    form_fields: list[str] = []  # never edited: the policy allows viewing only
    list_display = ["viewed_at", "user", "kind", "key", "what", "level", "consent"]
    list_filter = ["kind", "level", "what"]


@hooks.register("register_admin_viewset")
def register_reader_groups():
    return ReaderGroupViewSet("reader_groups")


@hooks.register("register_admin_viewset")
def register_viewings():
    return ViewingViewSet("viewings")
