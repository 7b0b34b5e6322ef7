"""A harvester that asks wrongly is told which argument is wrong, with the protocol's error code."""

from __future__ import annotations

import pytest

from movement_archive.harvesting import tokens
from movement_archive.harvesting.queries import Position
from movement_archive.testing import make_organisation

from .helpers import BASE_URL, ask, error, token
from .structure import q

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("arguments", "code", "named"),
    [
        ({}, "badVerb", "verb"),
        ({"verb": "ListEverything"}, "badVerb", "ListEverything"),
        ({"verb": "Identify", "metadataPrefix": "oai_dc"}, "badArgument", "metadataPrefix"),
        ({"verb": "ListRecords"}, "badArgument", "metadataPrefix"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument", "identifier"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument", "from"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "2024-5-1"}, "badArgument", "until"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-02-30"}, "badArgument", "from"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-01-01", "until": "2024-02-01T00:00:00Z"},
            "badArgument",
            "granularity",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-02-01", "until": "2024-01-01"},
            "badArgument",
            "later",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "recipes"}, "badArgument", "recipes"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat", "marc21"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "junkiebond"}, "idDoesNotExist", "junkiebond"),
        ({"verb": "ListRecords", "resumptionToken": "made-up"}, "badResumptionToken", "resumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "made-up"}, "badResumptionToken", "resumptionToken"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc"}, "noRecordsMatch", "No record"),
    ],
)
def test_each_mistake_has_its_error_and_a_message_naming_it(client, arguments, code, named):
    found_code, message = error(ask(client, **arguments))

    assert (found_code, named in message) == (code, True), message


def test_an_argument_given_twice_is_refused(client):
    root = ask(client, **{"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]})

    assert error(root) == ("badArgument", "Arguments given more than once: metadataPrefix.")


def test_the_verb_given_twice_is_refused(client):
    assert error(ask(client, verb=["Identify", "ListSets"]))[0] == "badVerb"


def test_a_token_may_not_come_with_other_arguments(client):
    root = ask(client, verb="ListRecords", metadataPrefix="oai_dc", resumptionToken="anything")

    assert error(root) == ("badArgument", "resumptionToken is an exclusive argument: give it alone, with the verb.")


def test_after_a_bad_verb_or_argument_the_request_is_echoed_without_arguments(client):
    for arguments in ({"verb": "Nope"}, {"verb": "ListRecords"}):
        request = ask(client, **arguments).find(q("request"))
        assert (request.text, request.attrib) == (BASE_URL, {})


def test_after_other_errors_the_request_is_echoed_with_its_arguments(client):
    request = ask(client, verb="ListRecords", metadataPrefix="marc21").find(q("request"))

    assert request.attrib == {"verb": "ListRecords", "metadataPrefix": "marc21"}


def test_a_token_altered_by_hand_or_used_with_another_verb_is_refused(client, monkeypatch):
    from movement_archive.harvesting import views

    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    make_organisation(name="First union")
    make_organisation(name="Second union")
    issued = token(ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc")).text
    forged = tokens.encode(tokens.Resumption("ListIdentifiers", {"metadataPrefix": "oai_dc"}, Position(0, 0), 0))

    assert error(ask(client, verb="ListRecords", resumptionToken=issued))[0] == "badResumptionToken"
    assert error(ask(client, verb="ListIdentifiers", resumptionToken=issued[:-2] + "xx"))[0] == "badResumptionToken"
    assert ask(client, verb="ListIdentifiers", resumptionToken=forged).find(q("ListIdentifiers")) is not None


def test_a_bad_query_is_still_answered_in_xml_with_status_200(client):
    response = client.get("/oai", {"verb": "Nope"})

    assert (response.status_code, response["Content-Type"]) == (200, "text/xml; charset=utf-8")
