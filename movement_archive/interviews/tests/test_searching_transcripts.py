"""The archive's search finds what was said in an interview and its index, and links straight to the moment."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from movement_archive.access.models import AccessLevel
from movement_archive.interviews.actions import write_transcript
from movement_archive.interviews.models import IndexPoint
from movement_archive.oralhistory.document import Segment
from movement_archive.testing import CastTestCase

from .helpers import synthetic_interview

SEARCH = reverse("search:search")


class SearchingTranscripts(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        said = [Segment(0, 4000, "We met in a kitchen."), Segment(62_500, 66_000, "The wombat van drove to Søborg.")]
        cls.open = synthetic_interview(key="open-story", segments=0, segments_alt=[], title="Synthetic open story")
        write_transcript(cls.open, said, "en", True, "test")
        cls.closed = synthetic_interview(key="closed-story", segments=0, segments_alt=[], access=AccessLevel.COMMUNITY)
        write_transcript(cls.closed, [Segment(0, 4000, "The wombat secret.")], "en", True, "test")

    def results(self, q: str, **params) -> list[dict]:
        return self.client.get(SEARCH, {"q": q, "format": "json", **params}).json()["results"]

    def test_words_said_in_an_interview_lead_to_their_moment(self):
        found = [r for r in self.results("wombat van") if r["type"] == "interview"]
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["url"], "http://testserver/interviews/open-story/?t=62.5&language=en#s1")
        self.assertEqual(found[0]["title"], "Synthetic open story · 1:02")
        self.assertIn("wombat", found[0]["snippet"])

    def test_accents_need_not_be_typed(self):
        self.assertTrue(any(r["url"].endswith("#s1") for r in self.results("soborg")))

    def test_an_index_point_is_found_by_its_title_in_either_language(self):
        for q in ("first meeting", "reunión"):
            with self.subTest(q=q):
                urls = [r["url"] for r in self.results(q, type="interview")]
                self.assertIn("http://testserver/interviews/open-story/?t=8#transcript", urls)

    def test_a_restricted_interview_is_found_only_by_those_who_may_hear_it(self):
        self.assertEqual([r["url"] for r in self.results("secret")], [])
        self.client.force_login(self.researcher)
        self.assertEqual(len(self.results("secret")), 1)

    def test_replacing_a_transcript_takes_its_old_words_out_of_the_search(self):
        write_transcript(self.open, [Segment(0, 1000, "Only a numbat now.")], "en", True, "test")
        self.assertEqual(self.results("wombat van"), [])
        self.assertEqual(len(self.results("numbat")), 1)

    def test_an_unpublished_interview_keeps_its_words_and_index_out_of_the_search(self):
        draft = synthetic_interview(key="draft-story", segments=0, segments_alt=[], live=False, index=[])
        write_transcript(draft, [Segment(0, 4000, "The quokka draft.")], "en", True, "test")
        IndexPoint.objects.create(interview=draft, time_ms=0, title="Quokka hideout")
        self.assertEqual(self.results("quokka"), [])
        self.client.force_login(self.researcher)
        self.assertEqual(self.results("quokka"), [])

    def test_a_page_of_moments_costs_the_same_queries_with_one_result_as_with_twenty(self):
        # The page reads only the fields the results show of each segment and index point (``Kind.listed_fields``):
        # one left out would be fetched again for every result listed.
        crowded = synthetic_interview(key="crowded-story", segments=0, segments_alt=[], index=[])
        said = [Segment(n * 4000, n * 4000 + 3000, f"Marmot {n}.") for n in range(20)]
        write_transcript(crowded, [*said, Segment(90_000, 93_000, "A dormouse.")], "en", True, "test")
        IndexPoint.objects.create(interview=crowded, time_ms=0, title="Marmot burrow", synopsis="Where they met.")
        IndexPoint.objects.create(interview=crowded, time_ms=90_000, title="Dormouse nest")
        self.client.get(SEARCH, {"q": "marmot"})  # the form's choices, kept until the archive changes
        counts = {}
        for q, shown in (("dormouse", "#s20"), ("marmot", "#s18")):
            for form in ({}, {"format": "json"}):
                with CaptureQueriesContext(connection) as queries:
                    response = self.client.get(SEARCH, {"q": q, "type": "interview", **form})
                self.assertContains(response, shown)
                counts[q, bool(form)] = len(queries)
        self.assertEqual(counts["dormouse", False], counts["marmot", False])
        self.assertEqual(counts["dormouse", True], counts["marmot", True])
