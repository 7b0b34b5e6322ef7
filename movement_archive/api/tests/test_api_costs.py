"""The API costs the same number of queries however many records a page lists: no query per record."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from movement_archive.people.models import Affiliation
from movement_archive.places.tests.helpers import located
from movement_archive.testing import (
    CastTestCase,
    make_country,
    make_event,
    make_interview,
    make_organisation,
    make_person,
    make_source,
)

API = "/api/v1/"
ADDRESSES = (
    "organisations",
    "people",
    "events",
    "interviews",
    "sources",
    "countries",
    "countries/NL",
    # A page of search results costs a query or two per kind of record on it (``search.queries.HitList``), so the
    # count is compared within one kind: it must not grow with the records found.
    "search?q=dutch&type=organisation",
)


class ApiCostTests(CastTestCase):
    def add(self, numbers: range) -> None:
        """For each number, a Dutch organisation, a person affiliated to it, an event, an interview and a source
        that name it: rows that each list and page shows with their relations."""
        nl = make_country("NL")
        for n in numbers:
            organisation = located(make_organisation(name=f"Dutch union {n}"), nl)
            person = located(make_person(name=f"Dutch organiser {n}"), nl)
            Affiliation.objects.create(person=person, organisation=organisation, role="member")
            event = located(make_event(title=f"Dutch event {n}"), nl)
            event.organisations.add(organisation)
            event.save()
            make_interview(title=f"Dutch interview {n}")
            source = make_source(title=f"Dutch report {n}")
            source.publishers.add(organisation)
            source.save()

    def queries(self, address: str, user=None) -> int:
        if user is not None:
            self.client.force_login(user)
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(API + address)
        self.assertEqual(response.status_code, 200, address)
        return len(captured)

    def costs(self, user=None) -> dict[str, int]:
        # Asked twice, and the second counted: figures kept until the archive changes are then kept.
        for address in ADDRESSES:
            self.queries(address, user)
        return {address: self.queries(address, user) for address in ADDRESSES}

    def test_the_api_lists_cost_the_same_with_two_or_twenty_records(self):
        self.add(range(2))
        before = self.costs()
        self.add(range(2, 20))
        after = self.costs()
        self.assertEqual(after, before)
        self.assertEqual(self.client.get(f"{API}organisations").json()["count"], 20)

    def test_a_signed_in_reader_costs_the_same_with_two_or_twenty_records(self):
        self.add(range(2))
        before = self.costs(self.group_member)
        self.add(range(2, 20))
        self.assertEqual(self.costs(self.group_member), before)
