from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "movement_archive.core"
    label = "core"
    verbose_name = "Movement Archive core"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
