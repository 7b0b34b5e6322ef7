"""The crawler on the archive itself: it reaches every record a reader may see, and no marker planted in hidden
material turns up for a visitor, while a crawl as an editor, who may see that material, does find it. That is how
we know a leak test built on it can fail."""

from __future__ import annotations

from django.test import Client

from movement_archive.events.models import Event
from movement_archive.interviews.models import Interview
from movement_archive.organisations.models import Organisation
from movement_archive.people.models import Person
from movement_archive.seed.tests.base import SeededTestCase
from movement_archive.testing import (
    CastTestCase,
    anonymous,
    make_country,
    make_event,
    make_interview,
    make_organisation,
    make_person,
)
from movement_archive.testing.crawl import assert_no_leaks, assert_seen, crawl_site, find_markers
from movement_archive.testing.links import json_twin
from movement_archive.testing.two_factor import VerifiedClient

# The interviews list is linked from no page yet, so crawls start there too.
INTERVIEWS = ["/interviews/"]

ENGLISH_ONLY = ("/admin/", "/static/", "/es/")

HIDDEN_PERSON = "Zqhiddenperson01"
EDITORS_INTERVIEW = "Zqeditorsonly02"
DRAFT_CHANGE = "Zqdraftchange03"
NEVER_PUBLISHED = "Zqneverlive04"
PUBLIC_NOTE = "Zqpublicnote05"

HIDDEN = {
    HIDDEN_PERSON: "biography of a hidden person",
    EDITORS_INTERVIEW: "summary of an interview for editors only",
    DRAFT_CHANGE: "unpublished change to a live organisation",
    NEVER_PUBLISHED: "description of an organisation never published",
}
PUBLIC = {PUBLIC_NOTE: "description of a public organisation"}


def record_urls(models, user=None) -> set[str]:
    return {record.get_absolute_url() for model in models for record in model.objects.visible_to(user)}


class ASmallArchive(CastTestCase):
    """Three groups, two people (one hidden), two events, two interviews (one for editors), and two drafts."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        netherlands = make_country("NL")
        union = make_organisation(name="Rotterdam Junkie Union", description=f"Founded in a squat. {PUBLIC_NOTE}")
        union.countries.set([netherlands])
        make_organisation(name="Vancouver Area Network of Drug Users")
        changed = make_organisation(name="Danish Drug Users Union", description="Published words.")
        changed.description = f"Words not yet published: {DRAFT_CHANGE}"
        changed.save_revision()  # a draft of the change; the live record keeps its words
        make_organisation(name="A group still in draft", description=NEVER_PUBLISHED, live=False)
        make_person(name="Pat Public")
        cls.hidden = make_person(
            name="Hana Hidden", biography=f"Asked not to be named. {HIDDEN_PERSON}", access="restricted"
        )
        make_event(title="A union is founded", date="1981")
        make_event(title="A network meets", date="1997-05")
        make_interview(title="A public interview")
        cls.restricted = make_interview(
            title="An interview for editors", summary=f"Said in confidence. {EDITORS_INTERVIEW}", access="restricted"
        )
        cls.visitor = crawl_site(Client(), extra_urls=[*INTERVIEWS, "/places/NL/"])
        editor_client = VerifiedClient()  # signed in through both steps, as editors are
        editor_client.force_login(cls.editor)
        # English only: the visitor's crawl already shows that both languages are walked.
        cls.as_editor = crawl_site(editor_client, extra_urls=INTERVIEWS, never_follow=ENGLISH_ONLY)

    def test_a_visitor_crawl_reaches_every_visible_organisation_person_event_and_interview_and_no_other(self):
        models = (Organisation, Person, Event, Interview)
        every_record = {
            record.get_absolute_url() for model in models for record in model.objects.all()
        }  # drafts and hidden ones included
        reached = {page.url for page in self.visitor.pages.values() if page.status == 200} & every_record

        self.assertEqual(reached, record_urls(models, anonymous()))
        self.assertEqual(len(reached), 3 + 1 + 2 + 1)

    def test_no_marker_of_hidden_material_is_found_by_a_visitor_though_the_public_one_is(self):
        self.assertEqual(find_markers(self.visitor.pages.values(), HIDDEN), [])
        assert_seen(self.visitor, PUBLIC)

    def test_an_editor_crawl_finds_the_hidden_person_and_the_editors_interview(self):
        leaks = find_markers(self.as_editor.pages.values(), HIDDEN)
        found = {(leak.marker, leak.url) for leak in leaks}

        self.assertLessEqual(
            {
                (HIDDEN_PERSON, self.hidden.get_absolute_url()),
                (HIDDEN_PERSON, json_twin(self.hidden.get_absolute_url())),
                (EDITORS_INTERVIEW, self.restricted.get_absolute_url()),
                (EDITORS_INTERVIEW, json_twin(self.restricted.get_absolute_url())),
            },
            found,
        )
        # The public site shows only published versions, to editors too: drafts are found by nobody.
        self.assertEqual({leak.marker for leak in leaks}, {HIDDEN_PERSON, EDITORS_INTERVIEW})

    def test_every_html_page_a_visitor_reads_has_its_json_twin_fetched(self):
        pages = self.visitor.pages
        read = [page.url for page in pages.values() if page.kind == "html" and page.status == 200]

        self.assertGreater(len(read), 20)
        self.assertEqual([url for url in read if json_twin(url) not in pages], [])
        self.assertEqual(pages[json_twin("/people/")].kind, "json")

    def test_a_redirect_is_recorded_and_its_target_crawled(self):
        moved = self.visitor.pages["/places/NL/"]

        self.assertIn(moved.status, (301, 302))
        self.assertTrue(moved.location.endswith("/places/nl/"))
        self.assertEqual(self.visitor.pages["/places/nl/"].status, 200)

    def test_the_crawl_is_broad_in_both_languages_and_every_response_is_counted(self):
        stats = self.visitor.stats

        self.assertEqual(stats.pages, len(self.visitor.pages))
        self.assertGreater(stats.by_content_type["text/html"], 50)
        self.assertGreater(stats.by_content_type["application/json"], 50)
        self.assertTrue(any(url.startswith("/es/people/") for url in self.visitor.pages))
        self.assertEqual(stats.by_status[500], 0)

    def test_assert_no_leaks_passes_for_a_visitor_though_each_search_echoes_the_marker_it_was_asked(self):
        crawl = assert_no_leaks(self.client, HIDDEN, extra_urls=INTERVIEWS)

        asked = crawl.pages[f"/search/?q={HIDDEN_PERSON.swapcase()}"]
        self.assertEqual(asked.status, 200)
        self.assertIn(HIDDEN_PERSON.swapcase(), asked.text)  # the echo is there, in the other case
        assert_seen(crawl, PUBLIC)

    def test_assert_no_leaks_fails_for_an_editor_listing_both_leaks_and_the_search_that_finds_them(self):
        self.client.force_login(self.editor)
        with self.assertRaises(AssertionError) as failure:
            assert_no_leaks(self.client, HIDDEN, extra_urls=INTERVIEWS, never_follow=ENGLISH_ONLY)

        report = str(failure.exception)
        self.assertIn(f"- {HIDDEN_PERSON} [{HIDDEN[HIDDEN_PERSON]}] on ", report)
        self.assertIn(f"- {EDITORS_INTERVIEW} [{HIDDEN[EDITORS_INTERVIEW]}] on ", report)
        self.assertIn(f"    {self.hidden.get_absolute_url()} (linked from ", report)
        self.assertIn(f"/search/?format=json&q={HIDDEN_PERSON.swapcase()}", report)
        self.assertNotIn(DRAFT_CHANGE, report.split("\n\n")[0].replace(f"[{HIDDEN[DRAFT_CHANGE]}]", ""))

    def test_the_search_step_finds_a_marker_no_crawled_page_shows(self):
        # Kept away from every list and page of people, the hidden person is still found by searching for her.
        self.client.force_login(self.editor)
        unreachable = ("/admin/", "/static/", "/people/", "/es/", "/organisations/", "/places/")
        with self.assertRaises(AssertionError) as failure:
            assert_no_leaks(self.client, {HIDDEN_PERSON: "hidden biography"}, never_follow=unreachable)

        report = str(failure.exception)
        self.assertIn(f"/search/?format=json&q={HIDDEN_PERSON.swapcase()}: …searching for", report)
        self.assertIn(f"lists 1 result(s): http://testserver{self.hidden.get_absolute_url()}", report)
        self.assertNotIn(f"    {self.hidden.get_absolute_url()}", report)


class TheSeedCollection(SeededTestCase):
    def test_an_english_crawl_reaches_every_organisation_person_and_event_it_lists(self):
        # English is enough to reach every record, and the contribution form links to none.
        crawl = crawl_site(Client(), start=["/"], never_follow=(*ENGLISH_ONLY, "/contribute/"))
        models = (Organisation, Person, Event)
        every_record = {record.get_absolute_url() for model in models for record in model.objects.all()}
        reached = {page.url for page in crawl.pages.values() if page.status == 200} & every_record

        self.assertEqual(reached, record_urls(models, anonymous()))
        self.assertGreater(len(reached), 150)
