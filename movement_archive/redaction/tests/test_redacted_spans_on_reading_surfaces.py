"""A redacted span on every reading surface: a marker for readers, the original for editors, nothing in search.

Mirela ran a kitchen in Leeds with someone whose name her biography withholds ("Oskarsson"); every other
redactable text below withholds a word of its own, each found nowhere else.
"""

from __future__ import annotations

import json
import re

from django.urls import reverse

from movement_archive.testing import cast

SEARCH = reverse("search:search")
READER_MARKER = '<span class="redacted">[withheld]</span>'
BIOGRAPHY = "Ran a kitchen in Leeds with [redact]Oskarsson[/redact] for ten years."

# What each kind of text withholds, and the words around it that everyone reads.
WITHHELD = {
    "event": ("Quernhollow", "A meeting in a back room"),
    "disagreement": ("Vexingham", "The sources differ"),
    "organisation": ("Brantwhistle", "A union of the harbour"),
    "source": ("Glimmerstock", "Notes of a meeting"),
    "episode": ("Tindlemarsh", "An episode about kitchens"),
    "interview": ("Foxbarrow", "A talk about outreach"),
}


def redacted(kind: str) -> str:
    secret, visible = WITHHELD[kind]
    return f"{visible}, with [redact]{secret}[/redact] there."


def jsonld_of(html: str) -> dict:
    (match,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return json.loads(match)


class RedactedSpansTests(cast.CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.person = cast.make_person(name="Mirela Ward", biography=BIOGRAPHY)
        cls.event = cast.make_event(title="Kitchen meeting", description=redacted("event"))
        disagreement = cast.make_disagreement(summary=redacted("disagreement"))
        disagreement.events.set([cls.event])
        disagreement.save()
        cls.organisation = cast.make_organisation(name="Harbour Union", description=redacted("organisation"))
        cls.source = cast.make_source(title="Kitchen notes", description=redacted("source"))
        cls.episode = cast.make_episode(title="Kitchens", summary=redacted("episode"))
        cls.interview = cast.make_interview(title="Outreach talk", summary=redacted("interview"))

    def page(self, url: str, **params) -> str:
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200, url)
        return response.content.decode()

    def twin(self, url: str) -> dict:
        return json.loads(self.page(url, format="json"))

    def pages_of_every_kind(self) -> dict[str, tuple[str, str]]:
        """Each kind's page and its JSON twin (the disagreement is read on its event's page)."""
        urls = {
            "event": self.event.get_absolute_url(),
            "disagreement": self.event.get_absolute_url(),
            "organisation": self.organisation.get_absolute_url(),
            "source": self.source.get_absolute_url(),
            "episode": self.episode.get_absolute_url(),
            "interview": self.interview.get_absolute_url(),
        }
        return {kind: (self.page(url), self.page(url, format="json")) for kind, url in urls.items()}

    # Pages, twins, JSON-LD ----------------------------------------------------------------------------------

    def test_a_redacted_span_is_a_marker_for_readers_and_the_original_for_editors(self):
        for reader in (None, self.community_member, self.group_member, self.researcher):
            with self.subTest(reader=str(reader)):
                if reader:
                    self.client.force_login(reader)
                html = self.page(self.person.get_absolute_url())
                self.assertIn(f"Ran a kitchen in Leeds with {READER_MARKER} for ten years.", html)
                self.assertNotIn("Oskarsson", html)

        self.client.force_login(self.editor)
        html = self.page(self.person.get_absolute_url())

        self.assertIn(
            'with <span class="redacted-shown"><span class="redacted-label">Withheld from readers:</span> '
            "Oskarsson</span> for ten years.",
            html,
        )
        self.assertNotIn(READER_MARKER, html)

    def test_the_json_twin_and_the_json_ld_give_readers_the_marker_and_editors_the_markup(self):
        url = self.person.get_absolute_url()
        marked = "Ran a kitchen in Leeds with [withheld] for ten years."

        self.assertEqual(self.twin(url)["biography"], marked)
        self.assertEqual(jsonld_of(self.page(url))["description"], marked)

        self.client.force_login(self.editor)
        self.assertEqual(self.twin(url)["biography"], BIOGRAPHY)
        self.assertEqual(jsonld_of(self.page(url))["description"], BIOGRAPHY)

    def test_every_redactable_text_is_a_marker_on_its_page_and_in_its_twin(self):
        for kind, (html, twin) in self.pages_of_every_kind().items():
            secret, visible = WITHHELD[kind]
            with self.subTest(kind=kind):
                self.assertIn(f"{visible}, with {READER_MARKER} there.", html)
                self.assertIn(f"{visible}, with [withheld] there.", twin)
                self.assertNotIn(secret, html + twin)

    def test_editors_read_every_redactable_text_with_its_original_words(self):
        self.client.force_login(self.editor)

        for kind, (html, twin) in self.pages_of_every_kind().items():
            secret, _visible = WITHHELD[kind]
            with self.subTest(kind=kind):
                self.assertIn(f"</span> {secret}</span> there.", html)
                self.assertIn(f"[redact]{secret}[/redact]", twin)

    def test_a_reason_is_shown_to_editors_and_never_to_readers(self):
        person = cast.make_person(
            name="Ines Ward", biography='Lived at [redact reason="a private home"]9 Mill Lane[/redact].'
        )

        html = self.page(person.get_absolute_url())
        self.assertNotIn("private home", html)
        self.assertNotIn("Mill Lane", html)

        self.client.force_login(self.editor)
        html = self.page(person.get_absolute_url())
        self.assertIn("Withheld from readers (a private home):</span> 9 Mill Lane", html)

    # Lists, feeds, harvesting -------------------------------------------------------------------------------

    def test_the_episode_list_excerpt_carries_the_marker_even_for_editors(self):
        self.client.force_login(self.editor)

        html = self.page(reverse("documentary:list"))

        self.assertIn("An episode about kitchens, with [withheld] there.", html)
        self.assertNotIn("Tindlemarsh", html)

    def test_feeds_and_harvesting_excerpts_carry_the_marker(self):
        for url in ("/feeds/recent.atom", "/oai?verb=ListRecords&metadataPrefix=oai_dc"):
            with self.subTest(url=url):
                text = self.client.get(url).content.decode()
                self.assertIn("A meeting in a back room, with [withheld] there.", text)
                for secret, _visible in WITHHELD.values():
                    self.assertNotIn(secret, text)

    # Search -------------------------------------------------------------------------------------------------

    def search(self, q: str) -> tuple[str, list[dict]]:
        html = self.page(SEARCH, q=q)
        return html, self.client.get(SEARCH, {"q": q, "format": "json"}).json()["results"]

    def test_search_does_not_find_words_inside_a_redacted_span(self):
        secrets = ["Oskarsson", *(secret for kind, (secret, _) in WITHHELD.items() if kind != "interview")]
        for reader in (None, self.editor):
            if reader:
                self.client.force_login(reader)
            for secret in secrets:
                with self.subTest(reader=str(reader), q=secret):
                    _html, results = self.search(secret)
                    self.assertEqual(results, [])
                    # A prefix finds no more than the whole word.
                    self.assertEqual(self.search(secret[:5])[1], [])

    def test_a_search_snippet_shows_the_marker_in_place_of_the_withheld_words(self):
        html, results = self.search("kitchen Leeds")

        (found,) = [result for result in results if result["key"] == self.person.key]
        self.assertIn("[withheld]", found["snippet"])
        self.assertNotIn("Oskarsson", html + json.dumps(results))

    def test_search_does_not_find_words_inside_an_interview_summary_s_redacted_span(self):
        self.assertEqual(self.search("Foxbarrow")[1], [])
