"""The back office's pages that read interview files, the menu item to import one, and the listing's button to
add a transcript to an interview."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem

from .admin_views import AddTranscriptView, ImportInterviewView, recording
from .models import Interview


@hooks.register("register_admin_urls")
def interview_import_urls():
    return [
        path("interviews/import/", ImportInterviewView.as_view(), name="interviews_import"),
        path("interviews/<int:pk>/transcript/", AddTranscriptView.as_view(), name="interviews_add_transcript"),
        path("interviews/<int:pk>/recording/", recording, name="interviews_recording"),
    ]


class _ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("interviews.add_interview")


@hooks.register("register_admin_menu_item")
def interview_import_menu_item():
    return _ImportMenuItem(_("Import an interview"), reverse("interviews_import"), icon_name="upload", order=110)


@hooks.register("register_snippet_listing_buttons")
def add_transcript_button(snippet, user, next_url=None):
    if isinstance(snippet, Interview) and user.has_perm("interviews.change_interview"):
        url = reverse("interviews_add_transcript", args=[snippet.pk])
        yield ListingMenuItem(_("Add a transcript"), url, icon_name="upload", priority=60)
