from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "movement_archive.interviews"
    label = "interviews"
    verbose_name = "Interviews"
