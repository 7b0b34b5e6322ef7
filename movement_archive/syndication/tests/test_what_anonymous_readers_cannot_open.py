"""Whatever an anonymous reader cannot open (a hidden person, an interview for editors or researchers, a draft, the
unpublished changes to a live record) is in no sitemap, feed or harvest: every one of them asks ``visible_to``."""

from __future__ import annotations

import pytest

from movement_archive.harvesting.tests.helpers import ask, error, harvest
from movement_archive.testing import make_event, make_interview, make_organisation, make_person

from .reading import feed_entries, listed, titles

pytestmark = pytest.mark.django_db

FEEDS = ("/feeds/recent.atom", "/feeds/organisations.atom", "/feeds/events.atom", "/feeds/interviews.atom")


@pytest.fixture
def unseen(db):
    """Records no anonymous reader may open, beside one they may."""
    return [
        make_person(name="Synthetic Hidden Organiser", access="restricted"),
        make_interview(title="Synthetic interview for editors", access="restricted"),
        make_interview(title="Synthetic interview for researchers", access="community"),
        make_organisation(name="Synthetic draft union", live=False),
        make_event(title="Synthetic draft event", live=False),
    ]


def _everything_machines_are_told(client) -> str:
    parts = listed(client)
    for feed in FEEDS:
        parts += titles(feed_entries(client, feed))
    parts += harvest(client, "ListRecords", metadataPrefix="oai_dc")[0]
    parts.append(client.get("/oai", {"verb": "ListRecords", "metadataPrefix": "oai_dc"}).content.decode())
    return "\n".join(parts)


def test_a_hidden_person_a_closed_interview_or_a_draft_is_in_no_sitemap_feed_or_harvest(client, unseen):
    make_organisation(name="Synthetic Open Union")

    told = _everything_machines_are_told(client)

    assert "synthetic-open-union" in told
    for record in unseen:
        assert record.key not in told, record
        assert str(record) not in told, record


def test_a_hidden_person_cannot_be_fetched_by_identifier(client, unseen):
    hidden = unseen[0]

    root = ask(client, verb="GetRecord", identifier=f"oai:127.0.0.1:people:{hidden.key}", metadataPrefix="oai_dc")

    assert error(root)[0] == "idDoesNotExist"


def test_a_live_records_unpublished_changes_stay_out_of_feeds_and_harvests(client):
    union = make_organisation(name="Synthetic Dock Union", description="As published.")
    union.name, union.description = "A name still in draft", "A description still in draft."
    union.save_revision()  # saved as a draft revision; the live row keeps what was published

    told = _everything_machines_are_told(client)

    assert "Synthetic Dock Union" in told
    assert "still in draft" not in told
