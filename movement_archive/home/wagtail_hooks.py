"""The archive's menu in the back office: one group holding every kind of record, and nothing about pages.

In the home app because the menu names a model of nearly every app; core, below them all, names none.

The archive's records are snippets and its public site is Django views: it serves no Wagtail page. The page
explorer, the dashboard's page count and page panels, and the reports about pages showed editors the one page
Wagtail makes when it is installed, which appears nowhere; they are left out.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.views.home import LockedPagesPanel, RecentEditsPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from movement_archive.documentary.models import Episode, Series
from movement_archive.events.models import Event
from movement_archive.interviews.models import Interview
from movement_archive.organisations.models import Organisation
from movement_archive.organising.models import OrganisingModel
from movement_archive.people.models import Person
from movement_archive.places.models import Country, Locality
from movement_archive.sources.models import Disagreement, Source


class ArchiveViewSet(SnippetViewSet):
    # Researchers hold only the view permission: the inspect view is how they read a whole record.
    inspect_view_enabled = True


class OrganisationViewSet(ArchiveViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "acronym", "kind", "scope", "founded_in_words", "closed_in_words", "status"]
    list_filter = ["kind", "scope", "status", "live"]
    # No search_fields: the listing searches the model's own index (names folded, acronym, other names, text).
    # Naming fields made Wagtail ask the full-text table for columns it does not have ("no such column: name").
    ordering = ["name"]


class PersonViewSet(ArchiveViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "public_name", "access", "consent"]
    list_filter = ["access", "consent", "live"]


class EventViewSet(ArchiveViewSet):
    model = Event
    icon = "date"
    list_display = ["title", "date_in_words", "kind"]
    list_filter = ["kind", "live"]
    ordering = ["date_sort", "date_upper", "title"]


class OrganisingModelViewSet(ArchiveViewSet):
    model = OrganisingModel
    icon = "list-ol"
    list_display = ["name", "position"]


class CountryViewSet(ArchiveViewSet):
    model = Country
    icon = "globe"
    list_display = ["name", "iso2", "region_name", "subregion_name"]
    list_filter = ["region_name"]


class LocalityViewSet(ArchiveViewSet):
    model = Locality
    icon = "site"
    list_display = ["name", "kind", "country"]
    list_filter = ["kind"]


class SeriesViewSet(ArchiveViewSet):
    model = Series
    icon = "media"


class EpisodeViewSet(ArchiveViewSet):
    model = Episode
    icon = "media"
    list_display = ["number", "title", "series"]
    ordering = ["series", "number"]


class InterviewViewSet(ArchiveViewSet):
    model = Interview
    icon = "openquote"
    list_display = ["title", "date", "access", "synthetic"]
    list_filter = ["access", "synthetic", "live"]
    search_fields = ["title"]
    ordering = ["title"]


class SourceViewSet(ArchiveViewSet):
    model = Source
    icon = "doc-full"
    list_display = ["title", "kind", "date"]


class DisagreementViewSet(ArchiveViewSet):
    model = Disagreement
    icon = "warning"


class ArchiveViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Archive")
    menu_icon = "folder-open-inverse"
    menu_order = 100
    items = (
        OrganisationViewSet,
        PersonViewSet,
        EventViewSet,
        OrganisingModelViewSet,
        SeriesViewSet,
        EpisodeViewSet,
        InterviewViewSet,
        SourceViewSet,
        DisagreementViewSet,
        LocalityViewSet,
        CountryViewSet,
    )


register_snippet(ArchiveViewSetGroup)


PAGE_REPORTS = {"locked-pages", "aging-pages", "page-types-usage"}


@hooks.register("construct_main_menu")
def leave_out_the_page_explorer(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != "explorer"]


@hooks.register("construct_reports_menu")
def leave_out_reports_about_pages(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name not in PAGE_REPORTS]


@hooks.register("construct_homepage_summary_items")
def leave_out_the_page_count(request, summary_items):
    summary_items[:] = [item for item in summary_items if not isinstance(item, PagesSummaryItem)]


@hooks.register("construct_homepage_panels")
def leave_out_the_page_panels(request, panels):
    panels[:] = [panel for panel in panels if not isinstance(panel, LockedPagesPanel | RecentEditsPanel)]
