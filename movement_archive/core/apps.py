from django.apps import AppConfig, apps


class CoreConfig(AppConfig):
    name = "movement_archive.core"
    label = "core"
    verbose_name = "Movement Archive core"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from . import checks  # noqa: F401  (registers the system checks)
        from .aggregates import archive_changed

        # Any write to the archive's own tables (records, their children and links, countries) makes the kept
        # figures stale; revisions and Wagtail's tables are left out, as drafts change nothing readers see.
        ours = {config.label for config in apps.get_app_configs() if config.name.startswith("movement_archive.")}
        for model in apps.get_models(include_auto_created=True):
            if model._meta.app_label in ours:
                for signal in (post_save, post_delete, m2m_changed):
                    signal.connect(
                        archive_changed, sender=model, weak=False, dispatch_uid=f"archive:{model._meta.label}"
                    )
