"""A visitor reads an interview: its facts, index and transcript, with each moment a link, and a JSON twin."""

from __future__ import annotations

import gc

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse

from movement_archive.access.models import AccessLevel, Viewing
from movement_archive.interviews import views
from movement_archive.interviews.models import Interview, RestrictedPassage
from movement_archive.interviews.queries import Line
from movement_archive.oralhistory.document import IndexPoint
from movement_archive.testing import CastTestCase
from movement_archive.testing.cast import reader_group

from .helpers import synthetic_interview


class ReadingAnInterview(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.interview = synthetic_interview()
        cls.url = cls.interview.get_absolute_url()

    def test_the_list_names_the_interview_and_says_it_is_synthetic(self):
        response = self.client.get(reverse("interviews:list"))
        self.assertContains(response, "Synthetic interview for testing")
        self.assertContains(response, '<span class="label">synthetic</span>', html=True)
        data = self.client.get(reverse("interviews:list"), {"format": "json"}).json()
        self.assertEqual([r["key"] for r in data["results"]], ["synthetic-interview"])
        self.assertTrue(data["results"][0]["synthetic"])

    def test_the_page_warns_that_no_one_said_these_words(self):
        self.assertContains(self.client.get(self.url), "No one said these words.")

    def test_each_line_of_the_transcript_links_to_its_moment_without_any_script(self):
        response = self.client.get(self.url)
        # No recording kept by the archive: the link is the line's own address, with the moment in it.
        self.assertContains(response, 'href="?t=8#s2"')
        self.assertContains(response, "Line 2 of the synthetic story.")
        self.assertContains(response, "0:08")

    def test_a_deep_link_marks_the_line_being_said_at_that_moment(self):
        response = self.client.get(self.url, {"t": "9.5"})
        self.assertContains(response, '<li id="s2" data-start="8000" data-end="11800" aria-current="true"')

    def test_a_moment_that_is_not_a_number_is_refused_with_the_parameter_named(self):
        response = self.client.get(self.url, {"t": "soon"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "t: ", status_code=400)

    def test_the_translation_can_be_shown_beside_the_original_line_by_line(self):
        response = self.client.get(self.url, {"beside": "es"})
        self.assertContains(response, '<span class="translation" lang="es">Línea 2 of the synthetic story.</span>')

    def test_searching_the_transcript_keeps_the_lines_that_hold_the_words(self):
        response = self.client.get(self.url, {"q": "line 3"})
        self.assertContains(response, "Line 3 of the synthetic story.")
        self.assertNotContains(response, "Line 2 of the synthetic story.")
        self.assertContains(response, "1 line holds")

    def test_the_index_lists_each_point_with_a_link_to_its_moment(self):
        response = self.client.get(self.url)
        self.assertContains(response, "The first meeting")
        self.assertContains(response, "La reunión")
        self.assertContains(response, 'href="?t=8#transcript"')

    def test_the_json_twin_holds_segments_index_and_people(self):
        data = self.client.get(self.url, {"format": "json"}).json()
        self.assertEqual(len(data["segments"]), 5)
        self.assertEqual(
            data["segments"][1],
            {"start_ms": 4000, "end_ms": 7800, "speaker": "Narrator", "text": "Line 1 of the synthetic story."},
        )
        self.assertEqual(data["index"][1]["url"], f"http://testserver{self.url}?t=8")
        self.assertEqual(
            data["transcripts"], [{"language": "en", "original": True}, {"language": "es", "original": False}]
        )
        self.assertIsNone(data["recording"])

    def test_the_page_costs_eight_queries_however_many_segments_people_and_index_points(self):
        # The interview (with whether it has restricted passages), its visible people, transcripts, index
        # points, segments, episode uses, organisations and countries.
        longer = synthetic_interview(
            key="longer",
            segments=400,
            interviewees=[f"Narrator {n}" for n in range(6)],
            index=[IndexPoint(time_ms=n * 4000, title=f"Point {n}") for n in range(30)],
        )
        for interview in (self.interview, longer):
            with self.subTest(interview.key), self.assertNumQueries(8):
                self.client.get(interview.get_absolute_url())
        # A translation beside the transcript is its segments, one query more.
        with self.assertNumQueries(9):
            self.client.get(self.url, {"beside": "es"})

    def test_a_redacted_span_in_a_line_is_shown_to_visitors_as_a_marker(self):
        segment = self.interview.transcripts.get(language="en").segments.get(position=3)
        segment.text = "Line 3, with [redact]Jan Vos[/redact] in it."
        segment.save()
        response = self.client.get(self.url)
        self.assertContains(response, "Line 3, with [withheld] in it.")
        self.assertNotContains(response, "Jan Vos")
        self.assertContains(response, "Line 2 of the synthetic story.")

    def test_the_page_lets_go_of_its_transcript_lines_once_written(self):
        # Held in a reference cycle (Django's template context), the lines would wait for a full pass of the garbage
        # collector, which walks them all and costs whichever later request it lands on (``twins.render_page``).
        # The view is called without the test client, which keeps each response's context for assertions.
        request = RequestFactory().get(self.url)
        request.user = AnonymousUser()
        gc.collect()
        gc.disable()
        try:
            response = views.interview_detail(request, self.interview.key)
            self.assertContains(response, "Line 2 of the synthetic story.")
            del response
            left = [thing for thing in gc.get_objects() if isinstance(thing, Line)]
        finally:
            gc.enable()
        self.assertEqual(left, [])

    def test_restricted_passages_cost_one_query_however_many(self):
        for count in (2, 20):
            interview = synthetic_interview(key=f"with-{count}-passages", segments=100)
            RestrictedPassage.objects.bulk_create(
                RestrictedPassage(interview=interview, start_ms=n * 10_000, end_ms=n * 10_000 + 2000)
                for n in range(count)
            )
            with self.subTest(count), self.assertNumQueries(9):
                self.client.get(interview.get_absolute_url())


class AccessToInterviews(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.for_members = synthetic_interview(key="for-members", access=AccessLevel.COMMUNITY)
        cls.for_the_circle = synthetic_interview(key="for-the-circle", access=AccessLevel.RESTRICTED)
        Interview.objects.filter(pk=cls.for_the_circle.pk).update(access_group=reader_group())
        cls.for_editors = synthetic_interview(key="for-editors", access=AccessLevel.RESTRICTED)
        cls.listed_only = synthetic_interview(key="listed-only", access=AccessLevel.METADATA)
        cls.draft = synthetic_interview(key="draft", live=False)

    def status(self, interview, user=None, suffix: str = "") -> int:
        self.client.logout()
        if user is not None:
            self.client.force_login(user)
        return self.client.get(interview.get_absolute_url() + suffix).status_code

    def test_a_community_interview_is_read_by_anyone_signed_in(self):
        self.assertEqual(self.status(self.for_members), 404)
        self.assertEqual(self.status(self.for_members, self.community_member), 200)

    def test_an_interview_restricted_to_a_group_is_read_by_its_members_and_editors_only(self):
        self.assertEqual(self.status(self.for_the_circle, self.community_member), 404)
        self.assertEqual(self.status(self.for_the_circle, self.researcher), 404)
        self.assertEqual(self.status(self.for_the_circle, self.group_member), 200)
        self.assertEqual(self.status(self.for_the_circle, self.editor), 200)

    def test_an_interview_restricted_to_no_one_is_read_by_editors_only(self):
        self.assertEqual(self.status(self.for_editors, self.researcher), 404)
        self.assertEqual(self.status(self.for_editors, self.editor), 200)

    def test_a_metadata_only_interview_is_listed_and_its_content_withheld(self):
        page = self.client.get(self.listed_only.get_absolute_url())
        self.assertContains(page, "Synthetic interview for testing")
        self.assertNotContains(page, "of the synthetic story")
        self.assertNotContains(page, "The first meeting")
        data = self.client.get(self.listed_only.get_absolute_url(), {"format": "json"}).json()
        self.assertEqual((data["segments"], data["index"], data["content_withheld"]), ([], [], True))
        for suffix in ("captions/en.vtt", "export.ohms", "export.vtt"):
            self.assertEqual(self.status(self.listed_only, None, suffix), 404)

    def test_a_draft_is_on_no_public_page(self):
        self.assertEqual(self.status(self.draft, self.editor), 404)

    def test_its_captions_and_exports_follow_the_same_rule(self):
        for suffix in ("captions/en.vtt", "export.ohms", "export.vtt", "export.srt"):
            with self.subTest(suffix=suffix):
                self.assertEqual(self.status(self.for_the_circle, self.community_member, suffix), 404)
                self.assertEqual(self.status(self.for_the_circle, self.group_member, suffix), 200)

    def test_signed_in_readers_opening_restricted_material_are_noted_and_visitors_are_not(self):
        self.status(self.for_the_circle, self.group_member)
        self.status(self.for_the_circle, self.group_member, "export.vtt")
        self.status(self.for_members)
        viewings = Viewing.objects.order_by("pk")
        self.assertEqual(
            [(v.user, v.key, v.what, v.level) for v in viewings],
            [
                (self.group_member, "for-the-circle", "page", "restricted"),
                (self.group_member, "for-the-circle", "export", "restricted"),
            ],
        )

    def test_the_list_shows_each_reader_what_they_may_see(self):
        self.client.force_login(self.group_member)
        data = self.client.get(reverse("interviews:list"), {"format": "json"}).json()
        self.assertEqual([r["key"] for r in data["results"]], ["for-members", "for-the-circle", "listed-only"])
