from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeletionsConfig(AppConfig):
    name = "movement_archive.deletions"
    verbose_name = _("Deleted records")

    def ready(self) -> None:
        from django.db.models.signals import pre_delete

        from .actions import keep_before_deleting

        # Every deletion, from the back office or the ORM, of every editorial record.
        pre_delete.connect(keep_before_deleting, dispatch_uid="movement_archive.keep_deleted_records")
