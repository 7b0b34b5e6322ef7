from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "movement_archive.places"
    label = "places"
    verbose_name = "Places"
