"""The world map: shapes shaded and linked by the organisations readers may see, and a table that always works."""

from __future__ import annotations

import re
from pathlib import Path

from django.test import override_settings
from django.urls import reverse

from movement_archive.places import maps
from movement_archive.testing import CastTestCase, make_country, make_organisation, make_person

from .helpers import located

MAP = reverse("places:map")
MAP_SVG = reverse("places:map_svg")
TINY_WORLD = Path(__file__).parent / "data" / "tiny-world.json"
COLOUR = {count: maps.SHADES[maps.shade(count)][2] for count in (0, 1, 3)}


def shape(content: str, title: str) -> str:
    """The markup of the shape titled ``title``: its link (if any), title and path."""
    match = re.search(rf'(<a [^>]*>)?<title>{re.escape(title)}</title><path d="[^"]+" fill="[^"]+"/>', content)
    if not match:
        match = re.search(rf'<path d="[^"]+" fill="[^"]+"[^>]*><title>{re.escape(title)}</title></path>', content)
    assert match, f"no shape titled {title!r}"
    return match.group(0)


@override_settings(MOVEMENT_ARCHIVE_WORLD_ATLAS=TINY_WORLD)
class WorldMapTests(CastTestCase):
    """The tiny world holds the Netherlands (one union and a draft), Belgium (three unions), and Nowhere Land,
    a shape with no id. France holds only a person: it has a page, but no organisation on the map."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        nl, be, fr = make_country("NL"), make_country("BE"), make_country("FR")
        located(make_organisation(name="Junkiebond"), nl)
        located(make_organisation(name="Draft Union", live=False), nl)
        for name in ("Belgian Union", "Brussels Peers", "Antwerp Collective"):
            located(make_organisation(name=name), be)
        located(make_person(name="Camille Militante"), fr)

    def test_a_country_with_organisations_is_shaded_by_their_number_and_links_to_its_page(self):
        content = self.client.get(MAP).content.decode()

        netherlands = shape(content, "Netherlands: 1 organisation")
        self.assertIn('<a href="/places/nl/" aria-label="Netherlands: 1 organisation">', netherlands)
        self.assertIn(f'fill="{COLOUR[1]}"', netherlands)
        belgium = shape(content, "Belgium: 3 organisations")
        self.assertIn('<a href="/places/be/"', belgium)
        self.assertIn(f'fill="{COLOUR[3]}"', belgium)

    def test_a_shape_without_an_id_is_drawn_unlinked_unshaded_and_left_to_the_table(self):
        content = self.client.get(MAP).content.decode()

        nowhere = shape(content, "Nowhere Land: no organisations recorded")
        self.assertNotIn("<a ", nowhere)
        self.assertIn(f'fill="{COLOUR[0]}" aria-hidden="true"', nowhere)

    def test_the_map_is_one_labelled_group_of_links_with_every_country_outlined(self):
        response = self.client.get(MAP)

        # A group, not role="img": an image's children are presentational, which would hide the links inside.
        self.assertContains(response, 'role="group"')
        self.assertContains(response, 'aria-label="World map shading the 2 countries where the archive records')
        self.assertContains(response, f'<g stroke="{maps.OUTLINE}"')
        self.assertContains(response, 'viewBox="0 0 1000 ')
        self.assertNotContains(response, "<script")

    def test_the_table_gives_each_country_its_region_and_organisations(self):
        response = self.client.get(MAP)

        self.assertContains(
            response,
            '<tr><th scope="row"><a href="/places/nl/">Netherlands</a></th>'
            '<td><a href="/places/regions/western-europe/">Western Europe</a></td><td class="number">1</td></tr>',
            html=True,
        )
        self.assertContains(response, '<th scope="row"><a href="/places/be/">Belgium</a></th>', html=True)
        self.assertNotContains(response, "France")  # a person is not an organisation
        self.assertNotContains(response, "Draft Union")

    def test_the_legend_names_each_class(self):
        response = self.client.get(MAP)

        for label in ("none", "1", "2–3", "4–9", "10 or more"):
            self.assertContains(response, f"</svg> {label}</li>")

    def test_the_json_twin_lists_the_table(self):
        data = self.client.get(MAP, {"format": "json"}).json()

        self.assertEqual(
            data["results"],
            [
                {
                    "iso2": "BE",
                    "name": "Belgium",
                    "url": "http://testserver/places/be/",
                    "region": "Western Europe",
                    "organisations": 3,
                },
                {
                    "iso2": "NL",
                    "name": "Netherlands",
                    "url": "http://testserver/places/nl/",
                    "region": "Western Europe",
                    "organisations": 1,
                },
            ],
        )
        self.assertEqual(data["count"], 2)

    def test_the_svg_alone_is_an_image_with_absolute_links_for_embedding(self):
        response = self.client.get(MAP_SVG)

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/svg+xml; charset=utf-8")
        content = response.content.decode()
        self.assertTrue(content.startswith('<svg xmlns="http://www.w3.org/2000/svg"'))
        self.assertIn("<title>World map shading the 2 countries", content)
        self.assertIn('<a href="http://testserver/places/nl/"', shape(content, "Netherlands: 1 organisation"))


class MissingMapDataTests(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        located(make_organisation(name="Junkiebond"), make_country("NL"))

    def test_without_the_map_data_the_page_still_gives_its_table_and_says_why(self):
        with (
            override_settings(MOVEMENT_ARCHIVE_WORLD_ATLAS="/nonexistent/countries-110m.json"),
            self.assertLogs("movement_archive.places.views", "WARNING") as logs,
        ):
            response = self.client.get(MAP)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The map data is not installed")
        self.assertContains(response, '<a href="/places/nl/">Netherlands</a>', html=True)
        self.assertNotContains(response, "<svg xmlns")
        self.assertIn("npm ci", logs.output[0])

    def test_a_file_that_is_not_a_topology_is_treated_as_missing(self):
        broken = Path(__file__).parent / "data" / "README.md"
        with override_settings(MOVEMENT_ARCHIVE_WORLD_ATLAS=broken), self.assertLogs("movement_archive.places"):
            response = self.client.get(MAP)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Netherlands")

    def test_the_svg_alone_is_not_found_without_the_map_data(self):
        with (
            override_settings(MOVEMENT_ARCHIVE_WORLD_ATLAS="/nonexistent/countries-110m.json"),
            self.assertLogs("movement_archive.places.views", "WARNING"),
        ):
            response = self.client.get(MAP_SVG)

        self.assertEqual(response.status_code, 404)
