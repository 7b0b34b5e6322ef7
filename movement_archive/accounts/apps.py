from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "movement_archive.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self) -> None:
        from . import sessions  # noqa: F401 (connects the sign-in and sign-out receivers)
        from .roles import sync_roles_after_migrate

        # After every migrate, so that a new model's permissions reach the roles at once.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="movement_archive.sync_roles")
