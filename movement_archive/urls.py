from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.static import serve
from wagtail.admin import urls as wagtailadmin_urls

from movement_archive.core import views as core_views

urlpatterns = [
    # Before Wagtail's admin, whose last pattern catches every address under /admin/.
    path("admin/two-factor/", include("movement_archive.accounts.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("healthz", core_views.health, name="health"),
    # For machines, one address each whatever the language: the sitemap lists both languages itself, and OAI-PMH
    # records carry no interface text.
    path("", include("movement_archive.syndication.urls")),
    path("oai", include("movement_archive.harvesting.urls")),
    # The read-only API (docs/api.md): one address whatever the language, like the other surfaces for machines.
    path("api/v1/", include("movement_archive.api.urls")),
]

# The reading rooms, in every interface language: English at the root, others under a prefix (/es/...),
# so a reader switches language by following a link, with no cookie and no script.
urlpatterns += i18n_patterns(
    path("", include("movement_archive.home.urls")),
    path("organisations/", include("movement_archive.organisations.urls")),
    path("people/", include("movement_archive.people.urls")),
    path("places/", include("movement_archive.places.urls")),
    path("models/", include("movement_archive.organising.urls")),
    path("events/", include("movement_archive.events.urls")),
    path("episodes/", include("movement_archive.documentary.urls")),
    path("interviews/", include("movement_archive.interviews.urls")),
    path("sources/", include("movement_archive.sources.urls")),
    path("search/", include("movement_archive.search.urls")),
    path("contribute/", include("movement_archive.contributions.urls")),
    # Feeds are read by people through their feed readers: titles in the reader's language, links to its pages.
    path("feeds/", include("movement_archive.syndication.feed_urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
