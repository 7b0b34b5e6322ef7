"""The directory of organisations: filters that combine, sorting, pages, its JSON twin, and no drafts."""

from __future__ import annotations

import re

from django.urls import reverse

from movement_archive.organisations.models import Organisation
from movement_archive.organising.models import Practice
from movement_archive.seed.tests.base import SeededTestCase
from movement_archive.testing import CastTestCase, make_country, make_organisation, make_organising_model

LIST = reverse("organisations:list")
RESULT_KEYS = {
    "key", "url", "name", "acronym", "kind", "scope", "status", "countries", "founded", "closed", "founded_words",
}  # fmt: skip


class DirectoryTests(CastTestCase):
    """A small world: two European grassroots unions, one in Canada, a global network, a US patients' committee,
    an undated Kenyan service, one founded "some time by 1990", and a draft nobody may see."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        grassroots = make_organising_model(name="Grassroots organising", key="grassroots")
        rights = make_organising_model(name="Human rights", key="human-rights")
        treatment = make_organising_model(name="Treatment advocacy", key="treatment-advocacy")
        nl, fr, ca, gb, us, ke = (make_country(c) for c in ("NL", "FR", "CA", "GB", "US", "KE"))
        make_country("DE")  # a country with no organisation: never offered as a filter
        user_group, network, service = (
            Organisation.Kind.USER_GROUP,
            Organisation.Kind.NETWORK,
            Organisation.Kind.SERVICE,
        )
        local, national, world = Organisation.Scope.LOCAL, Organisation.Scope.NATIONAL, Organisation.Scope.GLOBAL
        closed, active, unknown = Organisation.Status.CLOSED, Organisation.Status.ACTIVE, Organisation.Status.UNKNOWN

        def organisation(name, countries, models, **fields):
            record = make_organisation(name=name, **fields)
            record.countries.set(countries)
            record.save()  # cluster fields keep changes in memory until the record is saved
            for model in models:
                Practice.objects.create(organisation=record, model=model)
            return record

        organisation(
            "Junkiebond", [nl], [grassroots], kind=user_group, scope=local, status=closed, founded="1981-01",
            closed="1987~/1989~",
        )  # fmt: skip
        organisation("ASUD", [fr], [grassroots, rights], kind=user_group, scope=national, status=active, founded="1992")
        organisation("VANDU", [ca], [grassroots], kind=user_group, scope=local, status=active, founded="1998")
        organisation("INPUD", [gb], [rights], kind=network, scope=world, status=active, founded="2006", acronym="INPUD")
        organisation(
            "Committee of Concerned Methadone Patients", [us], [treatment], kind=user_group, scope=local,
            status=unknown, founded="1973", acronym="CCMP",
        )  # fmt: skip
        organisation("Peer Outreach Kenya", [ke], [], kind=service, scope=local, status=unknown)
        organisation("Early Amsterdam Group", [nl], [], kind=user_group, scope=local, status=closed, founded="../1990")
        organisation("Draft Union", [nl], [grassroots], kind=user_group, scope=local, founded="1985", live=False)

    def names(self, query: str = "") -> list[str]:
        response = self.client.get(f"{LIST}?{query}&format=json")
        self.assertEqual(response.status_code, 200, response.content)
        return [result["name"] for result in response.json()["results"]]

    def assertFinds(self, query: str, expected: set[str]) -> None:
        self.assertEqual(set(self.names(query)), expected, query)

    # What readers see ------------------------------------------------------------------------------------------

    def test_the_directory_lists_every_published_organisation_by_name(self):
        self.assertEqual(
            self.names(),
            [
                "ASUD",
                "Committee of Concerned Methadone Patients",
                "Early Amsterdam Group",
                "INPUD",
                "Junkiebond",
                "Peer Outreach Kenya",
                "VANDU",
            ],
        )

    def test_a_draft_never_appears_in_the_directory_or_its_twin(self):
        for query in ("", "country=NL", "model=grassroots", "decade=1980"):
            with self.subTest(query=query):
                html = self.client.get(f"{LIST}?{query}").content.decode()
                self.assertNotIn("Draft Union", html)
                self.assertNotIn("Draft Union", self.names(query))
                self.assertNotIn("draft-union", self.client.get(f"{LIST}?{query}&format=json").content.decode())

    def test_each_result_shows_its_name_acronym_kind_scope_countries_and_dates_in_words(self):
        html = self.client.get(LIST).content.decode()
        self.assertIn("7 organisations", html)
        junkiebond = html[html.index(">Junkiebond<") : html.index("</li>", html.index(">Junkiebond<"))]
        for text in ("User group or union", "Local", "Netherlands", "Founded January 1981", "Closed late 1980s"):
            self.assertIn(text, junkiebond)
        self.assertIn('<span class="acronym">(CCMP)</span>', html)

    # Each filter narrows ---------------------------------------------------------------------------------------

    def test_each_filter_narrows_the_list_to_what_it_names(self):
        cases = {
            "country=NL": {"Junkiebond", "Early Amsterdam Group"},
            "country=nl": {"Junkiebond", "Early Amsterdam Group"},
            "country=NL&country=FR": {"Junkiebond", "Early Amsterdam Group", "ASUD"},
            "region=Europe": {"Junkiebond", "Early Amsterdam Group", "ASUD", "INPUD"},
            "region=Western+Europe": {"Junkiebond", "Early Amsterdam Group", "ASUD"},
            "region=Eastern+Africa": {"Peer Outreach Kenya"},
            "region=Americas": {"VANDU", "Committee of Concerned Methadone Patients"},
            "model=grassroots": {"Junkiebond", "ASUD", "VANDU"},
            "model=treatment-advocacy": {"Committee of Concerned Methadone Patients"},
            "kind=network": {"INPUD"},
            "scope=national": {"ASUD"},
            "decade=1970": {"Committee of Concerned Methadone Patients"},
            "decade=1980": {"Junkiebond"},
            "decade=1990": {"ASUD", "VANDU"},
            "status=closed": {"Junkiebond", "Early Amsterdam Group"},
            "status=unknown": {"Committee of Concerned Methadone Patients", "Peer Outreach Kenya"},
        }
        for query, expected in cases.items():
            with self.subTest(query=query):
                self.assertFinds(query, expected)

    def test_filters_combine_each_narrowing_the_others(self):
        self.assertFinds("region=Europe&model=grassroots", {"Junkiebond", "ASUD"})
        self.assertFinds("region=Europe&model=grassroots&status=active", {"ASUD"})
        self.assertFinds("model=grassroots&decade=1990&country=CA", {"VANDU"})
        self.assertFinds("region=Africa&model=grassroots", set())

    def test_empty_values_from_the_form_mean_any(self):
        query = "country=&region=&model=&kind=&scope=&decade=&status=&sort="
        self.assertEqual(len(self.names(query)), 7)

    def test_names_sort_without_regard_to_case(self):
        make_organisation(name="Andrey Rylkov Foundation")
        self.assertEqual(self.names()[:2], ["Andrey Rylkov Foundation", "ASUD"])
        self.assertEqual(self.names("sort=-name")[-2:], ["ASUD", "Andrey Rylkov Foundation"])

    def test_sorting_by_founding_puts_undated_organisations_last_both_ways(self):
        earliest = ["Committee of Concerned Methadone Patients", "Junkiebond", "Early Amsterdam Group", "ASUD"]
        self.assertEqual(self.names("sort=founded")[:4], earliest)
        self.assertEqual(self.names("sort=founded")[-1], "Peer Outreach Kenya")
        self.assertEqual(self.names("sort=-founded")[:2], ["INPUD", "VANDU"])
        self.assertEqual(self.names("sort=-founded")[-1], "Peer Outreach Kenya")
        self.assertEqual(self.names("sort=-name")[0], "VANDU")

    # Bad values ------------------------------------------------------------------------------------------------

    def test_a_value_no_organisation_could_match_is_refused_naming_its_parameter(self):
        bad = {
            "country": ["ZZ", "Netherlands"],
            "region": ["Atlantis"],
            "model": ["mutual-aid"],
            "kind": ["club"],
            "scope": ["galactic"],
            "decade": ["1985", "eighties", "0"],
            "status": ["dormant"],
            "sort": ["age"],
            "page": ["two"],
        }
        for parameter, values in bad.items():
            for value in values:
                with self.subTest(parameter=parameter, value=value):
                    page = self.client.get(LIST, {parameter: value})
                    self.assertEqual(page.status_code, 400)
                    self.assertIn(f"“{parameter}”", page.content.decode())
                    twin = self.client.get(LIST, {parameter: value, "format": "json"})
                    self.assertEqual(twin.status_code, 400)
                    self.assertEqual(twin.json()["parameter"], parameter)

    def test_a_model_still_in_draft_is_not_a_filter_readers_can_use(self):
        make_organising_model(name="Secret model", key="secret-model", live=False)
        self.assertEqual(self.client.get(LIST, {"model": "secret-model"}).status_code, 400)

    # The form --------------------------------------------------------------------------------------------------

    def test_the_filter_form_works_without_script_and_labels_every_control(self):
        html = self.client.get(LIST).content.decode()
        form = html[html.index('<form class="filters"') : html.index("</form>", html.index('<form class="filters"'))]
        self.assertIn('method="get"', form)
        controls = re.findall(r'<select id="([^"]+)" name="([^"]+)"', form)
        self.assertEqual(
            {name for _, name in controls}, {"country", "region", "model", "kind", "scope", "decade", "status", "sort"}
        )
        for control_id, _ in controls:
            self.assertIn(f'<label for="{control_id}">', form)
        self.assertIn('<button type="submit">', form)
        self.assertNotIn("<script", html)

    def test_the_form_offers_only_values_that_find_something(self):
        html = self.client.get(LIST).content.decode()
        self.assertIn('<option value="NL">Netherlands</option>', html)
        self.assertNotIn("Germany", html)
        self.assertIn('<option value="Eastern Africa">', html)
        self.assertIn('<optgroup label="Europe">', html)
        self.assertNotIn('<optgroup label="Oceania">', html)
        for decade in ("1970", "1980", "1990", "2000"):
            self.assertIn(f'<option value="{decade}">the {decade}s</option>', html)
        self.assertNotIn('<option value="0">', html)  # "../1990" has no earliest year to count
        self.assertIn('<option value="grassroots">Grassroots organising</option>', html)

    def test_the_form_shows_the_filters_in_use(self):
        html = self.client.get(LIST, {"country": "FR", "decade": "1990", "sort": "-founded"}).content.decode()
        self.assertIn('<option value="FR" selected>France</option>', html)
        self.assertIn('<option value="1990" selected>the 1990s</option>', html)
        self.assertIn('<option value="-founded" selected>', html)
        self.assertIn("1 organisation<", html)

    # Pages -----------------------------------------------------------------------------------------------------

    def test_fifty_to_a_page_with_next_and_previous_links_that_keep_the_filters(self):
        Organisation.objects.bulk_create(
            Organisation(key=f"group-{n:02}", name=f"Group {n:02}", kind="user_group", scope="local", status="active")
            for n in range(60)
        )
        first = self.client.get(LIST, {"status": "active", "format": "json"}).json()
        self.assertEqual(first["count"], 63)
        self.assertEqual(len(first["results"]), 50)
        self.assertIsNone(first["previous"])
        self.assertRegex(first["next"], r"^http://testserver/organisations/\?")
        self.assertIn("status=active", first["next"])
        self.assertIn("page=2", first["next"])

        second = self.client.get(first["next"]).json()
        self.assertEqual(len(second["results"]), 13)
        self.assertIsNone(second["next"])
        self.assertIn("page=1", second["previous"])
        self.assertFalse({r["key"] for r in first["results"]} & {r["key"] for r in second["results"]})

        html = self.client.get(LIST, {"status": "active", "page": "2"}).content.decode()
        self.assertIn("Page 2 of 2", html)
        self.assertIn('rel="prev"', html)
        self.assertNotIn('rel="next"', html)
        self.assertIn('<ol class="organisations" start="51">', html)

    def test_the_twin_gives_stable_keys_and_addresses_for_each_result(self):
        twin = self.client.get(LIST, {"country": "NL", "format": "json"})
        self.assertEqual(twin["Content-Type"], "application/json")
        data = twin.json()
        self.assertEqual(set(data), {"count", "next", "previous", "results"})
        junkiebond = next(r for r in data["results"] if r["key"] == "junkiebond")
        self.assertEqual(set(junkiebond), RESULT_KEYS)
        self.assertEqual(
            junkiebond,
            {
                "key": "junkiebond",
                "url": "http://testserver/organisations/junkiebond/",
                "name": "Junkiebond",
                "acronym": "",
                "kind": "user_group",
                "scope": "local",
                "status": "closed",
                "countries": ["NL"],
                "founded": "1981-01",
                "closed": "1987~/1989~",
                "founded_words": "January 1981",
            },
        )

    def test_the_page_links_its_twin_with_the_same_filters(self):
        html = self.client.get(LIST, {"region": "Europe"}).content.decode()
        self.assertIn('href="?region=Europe&amp;format=json"', html)

    def test_the_query_count_does_not_grow_with_the_number_of_organisations(self):
        def queries() -> int:
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as captured:
                self.assertEqual(self.client.get(LIST, {"region": "Europe"}).status_code, 200)
            return len(captured)

        before = queries()
        for n in range(5):
            group = make_organisation(name=f"Another European group {n}")
            group.countries.set([make_country("BE")])
            group.save()
        self.assertEqual(queries(), before)


class SeededDirectoryTests(SeededTestCase):
    def test_europes_grassroots_groups_include_the_junkiebond_and_leave_out_vancouver(self):
        data = self.client.get(LIST, {"region": "Europe", "model": "grassroots", "format": "json"}).json()
        keys = {r["key"] for r in data["results"]}
        self.assertIn("junkiebond", keys)
        self.assertNotIn("vandu", keys)
        self.assertTrue(all(r["countries"] for r in data["results"]))
