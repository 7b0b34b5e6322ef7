from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site as a whole: the home page, the pages' shared header, the back-office menu, the list of list pages.

    It stands above every domain app and knows them all, so that ``core`` below them knows none.
    """

    name = "movement_archive.home"
    label = "home"
    verbose_name = "Home page and site"
