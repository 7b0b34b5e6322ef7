"""The source pages as a reader meets them: the list, and each source with everything in the archive it supports,
grouped by kind and in the order of the source's paragraphs; only what the reader may see, in HTML and JSON."""

from __future__ import annotations

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from movement_archive.access.models import AccessLevel
from movement_archive.documentary.models import Credit
from movement_archive.organisations.models import OrganisationRelation, RelationType
from movement_archive.organising.models import Practice
from movement_archive.people.models import Affiliation
from movement_archive.seed.tests.base import SeededTestCase
from movement_archive.sources.models import Claim, Source
from movement_archive.sources.queries import locator_order
from movement_archive.testing import (
    CastTestCase,
    make_disagreement,
    make_episode,
    make_event,
    make_locality,
    make_organisation,
    make_organising_model,
    make_person,
    make_source,
)


def cite(source, *locators: str, supports: str = "") -> list[dict]:
    return [
        {"type": "citation", "value": {"source": source.pk, "locator": locator, "supports": supports}}
        for locator in locators
    ]


class SourcePageTests(CastTestCase):
    """A briefing cited across the archive, by published records and by drafts and hidden people alike."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.briefing = make_source(
            title="A brief history", key="briefing", kind=Source.Kind.BRIEFING, date="2013/2016~"
        )
        cls.other = make_source(title="Another text", key="another-text", date="2020")
        cls.draft_source = make_source(title="A source in draft", key="draft-source", live=False)
        cls.coact = make_organisation(name="Coact", key="coact")
        cls.mat = make_person(name="Mat Southwell", key="mat-southwell", citations=cite(cls.briefing, "¶33"))
        cls.hana = make_person(name="Hana Hidden", key="hana-hidden", access=AccessLevel.RESTRICTED)
        cls.draft_publisher = make_organisation(name="A publisher in draft", live=False)
        cls.briefing.publishers.set([cls.coact, cls.draft_publisher])
        cls.briefing.authors.set([cls.mat, cls.hana])
        cls.briefing.citations = cite(cls.briefing, "¶33", supports="authors and publisher")
        cls.briefing.save()

        cls.junkiebond = make_organisation(
            name="Junkiebond", key="junkiebond", citations=cite(cls.briefing, "¶5", "¶4", supports="founding")
        )
        cls.mainliners = make_organisation(name="Mainliners", key="mainliners", citations=cite(cls.briefing, "¶21•3"))
        make_organisation(name="Only cites another text", citations=cite(cls.other, "¶1"))
        make_organisation(name="A citing group in draft", citations=cite(cls.briefing, "¶1"), live=False)
        make_person(name="Hidden citer", access=AccessLevel.RESTRICTED, citations=cite(cls.briefing, "¶2"))
        make_person(name="Dora Draft", citations=cite(cls.briefing, "¶2"), live=False)

        make_event(title="Junkiebond is founded", key="junkiebond-founded", citations=cite(cls.briefing, "¶4"))
        make_organising_model(name="Grassroots organising", key="grassroots", citations=cite(cls.briefing, "¶5"))
        make_locality(name="Rotterdam", citations=cite(cls.briefing, "¶4"))
        episode = make_episode(number=1, title="The Netherlands", citations=cite(cls.briefing, "¶3"))

        grassroots = make_organising_model(name="Public health", key="public-health")
        Practice.objects.create(
            organisation=cls.junkiebond, model=grassroots, start="1981", citations=cite(cls.briefing, "¶4")
        )
        OrganisationRelation.objects.create(
            subject=cls.mainliners,
            type=RelationType.INSPIRED,
            object=cls.junkiebond,
            citations=cite(cls.briefing, "¶22"),
        )
        cls.mat.affiliations = [
            Affiliation(organisation=cls.coact, role="director", citations=cite(cls.briefing, "¶34")),
            Affiliation(organisation=cls.draft_publisher, role="member", citations=cite(cls.briefing, "¶35")),
        ]
        cls.mat.save()
        series = episode.series
        series.credits = [
            Credit(role=Credit.Role.PRODUCER, organisation=cls.coact, citations=cite(cls.briefing, "¶40"))
        ]
        series.save()
        disagreement = make_disagreement(title="When did it close?")
        Claim.objects.create(
            disagreement=disagreement, statement="It closed in 1987.", citations=cite(cls.briefing, "¶5")
        )

    def supports(self) -> dict:
        return self.client.get(self.briefing.get_absolute_url(), {"format": "json"}).json()["supports"]

    # The list ---------------------------------------------------------------------------------------------------

    def test_the_list_shows_each_source_with_kind_date_publishers_and_authors(self):
        html = self.client.get(reverse("sources:list")).content.decode()

        assert "A brief history" in html and "Technical briefing" in html and "mid 2010s" in html
        assert "Coact" in html and "Mat Southwell" in html
        for hidden in ("A source in draft", "A publisher in draft", "Hana Hidden"):
            assert hidden not in html

    def test_the_list_json_twin(self):
        data = self.client.get(reverse("sources:list"), {"format": "json"}).json()

        assert data["count"] == 2
        assert data["results"][0] == {
            "key": "briefing",
            "url": "http://testserver/sources/briefing/",
            "title": "A brief history",
            "kind": "briefing",
            "kind_label": "Technical briefing",
            "date": "2013/2016~",
            "date_in_words": "mid 2010s",
            "publishers": [{"key": "coact", "name": "Coact", "url": "http://testserver/organisations/coact/"}],
            "authors": [
                {"key": "mat-southwell", "name": "Mat Southwell", "url": "http://testserver/people/mat-southwell/"}
            ],
        }

    def test_the_list_filters_by_kind_and_refuses_a_kind_it_does_not_know(self):
        data = self.client.get(reverse("sources:list"), {"kind": "briefing", "format": "json"}).json()
        assert [s["key"] for s in data["results"]] == ["briefing"]

        response = self.client.get(reverse("sources:list"), {"kind": "podcast", "format": "json"})
        assert response.status_code == 400 and response.json()["parameter"] == "kind"
        assert self.client.get(reverse("sources:list"), {"kind": "podcast"}).status_code == 400
        assert self.client.get(reverse("sources:list"), {"page": "x"}).status_code == 400

    # What a source supports -------------------------------------------------------------------------------------

    def test_the_page_groups_what_the_source_supports_by_kind(self):
        assert list(self.supports()) == [
            "organisations",
            "people",
            "events",
            "episodes",
            "organising_models",
            "localities",
            "sources",
            "relations",
            "affiliations",
            "practices",
            "credits",
            "claims",
        ]

    def test_records_come_in_the_order_of_the_paragraphs_they_cite_each_with_locators_and_what_they_support(self):
        organisations = self.supports()["organisations"]

        assert [o["label"] for o in organisations] == ["Junkiebond", "Mainliners"]
        junkiebond = organisations[0]
        assert junkiebond["key"] == "junkiebond" and junkiebond["url"] == "http://testserver/organisations/junkiebond/"
        assert junkiebond["citations"] == [
            {"locator": "¶4", "supports": "founding"},
            {"locator": "¶5", "supports": "founding"},
        ]

    def test_relations_are_lines_naming_their_parent_record(self):
        supports = self.supports()

        (practice,) = supports["practices"]
        assert practice["label"] == "Junkiebond practises Public health"
        assert practice["record"] == {"kind": "organisation", "key": "junkiebond", "name": "Junkiebond"}
        assert practice["citations"] == [{"locator": "¶4", "supports": ""}]
        assert supports["relations"][0]["label"] == "Mainliners inspired Junkiebond"
        (affiliation,) = supports["affiliations"]
        assert affiliation["label"] == "Mat Southwell, director, Coact"
        assert supports["claims"][0]["record"]["name"] == "When did it close?"
        assert supports["credits"][0]["record"]["kind"] == "series"

    def test_drafts_hidden_people_and_relations_to_them_support_nothing_here(self):
        text = json.dumps(self.supports())
        html = self.client.get(self.briefing.get_absolute_url()).content.decode()

        for hidden in ("A citing group in draft", "Hidden citer", "Dora Draft", "Hana Hidden", "A publisher in draft"):
            assert hidden not in text and hidden not in html
        assert "¶35" not in text, "the affiliation with a draft organisation is left out"
        assert "Only cites another text" not in text

    def test_the_page_shows_description_publishers_authors_and_the_supported_lines(self):
        html = self.client.get(self.briefing.get_absolute_url()).content.decode()

        assert "<h1>A brief history</h1>" in html and "What this source supports" in html
        assert f'href="{self.coact.get_absolute_url()}"' in html and f'href="{self.mat.get_absolute_url()}"' in html
        assert f'href="{self.junkiebond.get_absolute_url()}">Junkiebond</a>' in html
        assert '<span class="locator">¶4</span>: founding' in html

    def test_drafts_and_unknown_keys_are_404(self):
        for url in (self.draft_source.get_absolute_url(), reverse("sources:detail", args=["no-such-source"])):
            assert self.client.get(url).status_code == 404
            assert self.client.get(url, {"format": "json"}).status_code == 404

    def test_the_page_costs_the_same_for_two_citing_events_as_for_twenty(self):
        def queries() -> int:
            with CaptureQueriesContext(connection) as captured:
                assert self.client.get(self.briefing.get_absolute_url()).status_code == 200
            return len(captured)

        for n in range(2):
            make_event(title=f"Event {n}", citations=cite(self.briefing, f"¶{n + 50}"))
        queries()  # content types are cached after the first reading
        few = queries()
        for n in range(2, 20):
            make_event(title=f"Event {n}", citations=cite(self.briefing, f"¶{n + 50}"))
        assert queries() == few
        assert len(self.supports()["events"]) == 21


def test_locators_sort_by_paragraph_then_bullet_and_others_last():
    locators = ["p. 3", "¶21•10", "¶4", "¶21•3", "¶21", "00:14:05"]

    assert sorted(locators, key=locator_order) == ["¶4", "¶21", "¶21•3", "¶21•10", "00:14:05", "p. 3"]


class SeededSourceTests(SeededTestCase):
    def test_the_briefing_lists_junkiebond_with_paragraph_four(self):
        data = self.client.get(reverse("sources:detail", args=["briefing"]), {"format": "json"}).json()
        html = self.client.get(reverse("sources:detail", args=["briefing"])).content.decode()

        (junkiebond,) = [o for o in data["supports"]["organisations"] if o["key"] == "junkiebond"]
        assert "¶4" in [c["locator"] for c in junkiebond["citations"]]
        assert 'href="/organisations/junkiebond/">Junkiebond</a>' in html
        assert any(p["record"]["key"] == "junkiebond" for p in data["supports"]["practices"])
