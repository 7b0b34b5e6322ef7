"""Every back-office view answers, for each role: an administrator, an editor and a researcher follow every link
and GET form from the dashboard (each listing searched, filtered and, for the administrator, ordered by each
column; each record's edit, inspect, history, usage, revisions and delete confirmation; the custom views), over
records of every kind, some holding files and inline children. No answer may be a server error, log an error, or
be a link to nothing; and every view the URL configuration names under /admin/ is visited by some role, or named
with the reason in ``testing.back_office`` (``NOT_CRAWLED``, ``NOT_CRAWLED_FAMILIES``).

The last release had two of these: an interview with a recording would not open, and searching the organisations
answered 500 for any word.
"""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import WorkflowContentType, get_default_page_content_type
from wagtail.snippets.models import get_snippet_models

from movement_archive.access.models import AccessLevel
from movement_archive.consent.actions import withdraw_consent
from movement_archive.contributions.tests.helpers import history, photo_with_gps
from movement_archive.core.models import EditorialRecord
from movement_archive.interviews.tests.helpers import synthetic_interview, with_recording
from movement_archive.testing import (
    CastTestCase,
    make_country,
    make_disagreement,
    make_episode,
    make_event,
    make_locality,
    make_organisation,
    make_organising_model,
    make_person,
    make_source,
)
from movement_archive.testing.back_office import SUPERUSER_TOOLS, BackOfficeCrawl, crawl_back_office, unvisited
from movement_archive.testing.two_factor import VerifiedClient


def a_full_archive() -> None:
    """One record of every kind, with what makes its views work harder: files, children, two revisions; a draft,
    a withdrawn person whose episode is flagged, a contribution with a photo, and a deleted record."""
    netherlands = make_country("NL")
    rotterdam = make_locality(name="Rotterdam", country=netherlands)
    model = make_organising_model(name="Grassroots organising", key="grassroots")
    union = make_organisation(name="Rotterdam Junkie Union", acronym="RJU", description="First version.")
    union.countries.set([netherlands])
    union.localities.set([rotterdam])
    union.other_names.create(name="Junkiebond")
    union.practices.create(model=model)
    make_organisation(name="Zwolle group still in draft", live=False)
    make_event(title="A union is founded", date="1981")
    episode = make_episode()
    make_disagreement()
    with_recording(synthetic_interview(key="heard-in-the-back-office"), b"OggS" + bytes(2044), "voices.ogg")
    synthetic_interview(key="for-the-community", access=AccessLevel.COMMUNITY)
    make_source(title="A history of drug user organising")
    _an_image_and_a_document()
    make_source(title="A source deleted since").delete()  # for the deleted records view
    make_person(name="Pat Public")
    # Two drafts saved over every record's published version, logged as edits: the history offers to compare an
    # edit with the one before it and to review (revert to) an earlier one only for such entries.
    for model_class in get_snippet_models():
        if issubclass(model_class, EditorialRecord):
            for record in model_class.objects.all():
                record.save_revision(log_action=True)
                record.save_revision(log_action=True)
    # After the revisions: a withdrawal takes the person off the archive and flags the episode featuring them.
    named = make_person(name="Wim Withdrawn")
    episode.people.add(named)
    episode.save()  # a cluster's many-to-many links are written when it is saved
    withdraw_consent(person=named, method="email", note="Asked by email.")
    # A contribution with a photo, sent through the public form as a group would send it.
    Client().post("/contribute/", history(files=photo_with_gps()))


def _an_image_and_a_document() -> None:
    image = io.BytesIO()
    PILImage.new("RGB", (8, 6), (200, 120, 40)).save(image, "PNG")
    get_image_model().objects.create(title="A banner from the first union", file=ImageFile(image, name="banner.png"))
    get_document_model().objects.create(
        title="Minutes of the first meeting", file=ContentFile(b"Minutes.", name="minutes.txt")
    )


def out_of_workflow() -> set[str]:
    """The workflow history views of kinds no workflow covers: nothing links to them, as there is none."""
    covered = set(WorkflowContentType.objects.values_list("content_type__model", flat=True))
    default_page = get_default_page_content_type()
    return {
        f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{view}"
        for model in get_snippet_models()
        if model._meta.model_name not in covered and model._meta.model_name != default_page.model
        for view in ("workflow_history", "workflow_history_detail")
    }


# A contribution is moderated on a page of its own (``contributions_moderate``), which the crawl visits; its
# revisions belong to the moderation workflow and are never compared or reverted, and nothing links to its
# workflow's history. Nothing offers to unpublish one (``contributions/wagtail_hooks.py``): it is never published.
CONTRIBUTIONS_REVISION_VIEWS = {
    f"wagtailsnippets_contributions_contribution:{view}"
    for view in ("revisions_compare", "revisions_revert", "unpublish", "workflow_history", "workflow_history_detail")
}


class BackOfficeCrawlTestCase(CastTestCase):
    """One role's crawl. Only the administrator's searches and tries each ordering and each filter's every choice:
    the views are the same for every role; what differs is which open and what they offer, which following the
    links and sending the forms as they stand shows."""

    role = ""
    thorough = False

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        a_full_archive()
        client = VerifiedClient()
        client.force_login(getattr(cls, cls.role))
        cls.crawl: BackOfficeCrawl = crawl_back_office(
            client, per_view=2 if cls.thorough else 1, each_ordering=cls.thorough, each_choice=cls.thorough
        )

    def assert_nothing_failed(self):
        self.assertEqual(self.crawl.failures, [], f"as the {self.role}:\n{self.crawl.report()}")


class TheAdministratorsCrawl(BackOfficeCrawlTestCase):
    """Ada holds every permission the archive grants: her crawl reaches every view a role may open."""

    role = "administrator"
    thorough = True

    def test_no_view_fails(self):
        self.assert_nothing_failed()

    def test_every_registered_view_is_visited_or_said_to_be_out_of_reach(self):
        self.maxDiff = None
        out_of_reach = out_of_workflow() | CONTRIBUTIONS_REVISION_VIEWS | {"wagtailusers_groups:usage"}
        self.assertEqual([name for name in unvisited([self.crawl]) if name not in out_of_reach], [])

    def test_the_tools_no_role_is_granted_are_refused_to_the_administrator(self):
        for address in SUPERUSER_TOOLS:
            with self.subTest(address=address):
                self.assertRedirects(self.client.get(address), "/admin/", fetch_redirect_response=False)

    def test_every_listing_was_searched_filtered_and_ordered(self):
        # The listing's search box and filters send to its results view, which its script draws in place.
        visited = {answer.url for answer in self.crawl.answers if answer.status == 200}
        for path in ("/admin/snippets/organisations/organisation/", "/admin/snippets/interviews/interview/"):
            with self.subTest(path=path):
                self.assertTrue(any(url.startswith(f"{path}results/?") and "q=" in url for url in visited))
                self.assertTrue(any(url.startswith(f"{path}results/?") and "live=" in url for url in visited))
                self.assertTrue(any(url.startswith(f"{path}?") and "ordering=" in url for url in visited))

    def setUp(self):
        self.client.force_login(self.administrator)


class TheEditorsCrawl(BackOfficeCrawlTestCase):
    role = "editor"

    def test_no_view_fails(self):
        self.assert_nothing_failed()

    def test_the_editor_opens_every_kinds_edit_form(self):
        views = self.crawl.views()
        for kind in ("organisations_organisation", "interviews_interview", "contributions_contribution"):
            with self.subTest(kind=kind):
                self.assertIn(f"wagtailsnippets_{kind}:edit", views)
        self.assertNotIn("wagtailusers_users:index", views)


class TheResearchersCrawl(BackOfficeCrawlTestCase):
    role = "researcher"

    def test_no_view_fails(self):
        self.assert_nothing_failed()

    def test_the_researcher_reads_records_and_edits_none(self):
        views = self.crawl.views()
        self.assertIn("wagtailsnippets_organisations_organisation:inspect", views)
        self.assertNotIn("wagtailsnippets_organisations_organisation:edit", views)
