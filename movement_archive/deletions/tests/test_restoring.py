"""An editor deletes a record in the back office; an administrator finds it among the deleted records and brings it
back, with its other names, under its old key, published as it was."""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import ModelLogEntry

from movement_archive.deletions.actions import RESTORED
from movement_archive.deletions.models import DeletedRecord
from movement_archive.organisations.models import Organisation, OrganisationName
from movement_archive.testing import CastTestCase
from movement_archive.testing.cast import make_organisation

DELETED = reverse("deleted_records")


class RestoringADeletedRecord(CastTestCase):
    def setUp(self):
        union = make_organisation(name="Synthetic Harbour Union", description="Founded on the quay.")
        union.other_names.add(OrganisationName(name="Havenbond"))
        union.save_revision().publish()
        self.union = Organisation.objects.get(pk=union.pk)
        self.client.force_login(self.editor)
        delete = reverse("wagtailsnippets_organisations_organisation:delete", args=[self.union.pk])
        self.client.post(delete)

    def test_deleting_keeps_a_copy_saying_who_deleted_it(self):
        self.assertFalse(Organisation.objects.filter(pk=self.union.pk).exists())
        kept = DeletedRecord.objects.get()
        self.assertEqual((kept.key, kept.deleted_by), (self.union.key, self.editor))
        self.assertEqual(kept.data["description"], "Founded on the quay.")

    def test_an_editor_cannot_restore(self):
        self.assertRedirects(self.client.get(DELETED), reverse("wagtailadmin_home"))

    def test_an_administrator_restores_it_published_with_its_names_under_its_key(self):
        self.client.force_login(self.administrator)
        self.assertContains(self.client.get(DELETED), "Synthetic Harbour Union")
        self.client.post(DELETED, {"restore": DeletedRecord.objects.get().pk})
        back = Organisation.objects.get(key=self.union.key)
        self.assertTrue(back.live)
        self.assertEqual([n.name for n in back.other_names.all()], ["Havenbond"])
        self.assertEqual(self.client.get(back.get_absolute_url()).status_code, 200)
        self.assertTrue(ModelLogEntry.objects.filter(action=RESTORED, user=self.administrator).exists())
        self.assertIsNotNone(DeletedRecord.objects.get().restored_at)

    def test_a_key_taken_since_gives_the_restored_record_a_numbered_one(self):
        make_organisation(name="Another union", key=self.union.key)
        self.client.force_login(self.administrator)
        self.client.post(DELETED, {"restore": DeletedRecord.objects.get().pk})
        self.assertTrue(Organisation.objects.filter(key=f"{self.union.key}-2", name="Synthetic Harbour Union").exists())
