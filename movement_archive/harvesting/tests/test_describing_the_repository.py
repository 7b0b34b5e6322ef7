"""A harvester meets the archive: who it is, what formats and sets it offers, how it keeps deleted records."""

from __future__ import annotations

from datetime import timedelta

import pytest

from movement_archive.harvesting.oai_xml import OAI_DC, OAI_DC_SCHEMA
from movement_archive.organisations.models import Organisation
from movement_archive.testing import make_organisation

from .helpers import BASE_URL, ask, error
from .structure import q

pytestmark = pytest.mark.django_db


def test_identify_names_the_repository_its_address_and_its_rules(client, settings):
    settings.MOVEMENT_ARCHIVE_OAI_REPOSITORY_NAME = "Synthetic Archive"
    settings.MOVEMENT_ARCHIVE_OAI_ADMIN_EMAILS = ["keeper@archive.example.org", "second@archive.example.org"]
    union = make_organisation()
    Organisation.objects.filter(pk=union.pk).update(updated_at=union.updated_at - timedelta(days=3650))
    union.refresh_from_db()

    identify = ask(client, verb="Identify").find(q("Identify"))

    assert identify.findtext(q("repositoryName")) == "Synthetic Archive"
    assert identify.findtext(q("baseURL")) == BASE_URL
    assert [e.text for e in identify.findall(q("adminEmail"))] == settings.MOVEMENT_ARCHIVE_OAI_ADMIN_EMAILS
    assert identify.findtext(q("earliestDatestamp")) == union.updated_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert identify.findtext(q("deletedRecord")) == "persistent"
    assert identify.findtext(q("granularity")) == "YYYY-MM-DDThh:mm:ssZ"


def test_the_request_is_echoed_with_its_arguments(client):
    request = ask(client, verb="Identify").find(q("request"))

    assert (request.text, request.attrib) == (BASE_URL, {"verb": "Identify"})


def test_dublin_core_is_the_format_offered(client):
    make_organisation(key="synthetic-union")

    for arguments in ({}, {"identifier": "oai:127.0.0.1:organisations:synthetic-union"}):
        root = ask(client, verb="ListMetadataFormats", **arguments)
        (offered,) = root.iter(q("metadataFormat"))
        assert offered.findtext(q("metadataPrefix")) == "oai_dc"
        assert offered.findtext(q("schema")) == OAI_DC_SCHEMA
        assert offered.findtext(q("metadataNamespace")) == OAI_DC


def test_formats_for_an_unknown_record_is_an_error(client):
    root = ask(client, verb="ListMetadataFormats", identifier="oai:127.0.0.1:organisations:nobody")

    assert error(root)[0] == "idDoesNotExist"


def test_there_is_one_set_per_kind_of_record(client):
    root = ask(client, verb="ListSets")

    specs = [s.findtext(q("setSpec")) for s in root.iter(q("set"))]
    assert specs == ["organisations", "people", "events", "episodes", "interviews", "sources"]
    assert root.find(f".//{q('setName')}").text == "Organisations"
