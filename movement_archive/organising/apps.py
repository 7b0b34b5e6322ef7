from django.apps import AppConfig


class OrganisingConfig(AppConfig):
    name = "movement_archive.organising"
    label = "organising"
    verbose_name = "Organising models"
