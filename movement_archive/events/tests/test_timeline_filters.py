"""A reader narrows the timeline by region, organising model, kind, organisation and decades, and the filters combine.

The filters are an ordinary GET form, so they work without JavaScript and a filtered timeline has its own address.
The form offers regions, models, kinds and decades; organisations are far too many to list, so the timeline of one
is reached from its page, and the form shows the one chosen with a way back to all of them.
A value the timeline cannot use is answered with a 400 naming the parameter, never a page of nothing.
"""

from __future__ import annotations

from django.test import TestCase
from django.urls import reverse

from movement_archive.events.models import Event
from movement_archive.organising.models import Practice
from movement_archive.testing import make_country, make_event, make_organisation, make_organising_model

from .reading import soup

TIMELINE = reverse("events:timeline")


class TimelineFilterTests(TestCase):
    """A small world: a Dutch union, a Thai network, a Kenyan network, and what they did."""

    @classmethod
    def setUpTestData(cls):
        netherlands, thailand, kenya = make_country("NL"), make_country("TH"), make_country("KE")
        make_country("CA")  # a country whose region has no events
        grassroots = make_organising_model(name="Grassroots organising", key="grassroots")
        make_organising_model(name="Treatment advocacy", key="treatment-advocacy")
        junkiebond = make_organisation(
            name="Junkiebond",
            key="junkiebond",
            countries=[netherlands],
            practices=[Practice(model=grassroots, start="1981")],
        )
        thai_network = make_organisation(name="Thai Drug User Network", key="tdn", countries=[thailand])
        kenyan_network = make_organisation(
            name="Kenyan Network", key="kenpud", countries=[kenya], practices=[Practice(model=grassroots)]
        )
        make_event(key="junkiebond-founded", date="1981-01", organisations=[junkiebond], countries=[netherlands])
        make_event(
            key="needle-exchange",
            date="1984",
            kind=Event.Kind.SERVICE_OPENING,
            organisations=[junkiebond],
            countries=[netherlands],
        )
        make_event(key="tdn-founded", date="2002", organisations=[thai_network], countries=[thailand])
        make_event(
            key="embassy-rallies",
            date="2003",
            kind=Event.Kind.CAMPAIGN,
            organisations=[thai_network, junkiebond],
            countries=[thailand, netherlands],
        )
        make_event(key="kenpud-founded", date="2010~", organisations=[kenyan_network], countries=[kenya])
        make_organising_model(name="Unpublished model", key="unpublished", live=False)
        make_organisation(name="Unpublished group", key="unpublished-group", live=False)

    def keys(self, **params) -> list[str]:
        data = self.client.get(TIMELINE, {**params, "format": "json"}).json()
        return [event["key"] for event in data["results"]]

    def test_without_filters_every_event_is_shown(self):
        assert self.keys() == [
            "junkiebond-founded",
            "needle-exchange",
            "tdn-founded",
            "embassy-rallies",
            "kenpud-founded",
        ]

    def test_the_region_filter_takes_any_level_of_the_un_m49_regions(self):
        for region, expected in [
            ("Europe", ["junkiebond-founded", "needle-exchange", "embassy-rallies"]),  # a region
            ("South-eastern Asia", ["tdn-founded", "embassy-rallies"]),  # a sub-region
            ("Eastern Africa", ["kenpud-founded"]),  # an intermediate region
            ("Northern America", []),  # a real region without events
        ]:
            with self.subTest(region=region):
                assert self.keys(region=region) == expected

    def test_an_event_in_two_countries_of_a_region_is_listed_once(self):
        make_event(key="benelux-meeting", date="1999", countries=[make_country("NL"), make_country("BE")])

        assert self.keys(region="Western Europe").count("benelux-meeting") == 1

    def test_the_model_filter_shows_events_of_organisations_practising_it(self):
        assert self.keys(model="grassroots") == [
            "junkiebond-founded",
            "needle-exchange",
            "embassy-rallies",
            "kenpud-founded",
        ]
        assert self.keys(model="treatment-advocacy") == []

    def test_the_kind_filter(self):
        assert self.keys(kind="campaign") == ["embassy-rallies"]

    def test_the_organisation_filter(self):
        assert self.keys(organisation="tdn") == ["tdn-founded", "embassy-rallies"]

    def test_the_decade_filters_keep_events_placed_in_those_decades(self):
        assert self.keys(**{"from": "2000"}) == ["tdn-founded", "embassy-rallies", "kenpud-founded"]
        assert self.keys(to="1980") == ["junkiebond-founded", "needle-exchange"]
        assert self.keys(**{"from": "2000", "to": "2000"}) == ["tdn-founded", "embassy-rallies"]
        assert self.keys(**{"from": "1980s"}) == self.keys(**{"from": "1980"})

    def test_filters_combine(self):
        assert self.keys(region="Europe", kind="founding") == ["junkiebond-founded"]
        assert self.keys(model="grassroots", region="Asia") == ["embassy-rallies"]
        assert self.keys(organisation="junkiebond", **{"from": "2000"}) == ["embassy-rallies"]
        assert self.keys(region="Africa", kind="campaign") == []

    def test_the_json_twin_says_which_filters_it_applied(self):
        data = self.client.get(TIMELINE, {"region": "Asia", "model": "grassroots", "from": "2000", "format": "json"})

        assert data.json()["filters"] == {
            "region": "Asia",
            "model": "grassroots",
            "kind": None,
            "organisation": None,
            "from": 2000,
            "to": None,
        }

    def test_empty_values_from_the_form_mean_any(self):
        assert len(self.keys(region="", model="", kind="", organisation="", to="")) == 5

    def test_the_form_keeps_the_chosen_filters_and_labels_every_control(self):
        page = soup(self.client.get(TIMELINE, {"region": "Asia", "kind": "campaign"}))

        form = page.select_one("form.filters")
        assert form["method"] == "get"
        assert [s["name"] for s in form.select("select")] == ["region", "model", "kind", "from", "to"]
        for select in form.select("select"):
            assert page.find("label", attrs={"for": select["id"]}), select["name"]
        assert form.select_one("select[name=region] option[selected]")["value"] == "Asia"
        assert form.select_one("select[name=kind] option[selected]")["value"] == "campaign"
        # Only regions with published events are offered (not Canada's Americas); every published model is.
        assert [o["value"] for o in form.select("select[name=region] option")] == [
            "",
            *["Africa", "Asia", "Europe"],
            *["South-eastern Asia", "Sub-Saharan Africa", "Western Europe"],
            "Eastern Africa",
        ]
        assert [o["value"] for o in form.select("select[name=model] option")] == [
            "",
            "grassroots",
            "treatment-advocacy",
        ]

    def test_the_form_lists_no_organisations(self):
        form = soup(self.client.get(TIMELINE)).select_one("form.filters")

        assert not form.select("[name=organisation]")
        assert "Junkiebond" not in form.get_text()

    def test_the_organisation_chosen_is_named_with_a_link_to_its_page_and_a_way_back_to_every_organisation(self):
        page = soup(self.client.get(TIMELINE, {"organisation": "junkiebond", "kind": "founding", "page": "1"}))

        chosen = page.select_one("form.filters .chosen")
        to_its_page, to_everyone = chosen.select("a")
        assert (to_its_page.get_text(strip=True), to_its_page["href"]) == ("Junkiebond", "/organisations/junkiebond/")
        assert to_everyone.get_text(strip=True) == "Show the events of every organisation"
        assert to_everyone["href"] == f"{TIMELINE}?kind=founding"  # the other filters stay, back to the first page
        # Kept in the form, so that choosing a kind or a decade narrows this organisation's timeline.
        assert page.select_one("form.filters input[type=hidden][name=organisation]")["value"] == "junkiebond"
        assert not page.select("select[name=organisation]")

    def test_a_real_region_without_events_stays_selected(self):
        page = soup(self.client.get(TIMELINE, {"region": "Northern America"}))

        assert page.select_one("select[name=region] option[selected]")["value"] == "Northern America"
        assert "No events match these filters." in page.get_text()

    def test_the_json_twin_link_keeps_the_filters(self):
        page = soup(self.client.get(TIMELINE, {"kind": "campaign"}))

        assert page.find("link", type="application/json")["href"] == "?kind=campaign&format=json"

    def test_a_filter_value_the_timeline_cannot_use_is_a_400_naming_it(self):
        for params, parameter in [
            ({"region": "Atlantis"}, "region"),
            ({"model": "no-such-model"}, "model"),
            ({"model": "unpublished"}, "model"),  # a draft is as unknown to readers as a typo
            ({"kind": "party"}, "kind"),
            ({"organisation": "no-such-group"}, "organisation"),
            ({"organisation": "unpublished-group"}, "organisation"),
            ({"from": "1985"}, "from"),  # a year is not a decade
            ({"to": "eighties"}, "to"),
            ({"from": "2000", "to": "1980"}, "to"),  # decades in the wrong order
        ]:
            with self.subTest(**params):
                page = self.client.get(TIMELINE, params)
                data = self.client.get(TIMELINE, {**params, "format": "json"})

                assert page.status_code == 400
                assert f"“{parameter}”" in page.content.decode()
                assert data.status_code == 400
                assert data.json()["parameter"] == parameter
