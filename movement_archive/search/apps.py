from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "movement_archive.search"
    # Wagtail's own search app is labelled wagtailsearch; ours keeps clear of it.
    label = "archive_search"
    verbose_name = "Search"
