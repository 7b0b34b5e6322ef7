"""One organisation's page: everything the archive knows about it, only what the reader may see, in HTML,
JSON and schema.org JSON-LD, at a cost that does not grow with the record."""

from __future__ import annotations

import json
import re
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext

from movement_archive.documentary.models import Episode
from movement_archive.events.models import Event
from movement_archive.organisations import queries
from movement_archive.organisations.models import Organisation, OrganisationName, OrganisationRelation, RelationType
from movement_archive.organising.models import OrganisingModel, Practice
from movement_archive.people.models import Affiliation, Person
from movement_archive.places.models import Locality
from movement_archive.seed.tests.base import SeededTestCase
from movement_archive.sources.models import Claim, Disagreement, Source
from movement_archive.testing import (
    CastTestCase,
    make_country,
    make_disagreement,
    make_episode,
    make_event,
    make_locality,
    make_organisation,
    make_organising_model,
    make_person,
    make_series,
    make_source,
)


def cite(*pairs) -> list[dict]:
    """Citation blocks as the back office stores them: (source, locator) pairs."""
    return [{"type": "citation", "value": {"source": s.pk, "locator": loc, "supports": ""}} for s, loc in pairs]


def link(record, **related):
    """Set many-to-many fields and save: cluster fields keep changes in memory until the record is saved."""
    for name, items in related.items():
        getattr(record, name).set(items)
    record.save()
    return record


def jsonld_of(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert match, "the page has no JSON-LD"
    return json.loads(match.group(1))


def disagreement_box(html: str, title: str) -> str:
    for box in re.findall(r'<section class="disagreement".*?</section>', html, re.DOTALL):
        if title in box:
            return box
    raise AssertionError(f"no disagreement box titled {title!r}")


class OrganisationPageTests(CastTestCase):
    """The Junkiebond of a small world, with a draft or a hidden record beside everything it shows."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.series_text = make_source(title="The series text")
        cls.briefing = make_source(title="The briefing")
        cls.netherlands = make_country("NL")
        rotterdam = make_locality(name="Rotterdam", country=cls.netherlands)
        cls.junkiebond = make_organisation(
            name="Junkiebond",
            founded="1981-01",
            closed="1987~/1989~",
            status=Organisation.Status.CLOSED,
            website="https://junkiebond.example.org/",
            description="A Rotterdam union of users. </script><script>alert(1)</script>",
            citations=cite((cls.series_text, "¶3"), (cls.briefing, "¶4")),
        )
        link(
            cls.junkiebond,
            countries=[cls.netherlands],
            localities=[rotterdam, make_locality(name="Secret Town", live=False)],
        )
        OrganisationName.objects.create(organisation=cls.junkiebond, name="Junkie-bond", kind="variant", language="nl")

        grassroots = make_organising_model(name="Grassroots organising", key="grassroots")
        Practice.objects.create(
            organisation=cls.junkiebond,
            model=grassroots,
            start="1981-01",
            end="1987~/1989~",
            citations=cite((cls.briefing, "¶5")),
        )
        Practice.objects.create(
            organisation=cls.junkiebond, model=make_organising_model(name="Draft model", live=False)
        )

        respect = make_organisation(name="Respect")
        network = make_organisation(name="European Network", kind=Organisation.Kind.NETWORK, key="european-network")
        older = make_organisation(name="Older Union")
        hidden_partner = make_organisation(name="Unpublished Partner", live=False)
        OrganisationRelation.objects.create(
            subject=cls.junkiebond,
            object=respect,
            type=RelationType.INSPIRED,
            start="1990",
            citations=cite((cls.briefing, "¶29")),
        )
        OrganisationRelation.objects.create(subject=cls.junkiebond, object=network, type=RelationType.MEMBER_OF)
        OrganisationRelation.objects.create(subject=older, object=cls.junkiebond, type=RelationType.INSPIRED)
        OrganisationRelation.objects.create(subject=cls.junkiebond, object=hidden_partner, type=RelationType.PARTNER_OF)

        founder = make_person(name="Nico Founder")
        hidden = make_person(name="Hidden Helper", consent="research")
        unpublished = make_person(name="Draft Person", live=False)
        Affiliation.objects.create(
            person=founder, organisation=cls.junkiebond, role="co-founder", start="1981-01", end="1986",
            citations=cite((cls.series_text, "¶7")),
        )  # fmt: skip
        Affiliation.objects.create(person=hidden, organisation=cls.junkiebond, role="volunteer", start="1982")
        Affiliation.objects.create(person=unpublished, organisation=cls.junkiebond, role="treasurer")

        for title, date, live in (
            ("The union closes", "1988~", True),
            ("The union is founded", "1981-01", True),
            ("Needles handed out", "1981", True),
            ("An unpublished meeting", "1983", False),
        ):
            link(make_event(title=title, date=date, live=live), organisations=[cls.junkiebond])

        series = make_series()
        link(make_episode(series=series, number=1, title="Where it began"), organisations=[cls.junkiebond])
        unpublished_episode = make_episode(series=series, number=2, title="An unpublished episode", live=False)
        link(unpublished_episode, organisations=[cls.junkiebond])

        first = make_disagreement(title="Which was the first group", summary="The two accounts differ.")
        link(first, organisations=[cls.junkiebond])
        Claim.objects.create(
            disagreement=first, statement="The union was the first.", citations=cite((cls.series_text, "¶3"))
        )
        Claim.objects.create(disagreement=first, statement="Others came earlier.", citations=cite((cls.briefing, "¶9")))
        link(make_disagreement(title="An unpublished doubt", live=False), organisations=[cls.junkiebond])

        cls.url = cls.junkiebond.get_absolute_url()

    def page(self) -> str:
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def twin(self) -> dict:
        response = self.client.get(self.url, {"format": "json"})
        self.assertEqual(response.status_code, 200)
        return response.json()

    # The record ------------------------------------------------------------------------------------------------

    def test_the_page_gives_the_names_the_description_and_the_dates_in_words(self):
        html = self.page()
        self.assertIn("<h1>Junkiebond</h1>", html)
        self.assertIn('<span lang="nl">Junkie-bond</span>', html)
        self.assertIn("Spelling variant, Dutch", html)
        self.assertIn("User group or union · Local · Closed", html)
        self.assertIn('<time datetime="1981-01">January 1981</time>', html)
        self.assertIn('<data value="1987~/1989~">late 1980s</data>', html)
        self.assertIn("A Rotterdam union of users. &lt;/script&gt;", html)

    def test_the_page_links_its_countries_and_names_its_published_places(self):
        html = self.page()
        self.assertIn(f'<a href="{self.netherlands.get_absolute_url()}">Netherlands</a>', html)
        self.assertIn("Rotterdam (Netherlands)", html)
        self.assertNotIn("Secret Town", html)

    def test_organising_models_show_with_their_period_and_only_when_published(self):
        html = self.page()
        model = OrganisingModel.objects.get(key="grassroots")
        self.assertIn(f'<a href="{model.get_absolute_url()}">Grassroots organising</a>', html)
        self.assertIn('<data value="1981-01">January 1981</data> to <data value="1987~/1989~">late 1980s</data>', html)
        self.assertNotIn("Draft model", html)

    def test_relations_read_from_both_ends_and_leave_out_unpublished_organisations(self):
        html = self.page()
        respect = Organisation.objects.get(name="Respect")
        older = Organisation.objects.get(name="Older Union")
        self.assertIn(f'Junkiebond inspired <a href="{respect.get_absolute_url()}">Respect</a>', html)
        self.assertIn(f'Junkiebond was inspired by <a href="{older.get_absolute_url()}">Older Union</a>', html)
        self.assertIn("Junkiebond is a member of", html)
        self.assertNotIn("Unpublished Partner", html)

    def test_people_show_with_their_roles_and_periods_but_hidden_people_never_do(self):
        html = self.page()
        self.assertIn("Nico Founder</a>, co-founder, <data", html)
        self.assertIn('January 1981</data> to <data value="1986">1986</data>', html)
        for user in (None, self.community_member):
            if user:
                self.client.force_login(user)
            html, twin = self.page(), json.dumps(self.twin())
            for absent in ("Hidden Helper", "hidden-helper", "volunteer", "Draft Person", "treasurer"):
                self.assertNotIn(absent, html)
                self.assertNotIn(absent, twin)

    def test_a_researcher_signed_in_sees_hidden_people_as_the_back_office_does(self):
        self.client.force_login(self.researcher)
        self.assertIn("Hidden Helper", self.page())

    def test_events_come_in_chronological_order_and_drafts_stay_out(self):
        html = self.page()
        events = html[html.index('<ol class="rows events">') :]
        titles = re.findall(r'<a href="/events/[^"]+/">([^<]+)</a>', events[: events.index("</ol>")])
        self.assertEqual(titles, ["The union is founded", "Needles handed out", "The union closes"])
        self.assertIn('<data value="1988~">about 1988</data>', html)

    def test_a_busy_organisation_lists_its_first_events_and_links_the_timeline_for_the_rest(self):
        with mock.patch.object(queries, "EVENTS_SHOWN", 2):
            html = self.page()
            twin = self.client.get(self.junkiebond.get_absolute_url(), {"format": "json"}).json()
        events = html[html.index('<ol class="rows events">') :]
        self.assertEqual(events[: events.index("</ol>")].count("<li>"), 2)
        timeline = f"/events/timeline/?organisation={self.junkiebond.key}"
        self.assertIn(f'<a href="{timeline}">All 3 events on the timeline</a>', html)
        self.assertEqual((len(twin["events"]), twin["event_count"]), (2, 3))
        self.assertTrue(twin["events_url"].endswith(f"{timeline}&format=json"))

    def test_published_episodes_that_feature_it_are_listed(self):
        html = self.page()
        self.assertIn("Episode 1: Where it began", html)
        self.assertNotIn("An unpublished episode", html)

    def test_the_sources_disagree_box_gives_each_claim_with_its_source(self):
        html = self.page()
        box = disagreement_box(html, "Which was the first group")
        self.assertIn("The sources disagree", box)
        self.assertIn("The union was the first.", box)
        self.assertIn("The series text</a>, ¶3", box)
        self.assertIn("Others came earlier.", box)
        self.assertIn("The briefing</a>, ¶9", box)
        self.assertNotIn("An unpublished doubt", html)

    def test_the_record_and_each_relation_practice_and_affiliation_cite_their_sources(self):
        html = self.page()
        for citation in ("The series text</a>, ¶3", "The briefing</a>, ¶4", "The briefing</a>, ¶5"):
            self.assertIn(citation, html)
        self.assertIn("The briefing</a>, ¶29", html)  # the relation to Respect
        self.assertIn("The series text</a>, ¶7", html)  # the founder's affiliation

    def test_an_unpublished_source_is_never_cited(self):
        Source.objects.filter(pk=self.briefing.pk).update(live=False)
        html = self.page()
        self.assertNotIn("The briefing", html)
        self.assertIn("The series text</a>, ¶3", html)

    # Not found -------------------------------------------------------------------------------------------------

    def test_drafts_and_unknown_keys_are_not_found_as_pages_or_twins(self):
        draft = Organisation.objects.get(name="Unpublished Partner")
        for url in (draft.get_absolute_url(), "/organisations/no-such-group/"):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)
                self.assertEqual(self.client.get(url, {"format": "json"}).status_code, 404)

    # The JSON twin ---------------------------------------------------------------------------------------------

    def test_the_twin_holds_everything_the_page_shows(self):
        data = self.twin()
        self.assertEqual(data["key"], "junkiebond")
        self.assertEqual(data["url"], "http://testserver/organisations/junkiebond/")
        self.assertEqual((data["founded"], data["founded_words"]), ("1981-01", "January 1981"))
        self.assertEqual((data["closed"], data["closed_words"]), ("1987~/1989~", "late 1980s"))
        self.assertEqual(data["other_names"], [{"name": "Junkie-bond", "kind": "variant", "language": "nl"}])
        self.assertEqual([c["iso2"] for c in data["countries"]], ["NL"])
        self.assertEqual([m["model"]["key"] for m in data["organising_models"]], ["grassroots"])
        self.assertEqual([p["person"]["name"] for p in data["people"]], ["Nico Founder"])
        self.assertEqual([e["date"] for e in data["events"]], ["1981-01", "1981", "1988~"])
        self.assertEqual([e["number"] for e in data["episodes"]], [1])
        self.assertEqual([len(d["claims"]) for d in data["disagreements"]], [2])
        self.assertEqual([c["locator"] for c in data["citations"]], ["¶3", "¶4"])  # the record's own citations
        self.assertEqual(data["disagreements"][0]["claims"][1]["citations"][0]["source"], "The briefing")

    def test_the_twin_gives_each_relation_its_direction_and_the_other_organisation(self):
        relations = {(r["type"], r["direction"]): r for r in self.twin()["relations"]}
        self.assertEqual(
            set(relations), {("inspired", "outgoing"), ("member_of", "outgoing"), ("inspired", "incoming")}
        )
        self.assertEqual(
            relations["inspired", "outgoing"],
            {
                "label": "inspired",
                "type": "inspired",
                "direction": "outgoing",
                "organisation": {
                    "key": "respect",
                    "url": "http://testserver/organisations/respect/",
                    "name": "Respect",
                },
                "start": "1990",
                "end": "",
                "description": "",
                "citations": [
                    {
                        "source": "The briefing",
                        "source_url": f"http://testserver{self.briefing.get_absolute_url()}",
                        "locator": "¶29",
                        "supports": "",
                    }
                ],
            },
        )
        self.assertEqual(relations["inspired", "incoming"]["label"], "was inspired by")
        self.assertEqual(relations["inspired", "incoming"]["organisation"]["key"], "older-union")

    # JSON-LD ---------------------------------------------------------------------------------------------------

    def test_the_page_describes_itself_as_a_schema_org_organization(self):
        data = jsonld_of(self.page())
        self.assertEqual(data["@context"], "https://schema.org")
        self.assertEqual(data["@type"], "Organization")
        self.assertEqual(data["name"], "Junkiebond")
        self.assertEqual(data["alternateName"], ["Junkie-bond"])
        self.assertEqual(data["url"], "http://testserver/organisations/junkiebond/")
        self.assertEqual(data["sameAs"], "https://junkiebond.example.org/")
        self.assertEqual(data["foundingDate"], "1981-01")
        self.assertNotIn("dissolutionDate", data)  # "late 1980s" is no date schema.org can hold
        countries = [p["address"]["addressCountry"] for p in data["location"]]
        self.assertEqual(countries, ["NL", "NL"])
        rotterdam = {"@type": "PostalAddress", "addressCountry": "NL", "addressLocality": "Rotterdam"}
        self.assertIn({"@type": "Place", "name": "Rotterdam", "address": rotterdam}, data["location"])
        self.assertEqual([m["name"] for m in data["memberOf"]], ["European Network"])
        self.assertEqual([e["name"] for e in data["subjectOf"]], ["Where it began"])
        self.assertTrue(data["description"].endswith("</script><script>alert(1)</script>"))

    def test_no_text_in_the_record_can_close_the_json_ld_script_early(self):
        html = self.page()
        script = html[html.index('<script type="application/ld+json">') :]
        script = script[: script.index("</script>")]
        self.assertIn("\\u003c/script>\\u003cscript>alert(1)\\u003c/script>", script)
        self.assertNotIn("<script>alert(1)", html)

    def test_a_founding_date_known_only_roughly_is_left_out_of_the_json_ld(self):
        for founded in ("198X", "1990~", "1990~/1993~", "1991?"):
            organisation = make_organisation(name=f"Rough {founded}", founded=founded)
            with self.subTest(founded=founded):
                data = jsonld_of(self.client.get(organisation.get_absolute_url()).content.decode())
                self.assertNotIn("foundingDate", data)
        exact = make_organisation(name="Exact", founded="1992-03-01", closed="2001")
        data = jsonld_of(self.client.get(exact.get_absolute_url()).content.decode())
        self.assertEqual((data["foundingDate"], data["dissolutionDate"]), ("1992-03-01", "2001"))


class OrganisationPageCostTests(CastTestCase):
    """The page costs the same number of queries with two of everything as with twenty."""

    # fmt: off
    CODES = ["NL", "BE", "FR", "DE", "GB", "IE", "ES", "PT", "IT", "CH",
             "AT", "DK", "SE", "NO", "FI", "PL", "CZ", "HU", "GR", "CA"]
    # fmt: on

    def build(self, n: int, tag: str) -> Organisation:
        """An organisation with n of everything, each child citing n sources; bulk inserts keep it quick."""
        numbers = range(n)
        sources = Source.objects.bulk_create(
            Source(key=f"{tag}-source-{i}", title=f"Source {i}", kind="report") for i in numbers
        )
        citations = cite(*((s, f"¶{i}") for i, s in enumerate(sources)))
        organisation = Organisation.objects.create(
            key=tag, name=tag.title(), kind="user_group", scope="local", founded="1981", citations=citations
        )
        countries = [make_country(code) for code in self.CODES[:n]]
        towns = Locality.objects.bulk_create(
            Locality(key=f"{tag}-town-{i}", name=f"Town {i}", country=countries[i]) for i in numbers
        )
        link(organisation, countries=countries, localities=towns)
        OrganisationName.objects.bulk_create(
            OrganisationName(organisation=organisation, name=f"Name {i}", language="nl") for i in numbers
        )
        models = OrganisingModel.objects.bulk_create(
            OrganisingModel(key=f"{tag}-model-{i}", name=f"Model {i}", definition="A way.") for i in numbers
        )
        Practice.objects.bulk_create(
            Practice(organisation=organisation, model=m, start="1981", citations=citations) for m in models
        )
        others = Organisation.objects.bulk_create(
            Organisation(key=f"{tag}-other-{i}", name=f"Other {i}", kind="network", scope="global") for i in numbers
        )
        OrganisationRelation.objects.bulk_create(
            [
                OrganisationRelation(subject=organisation, object=o, type="member_of", citations=citations)
                for o in others
            ]
            + [OrganisationRelation(subject=o, object=organisation, type="inspired") for o in others]
        )
        people = Person.objects.bulk_create(Person(key=f"{tag}-person-{i}", name=f"Person {i}") for i in numbers)
        Affiliation.objects.bulk_create(
            Affiliation(person=p, organisation=organisation, role="member", citations=citations) for p in people
        )
        events = Event.objects.bulk_create(
            Event(key=f"{tag}-event-{i}", title=f"Event {i}", kind="campaign", date=str(1981 + i)) for i in numbers
        )
        Event.organisations.through.objects.bulk_create(
            Event.organisations.through(event=e, organisation=organisation) for e in events
        )
        series = make_series(title=f"Series {tag}")
        episodes = Episode.objects.bulk_create(
            Episode(key=f"{tag}-episode-{i}", series=series, number=i + 1, title=f"Episode {i}") for i in numbers
        )
        Episode.organisations.through.objects.bulk_create(
            Episode.organisations.through(episode=e, organisation=organisation) for e in episodes
        )
        doubts = Disagreement.objects.bulk_create(
            Disagreement(key=f"{tag}-doubt-{i}", title=f"Doubt {i}") for i in numbers
        )
        Disagreement.organisations.through.objects.bulk_create(
            Disagreement.organisations.through(disagreement=d, organisation=organisation) for d in doubts
        )
        Claim.objects.bulk_create(
            Claim(disagreement=d, statement=f"Claim {j}", citations=citations) for d in doubts for j in range(2)
        )
        return organisation

    def count(self, url: str, **params) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200)
        return len(captured)

    def test_the_page_and_its_twin_cost_the_same_with_two_or_twenty_of_everything(self):
        small, large = self.build(2, "small"), self.build(20, "large")
        large_page = self.client.get(large.get_absolute_url()).content.decode()
        self.assertEqual(large_page.count('<span class="relation">'), 40)  # both ends of twenty relations each
        # the record, 20 practices, 20 relations, 20 affiliations and 40 claims each cite Source 19
        self.assertEqual(large_page.count(">Source 19</a>"), 101)
        for last in ("Name 19", "Town 19", "Model 19", "Person 19", "Event 19", "Episode 19", "Doubt 19"):
            self.assertIn(last, large_page)
        for params in ({}, {"format": "json"}):
            with self.subTest(params=params):
                self.assertEqual(
                    self.count(small.get_absolute_url(), **params), self.count(large.get_absolute_url(), **params)
                )

    def test_an_organisation_with_more_events_than_shown_costs_no_more_queries(self):
        # Their number comes with the first events (a window over all of them), not from a count of its own.
        quiet, busy = self.build(2, "quiet"), self.build(20, "busy")
        with mock.patch.object(queries, "EVENTS_SHOWN", 5):
            self.assertEqual(self.count(busy.get_absolute_url()), self.count(quiet.get_absolute_url()))
            self.assertIn("All 20 events on the timeline", self.client.get(busy.get_absolute_url()).content.decode())


class SeededOrganisationPageTests(SeededTestCase):
    def test_ccmp_was_succeeded_by_nama_and_nama_succeeded_ccmp(self):
        ccmp, nama = Organisation.objects.get(key="ccmp"), Organisation.objects.get(key="nama-recovery")
        ccmp_page = self.client.get(ccmp.get_absolute_url()).content.decode()
        nama_page = self.client.get(nama.get_absolute_url()).content.decode()
        self.assertIn(f'was succeeded by <a href="{nama.get_absolute_url()}">NAMA Recovery (NAMA)</a>', ccmp_page)
        self.assertIn(f'succeeded <a href="{ccmp.get_absolute_url()}">', nama_page)
        self.assertEqual(jsonld_of(ccmp_page)["foundingDate"], "1973")

    def test_the_junkiebond_page_shows_where_the_sources_disagree_about_the_first_group(self):
        junkiebond = Organisation.objects.get(key="junkiebond")
        html = self.client.get(junkiebond.get_absolute_url()).content.decode()
        series = Source.objects.get(key="series-text")
        briefing = Source.objects.get(key="briefing")
        box = disagreement_box(html, "Which was the first drug user group")
        self.assertIn("The sources disagree", box)
        self.assertIn(f'<a href="{series.get_absolute_url()}">{series.title}</a>, ¶3', box)
        self.assertIn(f'<a href="{briefing.get_absolute_url()}">{briefing.title}</a>, ¶4', box)
        self.assertEqual(box.count("<blockquote>"), 3)

    def test_the_thai_governments_page_keeps_both_death_tolls_with_their_sources(self):
        thai = Organisation.objects.get(key="thai-government")
        html = self.client.get(thai.get_absolute_url()).content.decode()
        box = disagreement_box(html, "How many people Thailand")
        self.assertIn("¶21•4", box)
        self.assertIn("¶30", box)
        self.assertIn("An Oral History of the Movement", box)
        self.assertIn("A Brief History of Drug User Self-Organisations", box)
