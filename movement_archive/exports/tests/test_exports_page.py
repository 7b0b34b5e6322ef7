"""The back office's exports page: editors see every export, the ones to rebuild first, and how to rebuild them."""

from __future__ import annotations

from django.urls import reverse

from movement_archive.exports.actions import flag_for_rebuild, record_export
from movement_archive.exports.models import Export
from movement_archive.testing import CastTestCase

PAGE = reverse("exports")


class TheExportsPage(CastTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.old_mirror = record_export(
            kind=Export.Kind.SITE,
            path="/srv/usb-mirror",
            language="all",
            command="movement-archive export-site /srv/usb-mirror --language all --force",
            refs=[("person", "ana-lopez")],
            run_by="archivist",
        )
        cls.dump = record_export(
            kind=Export.Kind.DUMP,
            path="/srv/archive.jsonl.gz",
            language="en",
            command="movement-archive dump /srv/archive.jsonl.gz --format jsonl --force",
            refs=[("organisation", "harbour-union")],
        )
        flag_for_rebuild([("person", "ana-lopez")], reason="Ana López withdrew her consent.")

    def test_an_editor_sees_the_export_to_rebuild_first_with_its_reason_and_command(self):
        self.client.force_login(self.editor)
        response = self.client.get(PAGE)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(list(response.context["exports"]), [self.old_mirror, self.dump])
        self.assertContains(response, "Ana López withdrew her consent.")
        self.assertContains(response, "movement-archive export-site /srv/usb-mirror --language all --force")
        self.assertContains(response, "1 export needs a rebuild.")

    def test_an_administrator_sees_it_too(self):
        self.client.force_login(self.administrator)
        self.assertContains(self.client.get(PAGE), "/srv/archive.jsonl.gz")

    def test_a_researcher_and_a_community_member_do_not(self):
        for member in (self.researcher, self.community_member):
            self.client.force_login(member)
            response = self.client.get(PAGE)
            self.assertEqual(response.status_code, 302, member.username)
            self.assertNotIn("/srv/usb-mirror", response.content.decode())

    def test_the_menu_offers_it_to_editors_only(self):
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(reverse("wagtailadmin_home")), PAGE)
        self.client.force_login(self.researcher)
        self.assertNotContains(self.client.get(reverse("wagtailadmin_home")), PAGE)

    def test_a_rebuilt_export_goes_back_among_the_others_saying_what_replaced_it(self):
        record_export(
            kind=Export.Kind.SITE, path="/srv/usb-mirror", language="all", command="movement-archive ...", refs=[]
        )
        self.client.force_login(self.editor)
        response = self.client.get(PAGE)
        self.assertEqual(response.context["to_rebuild"], 0)
        self.assertContains(response, "replaced by the export of")
