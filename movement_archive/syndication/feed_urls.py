"""The feeds, in every interface language (see ``movement_archive/urls.py``)."""

from django.urls import path

from .feeds import KindFeed, RecentAdditions

app_name = "feeds"
urlpatterns = [
    path("recent.atom", RecentAdditions(), name="recent"),
    path("<slug:kind>.atom", KindFeed(), name="kind"),
]
