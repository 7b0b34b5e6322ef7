from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "movement_archive.organisations"
    label = "organisations"
    verbose_name = "Organisations"
