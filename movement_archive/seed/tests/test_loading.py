"""Loading the seed collection: everything arrives published, once, and reloading changes nothing."""

import shutil

from wagtail.models import Revision

from movement_archive.documentary.models import Episode, Series
from movement_archive.events.models import Event
from movement_archive.interviews.models import Interview
from movement_archive.organisations.models import Organisation, OrganisationRelation
from movement_archive.organising.models import OrganisingModel
from movement_archive.people.models import Person
from movement_archive.places.models import Country, Locality
from movement_archive.seed import schema
from movement_archive.seed.loader import load_seed
from movement_archive.sources.models import Disagreement, Source

from .base import SeededTestCase

KEYED = [Source, Locality, OrganisingModel, Organisation, Person, Event, Series, Episode, Disagreement, Interview]


def record_counts():
    return {model.__name__: model.objects.count() for model in KEYED}


class FirstLoadTests(SeededTestCase):
    @classmethod
    def setUpTestData(cls):
        # The load these tests are about: always a real one, never the copy the other seeded tests get.
        cls.seed_report = load_seed()

    def test_every_seed_record_arrives_published_with_one_revision(self):
        collection = schema.read_collection()
        expected = {
            "Source": len(collection.sources),
            "Locality": len(collection.localities),
            "OrganisingModel": len(collection.organising_models),
            "Organisation": len(collection.organisations),
            "Person": len(collection.people),
            "Event": len(collection.events),
            "Series": 1,
            "Episode": len(collection.episodes),
            "Disagreement": len(collection.disagreements),
            "Interview": len(collection.interviews),
        }
        self.assertEqual(record_counts(), expected)
        for model in KEYED:
            for record in model.objects.all():
                self.assertTrue(record.live, record)
                self.assertEqual(record.revisions.count(), 1, record)
                self.assertEqual(record.live_revision_id, record.latest_revision_id, record)

    def test_the_collection_has_the_size_the_documents_call_for(self):
        self.assertEqual(Episode.objects.count(), 10)
        self.assertGreaterEqual(Organisation.objects.count(), 70)
        self.assertGreaterEqual(Person.objects.count(), 43)
        self.assertGreaterEqual(Event.objects.count(), 30)
        self.assertEqual(OrganisingModel.objects.count(), 7)

    def test_every_country_of_iso_3166_is_reference_data_with_its_m49_region(self):
        self.assertEqual(Country.objects.count(), 249)
        tanzania = Country.objects.get(iso2="TZ")
        self.assertEqual((tanzania.region_name, tanzania.intermediate_region_name), ("Africa", "Eastern Africa"))
        self.assertEqual(Country.objects.get(iso2="NL").subregion_name, "Western Europe")

    def test_the_report_counts_what_was_created(self):
        self.assertEqual(self.seed_report.counts["episodes"]["created"], 10)
        self.assertEqual(self.seed_report.total("updated"), 0)


class ReloadTests(SeededTestCase):
    def test_loading_twice_gives_the_same_records_and_no_new_revisions(self):
        counts, revisions = record_counts(), Revision.objects.count()
        relations = OrganisationRelation.objects.count()
        report = load_seed()
        self.assertEqual(report.total("created"), 0)
        self.assertEqual(report.total("updated"), 0)
        self.assertEqual(record_counts(), counts)
        self.assertEqual(Revision.objects.count(), revisions)
        self.assertEqual(OrganisationRelation.objects.count(), relations)

    def test_a_changed_seed_record_is_updated_with_a_new_revision_and_nothing_else_moves(self):
        data_dir = self.copy_of_seed()
        path = data_dir / "organisations.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("- key: junkiebond\n", "- key: junkiebond\n  website: https://example.org/junkiebond\n", 1),
            encoding="utf-8",
        )
        revisions = Revision.objects.count()

        report = load_seed(data_dir)

        self.assertEqual(report.counts["organisations"]["updated"], 1)
        self.assertEqual(report.total("updated"), 1)
        junkiebond = Organisation.objects.get(key="junkiebond")
        self.assertEqual(junkiebond.website, "https://example.org/junkiebond")
        self.assertEqual(junkiebond.revisions.count(), 2)
        self.assertEqual(Revision.objects.count(), revisions + 1)
        # The earlier version stays in the history, for comparing and reverting.
        first = junkiebond.revisions.order_by("created_at", "id").first().as_object()
        self.assertEqual(first.website, "")

    def test_a_record_added_to_the_seed_is_created_and_published(self):
        data_dir = self.copy_of_seed()
        with (data_dir / "localities.yaml").open("a", encoding="utf-8") as handle:
            handle.write(
                "\n- key: lisbon\n  name: Lisbon\n  kind: city\n  country: PT\n"
                '  citations:\n    - source: series-text\n      locator: "¶15"\n'
            )
        report = load_seed(data_dir)
        self.assertEqual(report.counts["localities"]["created"], 1)
        self.assertTrue(Locality.objects.get(key="lisbon").live)

    def copy_of_seed(self):
        import tempfile
        from pathlib import Path

        target = Path(tempfile.mkdtemp()) / "data"
        shutil.copytree(schema.DATA_DIR, target)
        self.addCleanup(shutil.rmtree, target.parent)
        return target
