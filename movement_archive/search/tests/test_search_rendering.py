"""The results and the region and decade choices of the search page, written in Python (``search/rendering.py``):
every text escaped as a template would, the matched words marked, the reader's choices kept selected."""

from __future__ import annotations

from types import SimpleNamespace

from django.test import SimpleTestCase
from django.utils import translation

from movement_archive.search import rendering
from movement_archive.search.queries import RegionChoice
from movement_archive.search.text import Snippet


def hit(title: str, url: str, label: str = "Organisation", snippet: str = "") -> SimpleNamespace:
    return SimpleNamespace(kind=label, label=label, title=title, url=url, snippet=Snippet(snippet, snippet))


class TheListOfResults(SimpleTestCase):
    def test_a_title_and_an_address_with_markup_are_shown_as_text(self):
        html = rendering.result_items([hit('<script>alert("x")</script>', '/o/a"b/')])

        self.assertIn("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", html)
        self.assertIn('href="/o/a&quot;b/"', html)
        self.assertNotIn("<script>", html)

    def test_a_snippet_keeps_its_marks_and_a_result_without_one_has_no_empty_paragraph(self):
        html = rendering.result_items(
            [
                hit("Pangolin Union", "/o/p/", snippet="the <mark>pangolin</mark> met"),
                hit("Quiet Group", "/o/q/", label="Person"),
            ]
        )

        self.assertEqual(html.count("<li>"), 2)
        self.assertIn('<p class="snippet">the <mark>pangolin</mark> met</p>', html)
        self.assertEqual(html.count('class="snippet"'), 1)
        self.assertIn('<p class="type meta">Person</p>', html)

    def test_no_results_write_nothing(self):
        self.assertEqual(rendering.result_items([]), "")


class TheRegionAndDecadeChoices(SimpleTestCase):
    def test_each_region_is_a_group_led_by_itself_and_the_chosen_ones_are_selected(self):
        html = rendering.region_options(
            [RegionChoice("Europe", ("Northern Europe", "Western Europe")), RegionChoice("Africa & more", ())],
            ["Western Europe"],
        )

        self.assertIn('<optgroup label="Europe"><option value="Europe">Europe</option>', html)
        self.assertIn('<option value="Western Europe" selected>Western Europe</option>', html)
        self.assertIn('<option value="Northern Europe">Northern Europe</option>', html)
        self.assertIn('<optgroup label="Africa &amp; more">', html)

    def test_decades_are_named_in_the_readers_language_and_the_chosen_one_is_selected(self):
        with translation.override("es"):
            html = rendering.decade_options([1980, 1990], (1990,))

        self.assertIn('<option value="1980">la década de 1980</option>', html)
        self.assertIn('<option value="1990" selected>la década de 1990</option>', html)
