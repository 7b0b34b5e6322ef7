"""A relation is entered once, on its subject, and reads correctly from either organisation."""

from movement_archive.organisations.models import Organisation
from movement_archive.organisations.queries import relations_of
from movement_archive.seed.tests.base import SeededTestCase
from movement_archive.testing.cast import anonymous


class RelationsFromBothEndsTests(SeededTestCase):
    def test_ccmp_was_succeeded_by_nama_and_nama_succeeded_ccmp(self):
        ccmp = Organisation.objects.get(key="ccmp")
        nama = Organisation.objects.get(key="nama-recovery")
        from_ccmp = {(r.label, r.other.key) for r in relations_of(ccmp, anonymous())}
        from_nama = {(r.label, r.other.key) for r in relations_of(nama, anonymous())}
        self.assertIn(("was succeeded by", "nama-recovery"), from_ccmp)
        self.assertIn(("succeeded", "ccmp"), from_nama)

    def test_junkiebond_inspired_later_grassroots_groups(self):
        junkiebond = Organisation.objects.get(key="junkiebond")
        inspired = {r.other.key for r in relations_of(junkiebond) if r.label == "inspired"}
        self.assertTrue({"respect", "chemical-reaction"} <= inspired)

    def test_an_unpublished_organisation_drops_out_of_the_other_ends_relations(self):
        nama = Organisation.objects.get(key="nama-recovery")
        nama.unpublish()
        ccmp = Organisation.objects.get(key="ccmp")
        self.assertNotIn("nama-recovery", {r.other.key for r in relations_of(ccmp, anonymous())})

    def test_reading_relations_takes_two_queries_however_many_there_are(self):
        inpud = Organisation.objects.get(key="inpud")
        with self.assertNumQueries(2):
            read = relations_of(inpud)
            [r.other.name for r in read]
        self.assertGreater(len(read), 3)
