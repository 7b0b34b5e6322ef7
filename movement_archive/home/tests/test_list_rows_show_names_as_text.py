"""Rows the lists write in Python (``*/rendering.py``) show every name as text: markup typed into a title, a name or a
role reaches the reader as the characters typed, in the page and in every attribute, as templates would show it."""

from __future__ import annotations

from django.urls import reverse
from taggit.models import Tag

from movement_archive.organisations.models import OrganisationRelation, RelationType
from movement_archive.organising.models import Practice
from movement_archive.people.models import Affiliation, PersonRole
from movement_archive.testing import (
    CastTestCase,
    make_country,
    make_event,
    make_organisation,
    make_organising_model,
    make_person,
)

MARKUP = '<b class="x">A & "B"</b>'
ESCAPED = "&lt;b class=&quot;x&quot;&gt;A &amp; &quot;B&quot;&lt;/b&gt;"


class ListRowsShowNamesAsText(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.organisation = make_organisation(name=f"Union {MARKUP}", acronym=MARKUP, key="marked-union")
        cls.organisation.countries.set([make_country("NL")])
        cls.organisation.save()
        cls.event = make_event(title=f"Founding {MARKUP}", key="marked-founding")
        cls.event.organisations.set([cls.organisation])
        cls.event.save()
        cls.person = make_person(name=f"Alex {MARKUP}", key="marked-person")
        PersonRole.objects.create(content_object=cls.person, tag=Tag.objects.create(name=MARKUP, slug="marked"))

    def assert_shown_as_text(self, address: str, expected: int):
        html = self.client.get(address).content.decode()
        self.assertNotIn("<b class=", html)
        self.assertEqual(html.count(ESCAPED), expected, html)

    def test_the_timeline_escapes_titles_and_organisation_names(self):
        # The event's title; the organisation's name and acronym in its tag.
        self.assert_shown_as_text(reverse("events:timeline"), 3)

    def test_the_directory_escapes_names_and_acronyms(self):
        self.assert_shown_as_text(reverse("organisations:list"), 2)

    def test_the_people_list_escapes_names_and_roles(self):
        # The name in the entry; the role in the entry and in the form's choices.
        self.assert_shown_as_text(reverse("people:list"), 3)

    def test_an_organisation_s_page_escapes_its_events_titles(self):
        html = self.client.get(self.organisation.get_absolute_url()).content.decode()
        self.assertIn(f'<a href="/events/marked-founding/">Founding {ESCAPED}</a>', html)


class AnOrganisationsRowsShowTheirTextsAsText(CastTestCase):
    """The rows of an organisation's page: its models, relations and people, written in Python too."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.organisation = make_organisation(name="Harbour Union", key="harbour-union")
        other = make_organisation(name=f"Network {MARKUP}", key="marked-network")
        model = make_organising_model(name=f"Grassroots {MARKUP}", key="marked-grassroots")
        Practice.objects.create(organisation=cls.organisation, model=model, start="1981", note=MARKUP)
        OrganisationRelation.objects.create(
            subject=cls.organisation, object=other, type=RelationType.MEMBER_OF, start="1990", description=MARKUP
        )
        person = make_person(name=f"Alex {MARKUP}", key="marked-person")
        Affiliation.objects.create(person=person, organisation=cls.organisation, role=MARKUP, start="1985", end="1990")

    def test_models_relations_and_people_are_escaped_where_they_are_shown(self):
        html = self.client.get(self.organisation.get_absolute_url()).content.decode()
        self.assertNotIn("<b class=", html)
        self.assertIn(f'<a href="/models/marked-grassroots/">Grassroots {ESCAPED}</a>, from <data value="1981">', html)
        self.assertIn(f". {ESCAPED}", html)  # the practice's note
        self.assertIn(
            f'<span class="relation">Harbour Union is a member of <a href="/organisations/marked-network/">'
            f"Network {ESCAPED}</a></span>",
            html,
        )
        self.assertIn(f"<p>{ESCAPED}</p>", html)  # the relation's description
        self.assertIn(f'<a href="/people/marked-person/">Alex {ESCAPED}</a>, {ESCAPED}, <data value="1985">', html)
