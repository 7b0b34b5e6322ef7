"""The deleted records page and its menu item, for administrators; the audit log's name for a restoration."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .actions import RESTORED
from .views import PERMISSION, DeletedRecordsView


@hooks.register("register_admin_urls")
def deleted_records_urls():
    return [path("deleted-records/", DeletedRecordsView.as_view(), name="deleted_records")]


class _DeletedRecordsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_settings_menu_item")
def deleted_records_menu_item():
    return _DeletedRecordsMenuItem(_("Deleted records"), reverse("deleted_records"), icon_name="bin", order=900)


@hooks.register("register_log_actions")
def restore_log_action(actions):
    actions.register_action(RESTORED, _("Restore"), _("Restored from the deleted records"))
