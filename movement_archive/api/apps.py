from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "movement_archive.api"
    label = "archive_api"  # "api" is a name other projects' apps take; a clash would stop the program
    verbose_name = _("Read-only API")
