"""What the people list counts and offers: only the people the reader may see. The counts are kept between
requests, yet they follow the archive as editors change it, and a researcher's count never becomes a visitor's."""

from __future__ import annotations

from django.urls import reverse

from movement_archive.access.models import AccessLevel
from movement_archive.people.models import Person
from movement_archive.testing import CastTestCase, make_country, make_person


class PeopleListCountTests(CastTestCase):
    """Ann and Pat are public activists in the Netherlands; Hana, hidden, is an activist too, and the only
    camera operator and the only person in Canada."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.canada, cls.netherlands = make_country("CA"), make_country("NL")
        cls.ann = cls.person("Ann Livingston", [cls.netherlands], "activist", "interviewee")
        cls.pat = cls.person("Pat Public", [cls.netherlands], "activist")
        cls.hana = cls.person("Hana Hidden", [cls.canada], "activist", "camera operator", consent="research")

    @staticmethod
    def person(name: str, countries: list, *roles: str, **fields) -> Person:
        person = make_person(name=name, **fields)
        person.roles.add(*roles)
        person.countries.set(countries)
        person.save()
        return person

    def count(self, **params) -> int:
        return self.client.get(reverse("people:list"), {"format": "json", **params}).json()["count"]

    def test_a_hidden_person_is_never_counted_for_visitors(self):
        assert self.count() == 2
        assert self.count(role="activist") == 2
        assert self.count(country="NL", role="activist") == 2

        self.client.force_login(self.community_member)
        assert self.count() == 2 and self.count(role="activist") == 2

    def test_a_researchers_count_includes_hidden_people_and_never_reaches_visitors(self):
        assert self.count(role="activist") == 2, "the public count, now kept"

        self.client.force_login(self.researcher)
        assert self.count(role="activist") == 3 and self.count(country="CA") == 1

        self.client.logout()
        assert self.count(role="activist") == 2
        assert self.count(country="CA") == 0

    def test_the_filters_offer_only_countries_and_roles_of_people_the_reader_may_see(self):
        html = self.client.get(reverse("people:list")).content.decode()

        assert '<option value="NL">' in html and '<option value="CA">' not in html
        assert '<option value="interviewee">' in html and "camera operator" not in html

        self.client.force_login(self.researcher)
        html = self.client.get(reverse("people:list")).content.decode()
        assert '<option value="CA">' in html and '<option value="camera-operator">camera operator</option>' in html

    def test_kept_counts_and_choices_follow_the_archive_as_people_are_published_and_hidden(self):
        assert self.count(role="activist") == 2
        assert '<option value="FR">' not in self.client.get(reverse("people:list")).content.decode()

        self.person("Nora Newcomer", [make_country("FR")], "activist", "nurse")
        assert self.count(role="activist") == 3, "published: counted at once"
        html = self.client.get(reverse("people:list")).content.decode()
        assert '<option value="FR">' in html and '<option value="nurse">' in html, "and offered at once"

        self.pat.access = AccessLevel.COMMUNITY
        self.pat.save_revision().publish()
        assert self.count(role="activist") == 2, "hidden: no longer counted"
        assert self.count() == 2 and "Pat Public" not in str(self.client.get(reverse("people:list")).content)
