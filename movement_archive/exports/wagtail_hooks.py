"""The exports page and its menu item, for editors and administrators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import PERMISSION, ExportsView


@hooks.register("register_admin_urls")
def exports_urls():
    return [path("exports/", ExportsView.as_view(), name="exports")]


class _ExportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_settings_menu_item")
def exports_menu_item():
    return _ExportsMenuItem(_("Exports"), reverse("exports"), icon_name="download", order=910)
