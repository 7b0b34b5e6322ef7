"""A record deleted in the back office stays in the harvest as a deleted header, so harvesters drop their copy;
what was never public is never announced, not even as deleted."""

from __future__ import annotations

from datetime import timedelta

import pytest

from movement_archive.deletions.actions import restore
from movement_archive.deletions.models import DeletedRecord
from movement_archive.harvesting.queries import Removed, removed_records
from movement_archive.testing import make_interview, make_organisation, make_person

from .helpers import ask, deleted, error, harvest
from .structure import q

pytestmark = pytest.mark.django_db


def oai_id(kind: str, key: str) -> str:
    return f"oai:127.0.0.1:{kind}:{key}"


def test_a_deleted_organisation_is_harvested_as_deleted_with_the_day_it_went(client):
    union = make_organisation(name="Synthetic Dock Union")
    union.delete()
    removed_at = DeletedRecord.objects.get().deleted_at

    root = ask(client, verb="ListRecords", metadataPrefix="oai_dc")

    assert deleted(root) == [oai_id("organisations", union.key)]
    header = next(root.iter(q("header")))
    assert header.findtext(q("datestamp")) == removed_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert header.findtext(q("setSpec")) == "organisations"
    assert root.find(f".//{q('metadata')}") is None


def test_a_deleted_record_answers_getrecord_and_listidentifiers_as_deleted(client):
    union = make_organisation()
    union.delete()

    record = ask(client, verb="GetRecord", identifier=oai_id("organisations", union.key), metadataPrefix="oai_dc")
    identifiers = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="organisations")

    assert deleted(record) == deleted(identifiers) == [oai_id("organisations", union.key)]


def test_harvesting_from_a_date_finds_removals_since_then(client):
    union = make_organisation()
    union.delete()
    DeletedRecord.objects.update(deleted_at=DeletedRecord.objects.get().deleted_at - timedelta(days=30))
    recent = DeletedRecord.objects.get().deleted_at + timedelta(days=1)

    since = {"from": recent.strftime("%Y-%m-%d")}
    assert error(ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **since))[0] == "noRecordsMatch"
    assert harvest(client, metadataPrefix="oai_dc")[0] == [oai_id("organisations", union.key)]


def test_a_restored_record_is_live_again_not_deleted(client, administrator):
    union = make_organisation()
    union.delete()
    restore(DeletedRecord.objects.get(), administrator)

    root = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc")

    assert deleted(root) == []
    assert [h.findtext(q("identifier")) for h in root.iter(q("header"))] == [oai_id("organisations", union.key)]


def test_a_deleted_draft_hidden_person_or_closed_interview_is_never_announced(client):
    for record in (
        make_organisation(name="A draft union", live=False),
        make_person(name="A hidden organiser", access="restricted"),
        make_interview(title="An interview for editors", access="restricted"),
    ):
        record.delete()

    assert removed_records() == []
    assert error(ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc"))[0] == "noRecordsMatch"
    root = ask(client, verb="GetRecord", identifier=oai_id("people", "a-hidden-organiser"), metadataPrefix="oai_dc")
    assert error(root)[0] == "idDoesNotExist"


def test_removed_records_says_what_kind_which_key_and_when(client):
    person = make_person(name="Synthetic Organiser")
    person.delete()

    (removed,) = removed_records()

    assert removed == Removed("people", person.key, DeletedRecord.objects.get().deleted_at)
    assert removed_records(["organisations"]) == []
