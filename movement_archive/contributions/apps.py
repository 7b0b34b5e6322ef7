from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    name = "movement_archive.contributions"
    verbose_name = _("Contributions")

    def ready(self) -> None:
        from .moderation import sync_workflow_after_migrate

        # Connected after the roles' handler (accounts comes first), so the Editors group exists by then.
        post_migrate.connect(sync_workflow_after_migrate, dispatch_uid="movement_archive.sync_contribution_workflow")
