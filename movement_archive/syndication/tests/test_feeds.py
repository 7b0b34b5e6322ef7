"""A reader subscribes to the archive's feeds: the newest records across the archive, or of one kind, each entry
linking to its page with the summary the page shows, in the language the feed was found in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from movement_archive.organisations.models import Organisation
from movement_archive.testing import make_episode, make_event, make_interview, make_organisation, make_person

from .reading import ATOM, feed_entries, titles

pytestmark = pytest.mark.django_db


def _published_days_ago(record, days: int) -> None:
    moment = timezone.now() - timedelta(days=days)
    type(record).objects.filter(pk=record.pk).update(first_published_at=moment, updated_at=moment)


def test_recent_additions_gather_every_kind_newest_first(client):
    old = make_organisation(name="Synthetic Old Union")
    _published_days_ago(old, 30)
    event = make_event(title="A synthetic conference")
    _published_days_ago(event, 2)
    person = make_person(name="Synthetic Organiser")
    _published_days_ago(person, 1)

    entries = feed_entries(client, "/feeds/recent.atom")

    assert titles(entries) == ["Synthetic Organiser", "A synthetic conference", "Synthetic Old Union"]


def test_an_entry_links_to_the_page_and_carries_its_dates_and_short_summary(client):
    words = " ".join(f"word{n}" for n in range(60))
    union = make_organisation(name="Synthetic Dock Union", description=f"Dockers & <friends> {words}")

    (entry,) = feed_entries(client, "/feeds/organisations.atom")

    assert entry.find(f"{{{ATOM}}}link").get("href") == f"http://testserver{union.get_absolute_url()}"
    summary = entry.findtext(f"{{{ATOM}}}summary")
    assert summary.startswith("Dockers &amp; &lt;friends&gt; word0")  # sent as HTML, so it reads as plain text
    assert summary.endswith("…") and "word40" not in summary
    assert entry.findtext(f"{{{ATOM}}}updated") == union.updated_at.isoformat()


def test_each_kind_has_its_own_feed(client):
    make_organisation(name="Synthetic Dock Union")
    make_event(title="A synthetic conference")
    make_episode(title="A synthetic episode")
    make_interview(title="A synthetic interview")

    assert titles(feed_entries(client, "/feeds/organisations.atom")) == ["Synthetic Dock Union"]
    assert titles(feed_entries(client, "/feeds/events.atom")) == ["A synthetic conference"]
    assert titles(feed_entries(client, "/feeds/episodes.atom")) == ["1. A synthetic episode"]
    assert titles(feed_entries(client, "/feeds/interviews.atom")) == ["A synthetic interview"]
    assert client.get("/feeds/no-such-kind.atom").status_code == 404


def test_the_spanish_feed_links_to_the_spanish_pages(client):
    path = make_organisation(name="Synthetic Dock Union").get_absolute_url()

    response = client.get("/es/feeds/organisations.atom")

    assert f'href="http://testserver/es{path}"' in response.content.decode()
    assert 'xml:lang="es"' in response.content.decode()


def test_every_reading_page_advertises_the_feeds(client):
    page = client.get("/").content.decode()

    assert '<link rel="alternate" type="application/atom+xml"' in page
    assert 'href="/feeds/recent.atom"' in page
    assert 'href="/feeds/organisations.atom"' in page
    assert 'href="/es/feeds/recent.atom"' in client.get("/es/").content.decode()


def test_a_feed_takes_the_same_queries_for_five_records_as_for_forty(client):
    def queries_for(address: str) -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(address).status_code == 200
        return len(context)

    for number in range(5):
        make_organisation(name=f"Synthetic Union {number}")
    few = (queries_for("/feeds/organisations.atom"), queries_for("/feeds/recent.atom"))
    Organisation.objects.bulk_create(
        Organisation(name=f"Union {n}", key=f"union-{n}", kind="user_group", scope="local", live=True)
        for n in range(35)
    )

    assert (queries_for("/feeds/organisations.atom"), queries_for("/feeds/recent.atom")) == few
    assert few[0] == 1


def test_feeds_set_no_cookie(client):
    make_organisation()

    for address in ("/feeds/recent.atom", "/feeds/organisations.atom", "/es/feeds/recent.atom"):
        response = client.get(address)
        assert response.status_code == 200
        assert response.cookies == {}, address
