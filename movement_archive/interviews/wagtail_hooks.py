"""The back office's import page and its menu item, shown to those who may add interviews."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import ImportInterviewView


@hooks.register("register_admin_urls")
def interview_import_urls():
    return [path("interviews/import/", ImportInterviewView.as_view(), name="interviews_import")]


class _ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("interviews.add_interview")


@hooks.register("register_admin_menu_item")
def interview_import_menu_item():
    return _ImportMenuItem(_("Import an interview"), reverse("interviews_import"), icon_name="upload", order=110)
