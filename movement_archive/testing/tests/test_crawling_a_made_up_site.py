"""The crawler's rules, on a tiny made-up site where each page tests one: leaks reported with their address,
redirects recorded and followed, JSON read at any depth, recordings searched but not read, the query-variant cap,
the page budget, and addresses never fetched."""

from __future__ import annotations

import pytest
from django.test import override_settings

from movement_archive.testing.crawl import (
    CrawlBudgetExceeded,
    CrawlError,
    assert_no_leaks,
    assert_seen,
    crawl_site,
    find_markers,
)
from movement_archive.testing.links import json_twin

from . import leaky_site

SECRETS = {
    leaky_site.SECRET: "printed on an HTML page",
    leaky_site.JSON_SECRET: "deep in JSON behind a redirect",
    leaky_site.BINARY_SECRET: "in a recording's bytes",
}

pytestmark = pytest.mark.urls("movement_archive.testing.tests.leaky_site")


@pytest.fixture
def crawl(client):
    return crawl_site(client, start=["/"], max_variants=5)


def test_each_planted_secret_is_reported_as_a_leak_with_the_address_it_is_on(crawl):
    leaks = find_markers(crawl.pages.values(), SECRETS)

    assert {(leak.marker, leak.url) for leak in leaks} == {
        (leaky_site.SECRET, "/secret/"),
        (leaky_site.JSON_SECRET, "/data/?format=json"),
        (leaky_site.BINARY_SECRET, "/recording.mp3"),
    }
    html_leak = next(leak for leak in leaks if leak.url == "/secret/")
    assert html_leak.excerpt.endswith(f"Nobody should read {leaky_site.SECRET} here.</p></body></html>")
    assert html_leak.found_on == "/"


def test_assert_no_leaks_fails_with_a_report_naming_every_leak_not_only_the_first(client):
    with pytest.raises(AssertionError) as failure:
        assert_no_leaks(client, SECRETS, start=["/"], searches=[], max_variants=5)

    report = str(failure.value)
    assert report.startswith("3 leak(s) of 3 marker(s):")
    for marker, address in zip(SECRETS, ["/secret/", "/data/?format=json", "/recording.mp3"], strict=True):
        assert f"- {marker} [{SECRETS[marker]}] on 1 response(s):" in report
        assert f"    {address}" in report
    assert "by status: 200:" in report  # the crawl's figures come with it


def test_a_redirect_is_recorded_unfollowed_and_its_target_fetched_next(crawl):
    moved = crawl.pages["/moved/"]

    assert (moved.status, moved.location) == (302, "/data/?format=json")
    assert moved.text == ""
    assert crawl.pages["/data/?format=json"].found_on == "/moved/"


def test_json_is_read_at_any_depth_and_its_relative_next_page_resolved(crawl):
    assert {"/deep/", "/listed-in-json/", "/data/?format=json&page=2"} <= crawl.pages.keys()
    assert crawl.pages["/data/?format=json"].kind == "json"
    assert "/1990/1993" not in crawl.pages  # a date with a slash is not an address


def test_every_html_page_has_its_json_twin_fetched_too(crawl):
    html_pages = [page.url for page in crawl.pages.values() if page.kind == "html" and page.status == 200]

    assert len(html_pages) > 10
    for url in html_pages:
        twin = crawl.pages[json_twin(url)]
        assert (twin.kind, twin.text) == ("json", f'{{"twin_of": "{url.partition("?")[0]}"}}')


def test_a_recording_is_searched_but_the_links_in_its_bytes_are_not_followed(crawl):
    recording = crawl.pages["/recording.mp3"]

    assert (recording.kind, recording.media_type) == ("binary", "audio/mpeg")
    assert "/inside-the-recording/" in recording.text
    assert "/inside-the-recording/" not in crawl.pages


def test_a_get_form_is_followed_to_its_action_and_a_post_form_never(crawl):
    assert "/found/" in crawl.pages
    assert "/posted/" not in crawl.pages


def test_the_back_office_logout_links_and_other_hosts_are_never_fetched(crawl):
    assert not [url for url in crawl.pages if url.startswith(("/admin/", "/accounts/"))]
    assert crawl.skipped["/admin/secret/"] == "never followed: /admin/"
    assert crawl.skipped["/accounts/logout/"] == "a logout address"
    assert crawl.skipped["https://elsewhere.example/page/"] == "another host or scheme"
    assert crawl.skipped["mailto:someone@example.org"] == "another host or scheme"


def test_filters_are_capped_per_path_but_an_unfiltered_list_is_read_to_its_last_page(crawl):
    colours = [url for url in crawl.pages if url.startswith("/list/?colour=") and "format" not in url]
    pages = [url for url in crawl.pages if url.startswith("/list/?page=")]

    assert len(colours) == 5  # max_variants
    assert crawl.stats.capped["/list/"] == leaky_site.FILTERS - 5
    assert len(pages) == leaky_site.PAGES - 1  # ?page=2 to ?page=12, beside /list/ itself
    # A JSON twin goes with its page: a visited variant has its twin, a capped one has neither.
    assert {f"{url}&format=json" for url in colours} <= crawl.pages.keys()


def test_the_same_page_is_fetched_once_however_its_links_are_written(crawl):
    assert "/secret/" in crawl.pages
    assert not [url for url in crawl.pages if "#" in url]
    # Every colour link is written ?colour=N on each of the twelve pages of the list, yet fetched once.
    assert len(crawl.pages) == len(set(crawl.pages))
    assert crawl.stats.pages == len(crawl.pages)


def test_the_stats_count_every_response_by_status_and_content_type(crawl):
    assert crawl.stats.by_status[302] == 1
    assert crawl.stats.by_status[200] == crawl.stats.pages - 1
    assert crawl.stats.by_content_type["audio/mpeg"] == 1
    html = crawl.stats.by_content_type["text/html"]
    # A twin for each HTML page but the redirect, and the two pages of /data/.
    assert crawl.stats.by_content_type["application/json"] == (html - 1) + 2
    assert html + crawl.stats.by_content_type["application/json"] + 1 == crawl.stats.pages


def test_a_crawl_that_would_go_past_its_budget_fails_rather_than_stopping_quietly(client):
    with pytest.raises(CrawlBudgetExceeded, match=r"fetched 3 pages and \d+ more were waiting"):
        crawl_site(client, start=["/"], max_pages=3)


def test_a_page_that_raises_is_named_in_the_failure(client):
    with pytest.raises(CrawlError, match=r"/broken/ \(linked from the start\) raised ValueError"):
        crawl_site(client, start=["/broken/"])


def test_assert_seen_names_the_markers_found_nowhere(crawl):
    assert_seen(crawl, {leaky_site.SECRET: "on a page"})

    with pytest.raises(AssertionError, match=r"1 marker\(s\).*found nowhere:\n- Zqabsent0009 \[never planted\]"):
        assert_seen(crawl, {leaky_site.SECRET: "on a page", "Zqabsent0009": "never planted"})


@override_settings(MEDIA_URL="/list/")
def test_media_addresses_are_searched_but_not_read_for_links(client):
    crawl = crawl_site(client, start=["/", "/list/"])

    assert crawl.pages["/list/"].kind == "binary"
    assert not [url for url in crawl.pages if url.startswith("/list/?")]
