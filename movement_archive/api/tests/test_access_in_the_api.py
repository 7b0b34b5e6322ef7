"""The API shows each reader what their pages show them: no more for being a machine, no less for signing in."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from movement_archive.access.models import Viewing
from movement_archive.consent.actions import record_consent, withdraw_consent
from movement_archive.consent.models import Attribution, Method, Scope
from movement_archive.interviews.tests.helpers import synthetic_interview
from movement_archive.oralhistory.document import IndexPoint, Segment
from movement_archive.testing import CastTestCase, make_event, make_person
from movement_archive.testing.cast import reader_group

API = "/api/v1/"


class AccessInTheApi(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        group = reader_group()
        cls.open = make_person(name="Open Organiser", biography="Ran a drop-in.")
        cls.members_only = make_person(name="Member Organiser", biography="Ran a union.", access="community")
        cls.circle = make_person(
            name="Circle Organiser", biography="Ran a clinic.", access="restricted", access_group=group
        )
        cls.sealed = make_person(
            name="Sealed Organiser",
            biography="Ran a squat.",
            access="sealed",
            access_until=timezone.localdate() + timedelta(days=365),
        )
        cls.withdrawn = make_person(name="Withdrawn Organiser", biography="Ran a phone line.")
        withdraw_consent(person=cls.withdrawn, method=Method.WRITTEN)
        cls.pseudonymous = make_person(name="Teodor Realname", biography="Spoke about outreach.")
        record_consent(
            person=cls.pseudonymous,
            scope=Scope.PUBLIC,
            attribution=Attribution.PSEUDONYM,
            pseudonym="Wren",
            agreed_on=timezone.localdate(),
            method=Method.SIGNED_FORM,
        )
        cls.pseudonymous.refresh_from_db()  # its address no longer carries the real name
        cls.listed_interview = synthetic_interview(
            key="listed-interview",
            title="Listed only",
            lines=[Segment(0, 3000, "We met on Fridays by the harbour.", "Narrator")],
            segments_alt=[],
            index=[IndexPoint(time_ms=0, title="Fridays by the harbour")],
            access="metadata",
        )
        cls.meeting = make_event(title="A members' meeting", description="Who came and why.", access="community")

    def as_member(self) -> Client:
        self.client.force_login(self.community_member)
        return self.client

    def as_group_member(self) -> Client:
        self.client.force_login(self.group_member)
        return self.client

    def keys(self, client: Client, address: str) -> set[str]:
        return {item["key"] for item in client.get(API + address).json()["results"]}

    def test_a_visitor_gets_only_public_people_in_the_api(self):
        keys = self.keys(Client(), "people")
        self.assertIn(self.open.key, keys)
        self.assertNotIn(self.withdrawn.key, keys)
        for hidden in (self.members_only, self.circle, self.sealed):
            self.assertNotIn(hidden.key, keys)
            self.assertEqual(Client().get(f"{API}people/{hidden.key}").status_code, 404, hidden.name)

    def test_a_community_member_signed_in_gets_community_people_in_the_api(self):
        client = self.as_member()
        self.assertIn(self.members_only.key, self.keys(client, "people"))
        self.assertEqual(client.get(f"{API}people/{self.members_only.key}").json()["biography"], "Ran a union.")
        self.assertEqual(client.get(f"{API}people/{self.circle.key}").status_code, 404)

    def test_a_group_member_gets_what_is_opened_to_the_group_but_nothing_sealed(self):
        client = self.as_group_member()
        self.assertEqual(client.get(f"{API}people/{self.circle.key}").json()["biography"], "Ran a clinic.")
        self.assertEqual(client.get(f"{API}people/{self.sealed.key}").status_code, 404)

    def test_a_password_alone_leaves_a_reader_a_visitor_in_the_api(self):
        client = Client()
        client.force_login(self.community_member)  # the second step never taken
        self.assertNotIn(self.members_only.key, self.keys(client, "people"))

    def test_a_withdrawn_person_is_gone_from_the_api(self):
        response = Client().get(f"{API}people/{self.withdrawn.key}")
        self.assertEqual(response.status_code, 410)
        self.assertEqual(response.json()["error"], "gone")
        self.assertNotIn("Withdrawn Organiser", response.content.decode())
        self.assertNotIn(self.withdrawn.key, self.keys(Client(), "people"))

    def test_a_withdrawn_record_the_reader_never_knew_of_is_only_not_found(self):
        # Restricted to the group before it was withdrawn: a visitor must not learn that it existed.
        withdraw_consent(person=self.circle, method=Method.WRITTEN)
        self.assertEqual(Client().get(f"{API}people/{self.circle.key}").status_code, 404)
        self.assertEqual(self.as_group_member().get(f"{API}people/{self.circle.key}").status_code, 410)

    def test_a_pseudonym_stands_for_the_real_name_everywhere_in_the_api(self):
        listed = Client().get(f"{API}people").content.decode()
        record = Client().get(f"{API}people/{self.pseudonymous.key}").content.decode()
        found = Client().get(f"{API}search", {"q": "wren"}).content.decode()
        for text in (listed, record):
            self.assertIn("Wren", text)
        for text in (listed, record, found):
            self.assertNotIn("Realname", text)
        self.assertNotIn("realname", self.pseudonymous.key)
        self.assertEqual(Client().get(f"{API}search", {"q": "realname"}).json()["results"], [])

    def test_a_metadata_only_interview_has_no_transcript_in_the_api(self):
        self.assertIn(self.listed_interview.key, self.keys(Client(), "interviews"))
        data = Client().get(f"{API}interviews/{self.listed_interview.key}").json()
        self.assertEqual(data["title"], "Listed only")
        self.assertTrue(data["content_withheld"])
        self.assertEqual((data["segments"], data["index"], data["summary"]), ([], [], ""))
        self.assertNotIn("harbour", str(data))
        self.assertEqual(Client().get(f"{API}search", {"q": "harbour"}).json()["results"], [])

    def test_an_event_kept_to_the_community_is_found_only_by_members(self):
        self.assertEqual(Client().get(f"{API}events/{self.meeting.key}").status_code, 404)
        self.assertEqual(
            self.as_member().get(f"{API}events/{self.meeting.key}").json()["description"], "Who came and why."
        )

    def test_opening_restricted_material_through_the_api_is_audited_as_the_api(self):
        self.as_group_member().get(f"{API}people/{self.circle.key}")
        viewing = Viewing.objects.get()
        self.assertEqual((viewing.user, viewing.key, viewing.what), (self.group_member, self.circle.key, "api"))

    def test_a_visitor_leaves_no_trace_in_the_audit(self):
        Client().get(f"{API}people/{self.open.key}")
        self.assertFalse(Viewing.objects.exists())
