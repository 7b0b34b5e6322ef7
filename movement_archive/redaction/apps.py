from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedactionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "movement_archive.redaction"
    verbose_name = _("Redaction")
