"""The sitemap and robots.txt, at fixed addresses outside the language prefixes: each is one document for machines,
and the sitemap itself lists every page in every language."""

from django.urls import path

from . import views

app_name = "syndication"
urlpatterns = [
    path("robots.txt", views.robots, name="robots"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemaps/<slug:section>/<int:page>.xml", views.sitemap_page, name="sitemap"),
]
