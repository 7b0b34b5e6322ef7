"""The back office's list of exports: which need a rebuild, why, and the command that rebuilds each."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy
from django.views.generic import ListView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import Export

PERMISSION = "exports.view_export"


class ExportsView(WagtailAdminTemplateMixin, ListView):
    template_name = "exports/list.html"
    page_title = gettext_lazy("Exports")
    header_icon = "download"
    paginate_by = 50
    context_object_name = "exports"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return Export.objects.for_the_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["to_rebuild"] = Export.objects.to_rebuild().count()
        return context
