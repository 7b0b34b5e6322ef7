"""Region pages: every M49 region, sub-region and intermediate region has an address made from its name."""

from __future__ import annotations

from django.urls import reverse

from movement_archive.testing import CastTestCase, make_country, make_organisation

from .helpers import located


def region(slug: str) -> str:
    return reverse("places:region", args=[slug])


class RegionPageTests(CastTestCase):
    """Two Dutch unions and a Dutch draft, a Kenyan service, Germany and Brazil with nothing."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        nl, ke = make_country("NL"), make_country("KE")
        make_country("DE")
        make_country("BR")
        located(make_organisation(name="Junkiebond"), nl)
        located(make_organisation(name="Amsterdam Peers"), nl)
        located(make_organisation(name="Draft Union", live=False), nl)
        located(make_organisation(name="Peer Outreach Kenya"), ke)

    def test_a_region_page_lists_its_countries_with_how_many_organisations_each_has(self):
        response = self.client.get(region("europe"))

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>Europe</h1>", html=True)
        # Counts, not lists: a region can hold tens of thousands of organisations; the directory pages them.
        self.assertContains(
            response,
            '<li><a href="/places/nl/">Netherlands</a> <span class="count">(2 organisations)</span></li>',
            html=True,
        )
        self.assertContains(response, '<a href="/organisations/?region=Europe">', html=False)
        self.assertContains(response, '<a href="/places/regions/western-europe/">Western Europe</a>', html=True)
        self.assertContains(response, '<li><a href="/places/de/">Germany</a></li>', html=True)
        self.assertNotContains(response, "Draft Union")
        self.assertNotContains(response, "Kenya")

    def test_an_intermediate_region_shows_the_regions_that_contain_it(self):
        response = self.client.get(region("eastern-africa"))

        self.assertContains(response, "<h1>Eastern Africa</h1>", html=True)
        self.assertContains(response, '<a href="/places/regions/sub-saharan-africa/">Sub-Saharan Africa</a>', html=True)
        self.assertContains(response, 'Kenya</a> <span class="count">(1 organisation)</span>')

    def test_a_long_region_name_has_a_slug_address_and_a_region_without_organisations_says_so(self):
        response = self.client.get(region("latin-america-and-the-caribbean"))

        self.assertContains(response, "<h1>Latin America and the Caribbean</h1>", html=True)
        self.assertContains(response, "no organisation in this region yet")
        self.assertContains(response, '<a href="/places/br/">Brazil</a>', html=True)

    def test_the_json_twin_gives_the_region_its_parents_subregions_and_countries(self):
        data = self.client.get(region("western-europe"), {"format": "json"}).json()

        self.assertEqual((data["name"], data["level"], data["slug"]), ("Western Europe", "subregion", "western-europe"))
        self.assertEqual([r["name"] for r in data["within"]], ["Europe"])
        self.assertEqual(data["subregions"], [])
        self.assertEqual([(c["iso2"], c["organisation_count"]) for c in data["countries"]], [("DE", 0), ("NL", 2)])
        self.assertEqual(
            data["countries"][1]["organisations_url"], "http://testserver/organisations/?country=NL&format=json"
        )

    def test_an_unknown_region_is_not_found(self):
        self.assertEqual(self.client.get(region("atlantis")).status_code, 404)
        self.assertEqual(self.client.get(region("atlantis"), {"format": "json"}).status_code, 404)
