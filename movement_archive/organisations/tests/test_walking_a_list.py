"""A long list read a page at a time in an index's order: both ways of testing each record give the same page."""

from __future__ import annotations

from django.db.models.functions import Lower

from movement_archive.core.models import dense_enough
from movement_archive.organisations.models import Organisation
from movement_archive.places.tests.helpers import located
from movement_archive.testing import CastTestCase, make_country, make_organisation


def test_walking_pays_when_the_list_holds_a_good_share_of_all_records():
    # A country with 12,000 of 100,000 organisations: a page of 50 is reached after ~420 records walked.
    assert dense_enough(12_000, 100_000, 50)
    # A country with 40: the walk would cross the whole table before finding a page.
    assert not dense_enough(40, 100_000, 50)
    assert not dense_enough(0, 0, 50)


class AListOfOrganisationsInOneCountry(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        peru, chile = make_country("PE"), make_country("CL")
        for n, name in enumerate(["Zorro", "alpaca", "Condor", "vicuña", "Llama", "Puma"]):
            located(make_organisation(name=name, key=f"org-{n}"), peru if n % 3 else chile)
        located(make_organisation(name="Andes draft", key="draft", live=False), peru)
        cls.links = Organisation.countries.through.objects.filter(country=peru)

    def page(self, dense: bool) -> list[str]:
        found = Organisation.objects.live().among(self.links, "organisation_id", dense=dense)
        return list(found.order_by(Lower("name"), "key").values_list("name", flat=True)[:3])

    def test_reading_the_list_first_and_probing_each_record_find_the_same_page(self):
        self.assertEqual(self.page(dense=False), ["alpaca", "Condor", "Llama"])
        self.assertEqual(self.page(dense=True), self.page(dense=False))
