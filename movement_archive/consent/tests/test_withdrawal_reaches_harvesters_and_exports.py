"""A withdrawal reaches what has already left the archive: harvesters are told to delete their copy, and the
exports that hold the material are listed for editors to rebuild."""

from __future__ import annotations

import pytest

from movement_archive.consent.actions import record_consent, withdraw_consent
from movement_archive.consent.models import Attribution, Method, Scope
from movement_archive.contributions.models import Contribution
from movement_archive.exports.actions import record_export
from movement_archive.exports.models import Export
from movement_archive.harvesting.tests.helpers import ask, deleted
from movement_archive.testing import make_organisation, make_person

pytestmark = pytest.mark.django_db


def oai_id(key: str) -> str:
    return f"oai:127.0.0.1:people:{key}"


def test_a_withdrawn_person_is_harvested_as_deleted(client):
    person = make_person(name="Synthetic Withdrawing Organiser")
    withdraw_consent(person=person, method=Method.WRITTEN)

    root = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc")

    assert deleted(root) == [oai_id(person.key)]


def test_a_person_narrowed_to_the_community_is_harvested_as_deleted_and_a_restricted_one_is_never_named(client):
    narrowed = make_person(name="Synthetic Narrowing Organiser")
    restricted = make_person(name="Synthetic Restricted Organiser", access="restricted")
    for person in (narrowed, restricted):
        record_consent(
            person=person, scope=Scope.COMMUNITY, attribution=Attribution.NAME,
            agreed_on=person.created_at.date(), method=Method.SIGNED_FORM,
        )  # fmt: skip

    root = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc")

    assert deleted(root) == [oai_id(narrowed.key)]


def test_exports_holding_a_withdrawn_person_are_listed_for_rebuilding_and_others_are_not():
    person, other = make_person(name="Synthetic Exported Organiser"), make_person(name="Synthetic Other Organiser")
    holding = record_export(
        kind="site", path="/srv/mirror", language="en", command="movement-archive export-site /srv/mirror",
        refs=[("person", person.key), ("person", other.key)],
    )  # fmt: skip
    elsewhere = record_export(
        kind="dump", path="/srv/dump.jsonl", language="en", command="movement-archive dump /srv/dump.jsonl",
        refs=[("person", other.key)],
    )  # fmt: skip

    withdraw_consent(person=person, method=Method.WRITTEN)

    assert Export.objects.get(pk=holding.pk).rebuild_requested_at is not None
    assert f"person:{person.key}" in Export.objects.get(pk=holding.pk).rebuild_reason
    assert Export.objects.get(pk=elsewhere.pk).rebuild_requested_at is None


def test_a_withdrawn_organisation_with_restricted_whereabouts_is_gone_not_unknown(client):
    contribution = Contribution.objects.create(token_digest="1" * 64, group_name="A group", founded="")
    careful = make_organisation(name="Synthetic Careful Union", access="restricted", made_from=contribution)

    withdraw_consent(contribution=contribution, method=Method.ONLINE_FORM)

    assert client.get(careful.get_absolute_url()).status_code == 410
