"""The back office's list of deleted records, where an administrator restores one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .actions import restore
from .models import DeletedRecord

PERMISSION = "deletions.restore_deletedrecord"


class DeletedRecordsView(WagtailAdminTemplateMixin, ListView):
    template_name = "deletions/list.html"
    page_title = gettext_lazy("Deleted records")
    header_icon = "bin"
    paginate_by = 50
    context_object_name = "deleted_records"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return DeletedRecord.objects.select_related("content_type", "deleted_by").defer("data")

    def post(self, request, *args, **kwargs):
        deleted = get_object_or_404(DeletedRecord, pk=request.POST.get("restore"), restored_at__isnull=True)
        record = restore(deleted, request.user)
        messages.success(request, _("Restored “%(title)s”.") % {"title": record})
        return redirect(reverse("deleted_records"))
