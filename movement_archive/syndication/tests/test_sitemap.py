"""A search engine reads /robots.txt, finds the sitemap, and from its index every page anyone may open, in English
and in Spanish, each naming its other language version."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from movement_archive.organisations.models import Organisation
from movement_archive.syndication import sitemaps
from movement_archive.testing import make_country, make_episode, make_event, make_organisation, make_person

from .reading import alternates, listed, sitemap_pages

pytestmark = pytest.mark.django_db

HOST = "http://testserver"


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_and_endless_pages(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {HOST}/sitemap.xml" in lines
    for path in ("/admin/", "/contribute/receipt/", "/es/contribute/receipt/", "/search/", "/es/search/"):
        assert f"Disallow: {path}" in lines


def test_the_sitemap_lists_the_home_page_the_list_pages_and_every_visible_record(client):
    union = make_organisation(name="Synthetic Dock Union", countries=[make_country("NL")])
    person = make_person(name="Synthetic Organiser")
    founding = make_event(title="The dock union is founded", organisations=[union])
    episode = make_episode()

    addresses = listed(client)

    for path in (
        "/",
        "/organisations/",
        "/people/",
        "/events/timeline/",
        "/episodes/",
        "/sources/",
        union.get_absolute_url(),
        person.get_absolute_url(),
        founding.get_absolute_url(),
        episode.get_absolute_url(),
        "/places/nl/",
        "/places/regions/europe/",
    ):
        assert f"{HOST}{path}" in addresses
        assert f"{HOST}/es{path}" in addresses


def test_each_language_version_names_both_with_english_as_the_default(client):
    union = make_organisation(name="Synthetic Dock Union")
    english, spanish = f"{HOST}{union.get_absolute_url()}", f"{HOST}/es{union.get_absolute_url()}"

    found = alternates(client, "organisations")

    expected = {"en": english, "es": spanish, "x-default": english}
    assert found == {english: expected, spanish: expected}


def test_a_record_page_carries_the_date_it_last_changed(client):
    union = make_organisation(name="Synthetic Dock Union")
    Organisation.objects.filter(pk=union.pk).update(updated_at=union.updated_at - timedelta(days=400))
    union.refresh_from_db()

    page = client.get("/sitemaps/organisations/1.xml").content.decode()

    assert f"<lastmod>{union.updated_at.strftime('%Y-%m-%dT%H:%M:%SZ')}</lastmod>" in page


def test_a_large_kind_is_split_into_pages_each_listed_in_the_index(client, monkeypatch):
    monkeypatch.setattr(sitemaps, "RECORDS_PER_PAGE", 2)
    for number in range(5):
        make_organisation(name=f"Synthetic Union {number}")

    pages = [page for page in sitemap_pages(client) if "/sitemaps/organisations/" in page]

    assert pages == [f"{HOST}/sitemaps/organisations/{n}.xml" for n in (1, 2, 3)]
    assert len(alternates(client, "organisations", 3)) == 2  # one organisation, in two languages
    assert client.get("/sitemaps/organisations/4.xml").status_code == 404
    assert client.get("/sitemaps/no-such-kind/1.xml").status_code == 404
    assert client.get("/sitemaps/organisations/0.xml").status_code == 404
    assert client.get(f"/sitemaps/organisations/{2**63 - 1}.xml").status_code == 404
    assert client.get(f"/sitemaps/organisations/{10**30}.xml").status_code == 404


def test_an_empty_kind_has_no_page_in_the_index(client):
    make_organisation()

    pages = sitemap_pages(client)

    assert f"{HOST}/sitemaps/organisations/1.xml" in pages
    assert not [page for page in pages if "/sitemaps/interviews/" in page]


def test_a_page_of_the_sitemap_takes_the_same_queries_for_ten_records_as_for_forty(client):
    def queries_for_a_page() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get("/sitemaps/organisations/1.xml").status_code == 200
        return len(context)

    for number in range(10):
        make_organisation(name=f"Synthetic Union {number}")
    few = queries_for_a_page()
    for number in range(10, 40):
        make_organisation(name=f"Synthetic Union {number}")

    assert queries_for_a_page() == few == 1


def test_the_index_takes_one_query_per_kind_however_many_records(client, django_assert_max_num_queries):
    for number in range(30):
        make_organisation(name=f"Synthetic Union {number}")
        make_event(title=f"Synthetic event {number}")

    # Seven kinds, one more to find the series the episodes belong to, four to find the countries and their
    # figures (kept afterwards until the archive changes).
    with django_assert_max_num_queries(12):
        assert client.get("/sitemap.xml").status_code == 200


def test_the_sitemap_and_robots_txt_set_no_cookie_and_keep_the_reading_rooms_policy(client):
    make_organisation()

    for address in ("/robots.txt", "/sitemap.xml", "/sitemaps/organisations/1.xml", "/sitemaps/pages/1.xml"):
        response = client.get(address)
        assert response.status_code == 200
        assert response.cookies == {}, address
        assert "default-src 'none'" in response["Content-Security-Policy"]
