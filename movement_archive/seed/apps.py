from django.apps import AppConfig


class SeedConfig(AppConfig):
    name = "movement_archive.seed"
    label = "seed"
    verbose_name = "Seed collection"
