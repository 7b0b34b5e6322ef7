"""The access rule is written twice: as ``policy.decide`` for one record and as database conditions for lists.
Every combination of level, end date, named group, named person and consent is stored as a person, and each
member of the cast must find in the database exactly the people the rule gives them."""

from __future__ import annotations

import itertools
from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from movement_archive.access.policy import Ceiling, Level, Outcome, decide
from movement_archive.access.readers import reader_for
from movement_archive.people.models import Person
from movement_archive.testing import cast

TODAY = timezone.localdate()
ENDS = {"no end": None, "ended": TODAY - timedelta(days=1), "ends today": TODAY, "to come": TODAY + timedelta(days=30)}


class RuleAndQueryAgreeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.readers = {
            "anonymous": cast.anonymous(),
            "community member": cast.community_member(),
            "group member": cast.group_member(),
            "researcher": cast.researcher(),
            "editor": cast.editor(),
        }
        group, person = cast.reader_group(), cast.community_member()
        combinations = itertools.product(Level, ENDS.items(), (None, group), (None, person), Ceiling)
        people = []
        for n, (level, (_, until), opened_group, opened_person, ceiling) in enumerate(combinations):
            people.append(
                Person(
                    key=f"p{n}",
                    name=f"Person {n}",
                    public_name=f"Person {n}",
                    access=level.value,
                    access_until=until,
                    access_group=opened_group,
                    access_person=opened_person,
                    consent=ceiling.value,
                    live=True,
                )
            )
        Person.objects.bulk_create(people)
        cls.total = len(people)

    def expected(self, user, at_least: Outcome) -> set[str]:
        reader = reader_for(user)
        return {p.key for p in Person.objects.all() if decide(p.access_rule, reader, TODAY) >= at_least}

    def test_every_reader_is_listed_exactly_the_people_the_rule_lists(self):
        for name, user in self.readers.items():
            with self.subTest(reader=name):
                listed = set(Person.objects.visible_to(user).values_list("key", flat=True))
                self.assertEqual(listed, self.expected(user, Outcome.LISTED))

    def test_every_reader_reads_exactly_the_content_the_rule_opens(self):
        for name, user in self.readers.items():
            with self.subTest(reader=name):
                readable = set(Person.objects.readable_by(user).values_list("key", flat=True))
                self.assertEqual(readable, self.expected(user, Outcome.FULL))

    def test_each_reader_sees_a_different_share_and_trust_widens_it(self):
        listed = {name: self.expected(user, Outcome.LISTED) for name, user in self.readers.items()}
        self.assertEqual(self.total, len(Level) * len(ENDS) * 2 * 2 * len(Ceiling))
        self.assertLess(listed["anonymous"], listed["community member"])
        # Each of these sees what the community member does not: the group's material, research-only consent.
        self.assertTrue(listed["group member"] - listed["community member"])
        self.assertTrue(listed["researcher"] - listed["community member"])
        self.assertLess(listed["researcher"], listed["editor"])
        # No one reads sealed or withdrawn material on the reading surfaces, editors included.
        self.assertLess(len(listed["editor"]), self.total)
