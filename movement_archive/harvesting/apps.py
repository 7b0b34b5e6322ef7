from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HarvestingConfig(AppConfig):
    name = "movement_archive.harvesting"
    verbose_name = _("Harvesting (OAI-PMH)")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the deploy check)
