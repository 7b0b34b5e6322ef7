"""Every fact cites its source and paragraph; where the sources disagree, each claim keeps its own citation."""

import re

from movement_archive.documentary.models import Credit, Episode, Series
from movement_archive.events.models import Event
from movement_archive.interviews.models import Interview
from movement_archive.organisations.models import Organisation, OrganisationRelation
from movement_archive.organising.models import OrganisingModel, Practice
from movement_archive.people.models import Affiliation, Person
from movement_archive.places.models import Locality
from movement_archive.sources.models import Claim, Disagreement, Source

from .base import SeededTestCase

LOCATOR = re.compile(r"^¶\d+(•\d)?([–-]\d+)?$")


class CitationTests(SeededTestCase):
    def test_every_record_and_every_relation_cites_a_source_paragraph(self):
        cited = [Locality, OrganisingModel, Organisation, Person, Event, Series, Episode, Interview]
        children = [OrganisationRelation, Practice, Affiliation, Credit, Claim]
        sources = set(Source.objects.values_list("pk", flat=True))
        for model in cited + children:
            for record in model.objects.all():
                citations = record.citations.raw_data
                self.assertTrue(citations, f"{model.__name__} {record} has no citation")
                for citation in citations:
                    self.assertIn(citation["value"]["source"], sources)
                    self.assertRegex(citation["value"]["locator"], LOCATOR)

    def test_thailand_keeps_both_death_tolls_each_with_its_own_source(self):
        disagreement = Disagreement.objects.get(events__key="thailand-killings-2003")
        claims = {claim.event.key: claim for claim in disagreement.claims.select_related("event")}
        briefing = claims["thailand-killings-2003"]
        series = claims["thailand-killings-early-2000s"]
        self.assertEqual(Event.objects.get(key="thailand-killings-2003").statistic_value, 2800)
        self.assertEqual(Event.objects.get(key="thailand-killings-early-2000s").statistic_qualifier, "more_than")
        self.assertEqual(briefing.citations.raw_data[0]["value"]["locator"], "¶21•4")
        self.assertNotEqual(
            {c["value"]["source"] for c in briefing.citations.raw_data},
            {c["value"]["source"] for c in series.citations.raw_data},
        )

    def test_which_group_came_first_is_kept_as_a_disagreement(self):
        first = Disagreement.objects.get(organisations__key="ccmp")
        self.assertIn("junkiebond", set(first.organisations.values_list("key", flat=True)))
        self.assertGreaterEqual(first.claims.count(), 2)


class FactTests(SeededTestCase):
    def test_junkiebond_formed_in_rotterdam_in_january_1981_and_closed_in_the_late_1980s(self):
        junkiebond = Organisation.objects.get(key="junkiebond")
        self.assertEqual(junkiebond.founded, "1981-01")
        self.assertEqual(junkiebond.localities.get().name, "Rotterdam")
        self.assertEqual(junkiebond.status, "closed")
        names = set(junkiebond.other_names.values_list("name", flat=True))
        self.assertTrue({"Junkie-bond", "Junkiesbond"} <= names)

    def test_ccmp_to_nama_reads_from_both_ends(self):
        relation = OrganisationRelation.objects.get(subject__key="ccmp", object__key="nama-recovery")
        self.assertEqual(relation.get_type_display(), "was succeeded by")
        self.assertEqual(str(relation.inverse_label), "succeeded")
        nama = Organisation.objects.get(key="nama-recovery")
        self.assertIn(relation, nama.incoming_relations.all())
        self.assertEqual(nama.founded, "1988")

    def test_organisations_practise_several_models_over_time(self):
        several = [o for o in Organisation.objects.prefetch_related("practices") if len(o.practices.all()) > 1]
        self.assertGreater(len(several), 5)
        self.assertEqual(Practice.objects.filter(model__key="grassroots", organisation__key="junkiebond").count(), 1)

    def test_the_series_has_ten_episodes_and_its_credits(self):
        series = Series.objects.get()
        self.assertEqual((series.interview_count, series.country_count), (34, 20))
        self.assertEqual(list(series.episodes.values_list("number", flat=True)), list(range(1, 11)))
        self.assertEqual(series.conference.date, "2020-07/2020-10")
        unnamed = series.credits.get(role="director")
        self.assertIsNone(unnamed.person)
        self.assertTrue(unnamed.note)

    def test_events_come_back_in_date_order_whatever_their_precision(self):
        keys = list(Event.objects.chronological().values_list("key", flat=True))
        self.assertLess(keys.index("ccmp-founded"), keys.index("junkiebond-founded"))
        self.assertLess(keys.index("junkiebond-founded"), keys.index("hiv-2020-conference"))
