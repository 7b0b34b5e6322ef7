"""The documentary pages as a reader meets them: the series with its episodes, credits and showing, and a page
per episode, each with a JSON twin; only what the reader may see, and the episode described for schema.org."""

from __future__ import annotations

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from movement_archive.access.models import AccessLevel
from movement_archive.documentary.models import Credit, Episode
from movement_archive.events.models import Event
from movement_archive.seed.tests.base import SeededTestCase
from movement_archive.testing import (
    CastTestCase,
    make_country,
    make_episode,
    make_event,
    make_organisation,
    make_person,
    make_series,
    make_source,
)

NO_NAME_NOTE = "The source has a heading for this credit and no name under it."


def cite(source, locator: str, supports: str = "") -> list[dict]:
    return [{"type": "citation", "value": {"source": source.pk, "locator": locator, "supports": supports}}]


def jsonld_of(html: str) -> dict:
    (match,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return json.loads(match)


class EpisodePageTests(CastTestCase):
    """A series of three episodes, the second still a draft, shown at a conference."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.text = make_source(title="The series text")
        cls.conference = make_event(
            title="An online conference", key="online-conference", kind=Event.Kind.CONFERENCE, date="2020-07/2020-10"
        )
        cls.series = make_series(
            title="An oral history",
            description="Ten films about how users organised.",
            interview_count=34,
            country_count=20,
            conference=cls.conference,
            citations=cite(cls.text, "¶5", "the counts"),
        )
        cls.producer = make_organisation(name="A film foundation", key="film-foundation")
        cls.hidden_camera = make_person(name="Hana Hidden", access=AccessLevel.RESTRICTED)
        cls.draft_funder = make_organisation(name="A funder in draft", live=False)
        cls.series.credits = [
            Credit(role=Credit.Role.PRODUCER, organisation=cls.producer, citations=cite(cls.text, "¶4")),
            Credit(role=Credit.Role.DIRECTOR, note=NO_NAME_NOTE, citations=cite(cls.text, "¶47")),
            Credit(role=Credit.Role.LOCAL_CAMERA, person=cls.hidden_camera, note="Somewhere secret"),
            Credit(role=Credit.Role.FUNDER, organisation=cls.draft_funder, note="Paid for it"),
        ]
        cls.series.save()

        cls.netherlands, cls.belgium = make_country("NL"), make_country("BE")
        cls.theo = make_person(name="Theo van Dam", key="theo-van-dam")
        cls.asud = make_organisation(name="ASUD", key="asud")
        cls.draft_group = make_organisation(name="A group in draft", live=False)
        cls.first = make_episode(
            series=cls.series,
            number=1,
            title="The Netherlands and Belgium",
            summary="Opens in the Netherlands. " + "More words here. " * 20,
            citations=cite(cls.text, "¶6", "episode one"),
        )
        cls.first.countries.set([cls.netherlands, cls.belgium])
        cls.first.people.set([cls.theo, cls.hidden_camera])
        cls.first.organisations.set([cls.asud, cls.draft_group])
        cls.first.save()
        cls.draft = make_episode(series=cls.series, number=2, title="An episode in draft", live=False)
        cls.third = make_episode(series=cls.series, number=3, title="Germany")

    # The series and its episodes ------------------------------------------------------------------------------

    def test_the_list_presents_the_series_its_counts_and_its_published_episodes_in_order(self):
        html = self.client.get(reverse("documentary:list")).content.decode()

        assert "<h1>An oral history</h1>" in html and "Ten films about how users organised." in html
        assert "34 interviews in 20 countries" in html
        assert html.index("Episode 1: The Netherlands and Belgium") < html.index("Episode 3: Germany")
        assert "Netherlands, Belgium" not in html, "countries are in name order"
        assert "Belgium, Netherlands" in html
        assert "An episode in draft" not in html

    def test_the_list_links_the_conference_the_series_was_shown_at(self):
        html = self.client.get(reverse("documentary:list")).content.decode()

        assert f'href="{reverse("events:detail", args=["online-conference"])}"' in html
        assert "An online conference" in html

    def test_a_credit_that_names_nobody_says_so_and_credits_naming_hidden_parties_are_left_out(self):
        html = self.client.get(reverse("documentary:list")).content.decode()

        assert "Directing, camera and editing" in html and "No name given" in html and NO_NAME_NOTE in html
        assert f'href="{self.producer.get_absolute_url()}"' in html and "¶47" in html
        for hidden in ("Hana Hidden", "Somewhere secret", "A funder in draft", "Paid for it"):
            assert hidden not in html

    def test_the_list_json_twin(self):
        data = self.client.get(reverse("documentary:list"), {"format": "json"}).json()

        series = data["series"]
        assert series["title"] == "An oral history"
        assert (series["interview_count"], series["country_count"]) == (34, 20)
        assert series["conference"]["key"] == "online-conference"
        assert series["conference"]["url"] == "http://testserver/events/online-conference/"
        assert [c["role"] for c in series["credits"]] == ["producer", "director"]
        director = series["credits"][1]
        assert director["names_nobody"] is True and director["person"] is None and director["note"] == NO_NAME_NOTE
        assert series["citations"][0]["locator"] == "¶5"
        assert data["count"] == 2
        first = data["results"][0]
        assert first["number"] == 1 and first["url"] == "http://testserver/episodes/1/"
        assert [c["iso2"] for c in first["countries"]] == ["BE", "NL"]
        assert first["summary_excerpt"].startswith("Opens in the Netherlands.") and first["summary_excerpt"].endswith(
            "…"
        )
        assert "Hana Hidden" not in json.dumps(data) and "An episode in draft" not in json.dumps(data)

    def test_a_conference_still_in_draft_is_not_named(self):
        Event.objects.filter(pk=self.conference.pk).update(live=False)

        html = self.client.get(reverse("documentary:list")).content.decode()
        assert "An online conference" not in html
        assert self.client.get(reverse("documentary:list"), {"format": "json"}).json()["series"]["conference"] is None

    def test_a_page_number_that_is_not_a_number_is_a_400(self):
        response = self.client.get(reverse("documentary:list"), {"page": "0", "format": "json"})

        assert response.status_code == 400 and response.json()["parameter"] == "page"

    # One episode ------------------------------------------------------------------------------------------------

    def test_the_episode_page_shows_who_and_where_with_its_sources(self):
        html = self.client.get(self.first.get_absolute_url()).content.decode()

        assert "<h1>Episode 1: The Netherlands and Belgium</h1>" in html
        assert f'href="{self.netherlands.get_absolute_url()}"' in html
        assert f'href="{self.theo.get_absolute_url()}"' in html and f'href="{self.asud.get_absolute_url()}"' in html
        assert "Hana Hidden" not in html and "A group in draft" not in html
        assert "¶6" in html and "episode one" in html

    def test_previous_and_next_skip_episodes_still_in_draft(self):
        first = self.client.get(self.first.get_absolute_url(), {"format": "json"}).json()
        third = self.client.get(self.third.get_absolute_url(), {"format": "json"}).json()

        assert first["previous"] is None and first["next"]["number"] == 3
        assert third["previous"] == {
            "number": 1,
            "title": "The Netherlands and Belgium",
            "url": "http://testserver/episodes/1/",
        }
        assert third["next"] is None
        html = self.client.get(self.third.get_absolute_url()).content.decode()
        assert f'href="{self.first.get_absolute_url()}" rel="prev"' in html

    def test_the_episode_json_twin(self):
        data = self.client.get(self.first.get_absolute_url(), {"format": "json"}).json()

        assert data["number"] == 1 and data["url"] == "http://testserver/episodes/1/"
        assert data["series"]["title"] == "An oral history"
        assert [c["iso2"] for c in data["countries"]] == ["BE", "NL"]
        assert data["people"] == [
            {"key": "theo-van-dam", "name": "Theo van Dam", "url": "http://testserver/people/theo-van-dam/"}
        ]
        assert [o["key"] for o in data["organisations"]] == ["asud"]
        assert data["citations"][0]["supports"] == "episode one"

    def test_the_episode_is_described_as_a_schema_org_tv_episode(self):
        data = jsonld_of(self.client.get(self.first.get_absolute_url()).content.decode())

        assert data["@context"] == "https://schema.org" and data["@type"] == "TVEpisode"
        assert data["episodeNumber"] == 1 and data["name"] == "The Netherlands and Belgium"
        assert data["partOfSeries"] == {"@type": "TVSeries", "name": "An oral history"}
        assert data["description"].startswith("Opens in the Netherlands.")
        assert [place["name"] for place in data["contentLocation"]] == ["Belgium", "Netherlands"]
        assert all(place["@type"] == "Country" for place in data["contentLocation"])

    def test_drafts_and_unknown_numbers_are_404(self):
        for url in (self.draft.get_absolute_url(), reverse("documentary:detail", args=[99])):
            assert self.client.get(url).status_code == 404
            assert self.client.get(url, {"format": "json"}).status_code == 404

    def test_the_episode_page_costs_the_same_for_two_people_as_for_twenty(self):
        def queries() -> int:
            with CaptureQueriesContext(connection) as captured:
                assert self.client.get(self.first.get_absolute_url()).status_code == 200
            return len(captured)

        few = queries()
        people = [make_person(name=f"Interviewee {n}") for n in range(18)]
        groups = [make_organisation(name=f"Group {n}") for n in range(18)]
        self.first.people.set([self.theo, *people])
        self.first.organisations.set([self.asud, *groups])
        self.first.save()
        assert queries() == few


class SeededEpisodeTests(SeededTestCase):
    """The real series, as the seed collection describes it."""

    def test_episode_four_features_sanpud_and_three_of_its_founders(self):
        html = self.client.get(reverse("documentary:detail", args=[4])).content.decode()

        assert "Episode 4: South Africa" in html
        assert "SANPUD" in html
        for founder in ("Shaun Shelly", "Angela McBride", "Nelson Medeiros"):
            assert founder in html
        assert f'href="{Episode.objects.get(number=4).countries.get().get_absolute_url()}"' in html

    def test_the_director_credit_names_nobody_and_shows_its_note(self):
        html = self.client.get(reverse("documentary:list")).content.decode()
        data = self.client.get(reverse("documentary:list"), {"format": "json"}).json()

        (director,) = [c for c in data["series"]["credits"] if c["role"] == "director"]
        assert director["names_nobody"] is True and "no name" in director["note"]
        assert "No name given" in html and director["note"] in html
        assert "34 interviews in 20 countries" in html
        assert data["count"] == 10
        assert 'href="/events/hiv-2020-conference/"' in html
