"""A harvester takes the archive's records in Dublin Core, a page at a time, by kind and by date, and comes back
later for what changed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from movement_archive.harvesting import views
from movement_archive.organisations.models import Organisation
from movement_archive.testing import make_event, make_organisation, make_person

from .helpers import ENDPOINT, ask, error, harvest, identifiers
from .structure import DC, q

pytestmark = pytest.mark.django_db


def oai_id(kind: str, key: str) -> str:
    return f"oai:127.0.0.1:{kind}:{key}"


def _changed_on(record, moment: datetime) -> None:
    type(record).objects.filter(pk=record.pk).update(updated_at=moment)


def test_a_record_carries_what_its_page_shows_in_dublin_core(client):
    union = make_organisation(name="Synthetic Dock Union", acronym="SDU", founded="1981-04", description="Dockers.")

    root = ask(client, verb="GetRecord", identifier=oai_id("organisations", union.key), metadataPrefix="oai_dc")

    record = root.find(f"{q('GetRecord')}/{q('record')}")
    assert record.findtext(f"{q('header')}/{q('setSpec')}") == "organisations"
    dc = {child.tag.split("}")[1]: child.text for child in record.find(q("metadata"))[0]}
    assert dc == {
        "title": "Synthetic Dock Union (SDU)",
        "identifier": f"http://testserver{union.get_absolute_url()}",
        "type": "organisation",
        "date": "1981-04",
        "description": "Dockers.",
        "publisher": "Movement Archive",
    }


def test_a_person_is_harvested_by_name_alone(client):
    person = make_person(name="Synthetic Organiser", biography="Born in a port town.")

    root = ask(client, verb="GetRecord", identifier=oai_id("people", person.key), metadataPrefix="oai_dc")

    texts = [element.text for element in root.iter() if element.tag.startswith(f"{{{DC}}}")]
    assert "Synthetic Organiser" in texts
    assert not [text for text in texts if "port town" in text]


def test_identifiers_use_the_configured_repository_identifier(client, settings):
    settings.MOVEMENT_ARCHIVE_OAI_REPOSITORY_ID = "archive.example.org"
    union = make_organisation()

    found, _tokens = harvest(client, metadataPrefix="oai_dc")

    assert found == [f"oai:archive.example.org:organisations:{union.key}"]
    root = ask(client, verb="GetRecord", identifier=oai_id("organisations", union.key), metadataPrefix="oai_dc")
    assert error(root)[0] == "idDoesNotExist"  # the old repository identifier is not ours any more


def test_a_set_holds_one_kind_of_record(client):
    union = make_organisation()
    founding = make_event()

    assert harvest(client, metadataPrefix="oai_dc", set="events")[0] == [oai_id("events", founding.key)]
    assert harvest(client, metadataPrefix="oai_dc")[0] == [
        oai_id("organisations", union.key),
        oai_id("events", founding.key),
    ]


def test_from_and_until_select_records_by_their_last_change_in_days_or_seconds(client):
    old, recent = make_organisation(name="Old union"), make_organisation(name="Recent union")
    _changed_on(old, datetime(2020, 3, 1, 12, 0, 0, 500_000, tzinfo=UTC))
    _changed_on(recent, datetime(2024, 6, 1, 8, 30, tzinfo=UTC))

    def found(**dates: str) -> list[str]:
        return harvest(client, metadataPrefix="oai_dc", **dates)[0]

    assert found(until="2020-03-01") == [oai_id("organisations", old.key)]
    assert found(until="2020-03-01T12:00:00Z") == [oai_id("organisations", old.key)]  # until includes its second
    assert found(**{"from": "2020-03-02"}) == [oai_id("organisations", recent.key)]
    assert found(**{"from": "2024-06-01T08:30:00Z", "until": "2024-06-01T08:30:00Z"}) == [
        oai_id("organisations", recent.key)
    ]
    root = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until="2019-12-31")
    assert error(root)[0] == "noRecordsMatch"


def test_a_long_list_comes_in_pages_each_with_a_token_for_the_next(client, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    unions = [make_organisation(name=f"Synthetic Union {n}") for n in range(4)]
    people = [make_person(name=f"Synthetic Organiser {n}") for n in range(3)]

    found, tokens = harvest(client, metadataPrefix="oai_dc")

    expected = [oai_id("organisations", u.key) for u in unions] + [oai_id("people", p.key) for p in people]
    assert found == expected  # each once, in order
    assert [int(token.get("cursor")) for token in tokens] == [0, 3, 6]
    assert tokens[-1].text is None  # the last part of a split list ends with an empty token


def test_a_token_keeps_the_set_and_dates_first_asked_for(client, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    events = [make_event(title=f"Synthetic event {n}") for n in range(5)]
    make_organisation()

    found, _tokens = harvest(client, "ListRecords", metadataPrefix="oai_dc", set="events")

    assert found == [oai_id("events", e.key) for e in events]


def test_a_list_that_fits_in_one_page_has_no_token(client):
    make_organisation()

    root = ask(client, verb="ListRecords", metadataPrefix="oai_dc")

    assert root.find(f"{q('ListRecords')}/{q('resumptionToken')}") is None


def test_harvesters_may_post_their_arguments(client):
    union = make_organisation()

    response = client.post(ENDPOINT, {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})

    assert response.status_code == 200
    assert oai_id("organisations", union.key) in response.content.decode()


def test_a_page_takes_the_same_queries_for_ten_records_as_for_a_hundred(client):
    def queries_for_a_page() -> int:
        with CaptureQueriesContext(connection) as context:
            root = ask(client, verb="ListRecords", metadataPrefix="oai_dc", set="organisations")
        assert identifiers(root)
        return len(context)

    make_organisation()
    Organisation.objects.bulk_create(
        Organisation(name=f"Union {n}", key=f"union-{n}", kind="user_group", scope="local", live=True) for n in range(9)
    )
    few = queries_for_a_page()
    Organisation.objects.bulk_create(
        Organisation(name=f"Union {n}", key=f"union-{n}", kind="user_group", scope="local", live=True)
        for n in range(9, 150)
    )

    # A full page of the first kind reads its records alone; a page that ends within it reads the removed ones too
    # (the deleted copies, and the records whose consent narrowed).
    assert queries_for_a_page() <= few <= 3


def test_the_endpoint_sets_no_cookie(client):
    make_organisation()

    for arguments in ({"verb": "Identify"}, {"verb": "ListRecords", "metadataPrefix": "oai_dc"}, {"verb": "x"}):
        response = client.get(ENDPOINT, arguments)
        assert response.cookies == {}
        assert "default-src 'none'" in response["Content-Security-Policy"]


def test_the_day_a_record_changes_is_when_harvesters_see_it_again(client):
    union = make_organisation()
    yesterday = timezone.now() - timedelta(days=1)
    _changed_on(union, yesterday - timedelta(days=10))
    since = yesterday.strftime("%Y-%m-%d")
    assert error(ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": since}))[0] == "noRecordsMatch"

    union = Organisation.objects.get(pk=union.pk)
    union.description = "Now with a description."
    union.save_revision().publish()

    assert harvest(client, metadataPrefix="oai_dc", **{"from": since})[0] == [oai_id("organisations", union.key)]
