from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "movement_archive.sources"
    label = "sources"
    verbose_name = "Sources"
