from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    name = "movement_archive.syndication"
    verbose_name = _("Sitemap and feeds")
