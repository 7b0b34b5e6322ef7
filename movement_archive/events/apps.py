from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "movement_archive.events"
    label = "events"
    verbose_name = "Events"
