from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "movement_archive.people"
    label = "people"
    verbose_name = "People"
