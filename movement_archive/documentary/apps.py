from django.apps import AppConfig


class DocumentaryConfig(AppConfig):
    name = "movement_archive.documentary"
    label = "documentary"
    verbose_name = "Documentary"
