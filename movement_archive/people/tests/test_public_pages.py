"""The people pages as a reader meets them: the list with its filters, each person's page, their JSON twins and
the schema.org description. Hidden people and drafts never appear, and a page costs the same however busy a
life it describes."""

from __future__ import annotations

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from movement_archive.documentary.models import Credit
from movement_archive.people.models import Affiliation, PersonName
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


def cite(source, locator: str, supports: str = "") -> list[dict]:
    return [{"type": "citation", "value": {"source": source.pk, "locator": locator, "supports": supports}}]


def jsonld_of(html: str) -> dict:
    (match,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return json.loads(match)


class PeoplePageTests(CastTestCase):
    """Ann organised in Canada and the Netherlands; Hana is hidden; Dora is still a draft."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.source = make_source(title="The series text")
        cls.canada, cls.netherlands = make_country("CA"), make_country("NL")
        cls.vandu = make_organisation(name="VANDU", key="vandu")
        cls.secret_group = make_organisation(name="A group still in draft", live=False)

        cls.ann = make_person(
            name="Ann Livingston",
            key="ann-livingston",
            sort_name="Livingston, Ann",
            biography="Organised users in Vancouver. </script><script>alert(1)</script>",
            citations=cite(cls.source, "¶8", "work in Vancouver"),
        )
        cls.ann.roles.add("activist", "interviewee")
        cls.ann.countries.set([cls.canada, cls.netherlands])
        cls.ann.other_names = [PersonName(name="Annie L.")]
        cls.ann.affiliations = [
            Affiliation(
                organisation=cls.vandu,
                role="co-founder",
                start="1997",
                end="2004~",
                citations=cite(cls.source, "¶9", "co-founded VANDU"),
            ),
            Affiliation(organisation=cls.secret_group, role="member"),
        ]
        cls.ann.save()

        cls.pat = make_person(name="Pat Public", key="pat-public")
        cls.pat.roles.add("activist", "board member")
        cls.pat.countries.set([cls.netherlands])
        cls.pat.save()

        cls.hana = make_person(name="Hana Hidden", key="hana-hidden", consent="research")
        cls.hana.roles.add("camera operator")
        cls.hana.countries.set([cls.canada])
        cls.hana.save()
        cls.dora = make_person(name="Dora Draft", key="dora-draft", live=False)

        cls.event = make_event(title="A consumption room opens", key="room-opens", date="2003-09")
        cls.draft_event = make_event(title="An event not yet published", live=False)
        for event in (cls.event, cls.draft_event):
            event.people.set([cls.ann, cls.hana])
            event.save()

        cls.series = make_series(title="An oral history")
        cls.episode = make_episode(series=cls.series, number=2, title="Canada")
        cls.draft_episode = make_episode(series=cls.series, number=3, title="Not yet shown", live=False)
        for episode in (cls.episode, cls.draft_episode):
            episode.people.set([cls.ann, cls.hana])
            episode.save()
        cls.series.credits = [
            Credit(role=Credit.Role.LOCAL_CAMERA, person=cls.ann, note="Canada", citations=cite(cls.source, "¶48"))
        ]
        cls.series.save()

    def get(self, url, **params):
        return self.client.get(url, params)

    # The list ---------------------------------------------------------------------------------------------------

    def test_the_list_shows_visible_people_with_roles_countries_and_affiliations(self):
        html = self.get(reverse("people:list")).content.decode()

        assert "Ann Livingston" in html and "Pat Public" in html
        assert "interviewee" in html and "Netherlands" in html and "VANDU" in html
        assert html.index("Ann Livingston") < html.index("Pat Public"), "sorted by sort name"

    def test_hidden_people_and_drafts_are_never_listed_in_html_or_json(self):
        html = self.get(reverse("people:list")).content.decode()
        data = self.get(reverse("people:list"), format="json").json()

        for name in ("Hana Hidden", "Dora Draft", "A group still in draft"):
            assert name not in html
            assert name not in json.dumps(data)
        assert "camera operator" not in html, "a role held only by a hidden person is not offered as a filter"

    def test_the_json_twin_is_a_page_of_people_with_stable_keys_and_urls(self):
        data = self.get(reverse("people:list"), format="json").json()

        assert data["count"] == 2 and data["next"] is None and data["previous"] is None
        ann = data["results"][0]
        assert ann["key"] == "ann-livingston"
        assert ann["url"] == "http://testserver/people/ann-livingston/"
        assert ann["roles"] == ["activist", "interviewee"]
        assert [c["iso2"] for c in ann["countries"]] == ["CA", "NL"]
        assert ann["countries"][0]["url"] == "http://testserver" + self.canada.get_absolute_url()
        assert ann["affiliations"] == [
            {
                "organisation": {"key": "vandu", "name": "VANDU", "url": "http://testserver/organisations/vandu/"},
                "role": "co-founder",
                "start": "1997",
                "end": "2004~",
                "period": "1997 to about 2004",
            }
        ]

    def test_filters_by_country_and_by_role(self):
        def names(**params):
            data = self.get(reverse("people:list"), format="json", **params).json()
            return [person["name"] for person in data["results"]]

        assert names(country="NL") == ["Ann Livingston", "Pat Public"]
        assert names(country="ca") == ["Ann Livingston"], "country codes are read in either case"
        assert names(role="interviewee") == ["Ann Livingston"]
        assert names(role="board-member") == names(role="board member") == ["Pat Public"], "by slug or by name"
        assert names(role="activist", country="NL") == ["Ann Livingston", "Pat Public"]
        make_country("FR")
        assert names(country="FR") == [], "a real country with nobody in it is an empty list, not an error"

    def test_the_filter_form_keeps_the_choice_and_the_json_link_keeps_the_filter(self):
        html = self.get(reverse("people:list"), role="interviewee").content.decode()

        assert '<option value="interviewee" selected>' in html
        assert 'href="?role=interviewee&amp;format=json"' in html

    def test_a_filter_value_the_archive_does_not_know_is_a_400_naming_the_parameter(self):
        for params, parameter in (
            ({"country": "XX"}, "country"),
            ({"country": "Netherlands"}, "country"),
            ({"role": "astronaut"}, "role"),
            ({"role": "camera-operator"}, "role"),  # held only by a hidden person
            ({"page": "two"}, "page"),
        ):
            response = self.get(reverse("people:list"), format="json", **params)
            assert response.status_code == 400, params
            assert response.json()["parameter"] == parameter
            assert self.get(reverse("people:list"), **params).status_code == 400

    def test_the_list_costs_the_same_for_two_people_as_for_twenty(self):
        def queries(**params) -> int:
            with CaptureQueriesContext(connection) as captured:
                assert self.get(reverse("people:list"), **params).status_code == 200
            return len(captured)

        few, few_filtered = queries(), queries(country="CA", role="activist")
        for n in range(18):
            person = make_person(name=f"Organiser {n}")
            person.roles.add("activist", f"role {n}")
            person.countries.set([self.canada])
            person.affiliations = [Affiliation(organisation=self.vandu, role="member")]
            person.save()
        # Each new person made the kept counts stale, so both visits count again, as the first ones did.
        assert queries() == few
        assert queries(country="CA", role="activist") == few_filtered

    # A person's page --------------------------------------------------------------------------------------------

    def test_the_person_page_tells_who_they_are_and_where_each_fact_comes_from(self):
        html = self.get(self.ann.get_absolute_url()).content.decode()

        assert "<h1>Ann Livingston</h1>" in html
        assert "Annie L." in html and "interviewee" in html and "Organised users in Vancouver." in html
        assert f'href="{self.canada.get_absolute_url()}"' in html
        assert f'href="{self.vandu.get_absolute_url()}"' in html and "co-founder" in html
        assert "1997 to about 2004" in html
        assert "A consumption room opens" in html and "September 2003" in html
        assert "Episode 2: Canada" in html and "Local camera" in html
        assert "¶8" in html and "work in Vancouver" in html and "co-founded VANDU" in html and "¶48" in html

    def test_the_person_page_leaves_out_drafts_of_organisations_events_and_episodes(self):
        html = self.get(self.ann.get_absolute_url()).content.decode()

        for text in ("A group still in draft", "An event not yet published", "Not yet shown"):
            assert text not in html

    def test_hidden_people_drafts_and_unknown_keys_are_404_for_readers(self):
        for url in (
            self.hana.get_absolute_url(),
            self.dora.get_absolute_url(),
            reverse("people:detail", args=["nobody"]),
        ):
            assert self.client.get(url).status_code == 404
            assert self.client.get(url, {"format": "json"}).status_code == 404

        self.client.force_login(self.community_member)
        assert self.client.get(self.hana.get_absolute_url()).status_code == 404

    def test_a_researcher_signed_in_may_read_a_hidden_person(self):
        self.client.force_login(self.researcher)

        assert self.client.get(self.hana.get_absolute_url()).status_code == 200

    def test_the_json_twin_of_a_person(self):
        data = self.get(self.ann.get_absolute_url(), format="json").json()

        assert data["key"] == "ann-livingston" and data["url"] == "http://testserver/people/ann-livingston/"
        assert data["other_names"] == ["Annie L."]
        assert data["roles"] == ["activist", "interviewee"]
        assert [a["organisation"]["key"] for a in data["affiliations"]] == ["vandu"]
        assert data["affiliations"][0]["citations"][0]["locator"] == "¶9"
        assert data["events"] == [
            {
                "key": "room-opens",
                "url": "http://testserver/events/room-opens/",
                "title": "A consumption room opens",
                "date": "2003-09",
                "date_in_words": "September 2003",
            }
        ]
        assert data["episodes"] == [{"number": 2, "url": "http://testserver/episodes/2/", "title": "Canada"}]
        assert data["credits"][0]["role"] == "local_camera" and data["credits"][0]["note"] == "Canada"
        assert data["citations"][0]["source_url"] == "http://testserver" + self.source.get_absolute_url()

    def test_the_page_describes_the_person_in_schema_org_json_ld(self):
        data = jsonld_of(self.get(self.ann.get_absolute_url()).content.decode())

        assert data["@context"] == "https://schema.org" and data["@type"] == "Person"
        assert data["name"] == "Ann Livingston" and data["alternateName"] == ["Annie L."]
        assert data["affiliation"] == [
            {"@type": "Organization", "name": "VANDU", "url": "http://testserver/organisations/vandu/"}
        ]
        assert [c["name"] for c in data["nationality"]] == ["Canada", "Netherlands"]
        assert data["subjectOf"][0]["@type"] == "TVEpisode" and data["subjectOf"][0]["episodeNumber"] == 2
        assert "</script><script>" in data["description"], "the text survives, escaped inside the script element"

    def test_the_person_page_costs_the_same_for_two_affiliations_as_for_twenty(self):
        def queries() -> int:
            with CaptureQueriesContext(connection) as captured:
                assert self.get(self.ann.get_absolute_url()).status_code == 200
            return len(captured)

        few = queries()
        more = [
            Affiliation(
                organisation=make_organisation(name=f"Group {n}"), role="member", citations=cite(self.source, f"¶{n}")
            )
            for n in range(18)
        ]
        self.ann.affiliations = list(self.ann.affiliations.all()) + more
        self.ann.save()
        for n in range(18):
            event = make_event(title=f"Protest {n}")
            event.people.set([self.ann])
            event.save()
        assert queries() == few
