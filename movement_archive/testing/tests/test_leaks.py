"""Finding markers in what a crawl brought back, and reporting them: pure code, on made-up pages."""

from __future__ import annotations

import json

import pytest

from movement_archive.testing.leaks import (
    CrawlStats,
    Leak,
    Page,
    excerpt,
    find_markers,
    leak_report,
    missing_markers,
    prefix_clashes,
    search_hits,
    search_query,
)


def page(url: str, text: str, kind: str = "html", status: int = 200, content_type: str = "text/html") -> Page:
    return Page(url, status, content_type, text, kind)


def test_a_marker_is_found_on_every_page_it_is_on_once_per_page():
    pages = [
        page("/a/", "Zqsealed01 twice: Zqsealed01"),
        page("/b/", "nothing here"),
        page("/c/", '{"note": "Zqsealed01"}', kind="json"),
    ]
    leaks = find_markers(pages, {"Zqsealed01": "sealed note", "Zqother02": "other"})

    assert [(leak.marker, leak.description, leak.url) for leak in leaks] == [
        ("Zqsealed01", "sealed note", "/a/"),
        ("Zqsealed01", "sealed note", "/c/"),
    ]


def test_markers_are_found_as_html_and_json_escape_them():
    marker = 'Zq<sealed> & "Ünïcode"'
    html_page = page("/h/", "<p>Zq&lt;sealed&gt; &amp; &quot;Ünïcode&quot;</p>")
    json_page = page("/j/", json.dumps({"t": marker}), kind="json")  # ensure_ascii: \u00dc and \"

    assert [leak.url for leak in find_markers([html_page, json_page], {marker: "odd marker"})] == ["/h/", "/j/"]


def test_a_marker_stored_as_utf8_bytes_is_found_in_a_binary_body():
    body = ("\x00\xff" + "Zqgrabación07".encode().decode("latin-1")).encode("latin-1").decode("latin-1")
    binary = page("/media/r.mp3", body, kind="binary", content_type="audio/mpeg")

    assert [leak.url for leak in find_markers([binary], {"Zqgrabación07": "recording"})] == ["/media/r.mp3"]


def test_markers_are_case_sensitive_so_a_search_echo_in_another_case_is_no_leak():
    assert find_markers([page("/search/?q=zQSEALED01", "3 results for “zQSEALED01”")], {"Zqsealed01": "x"}) == []


def test_an_excerpt_is_the_text_around_the_marker_on_one_line():
    text = "a" * 100 + "\n  before   Zqmark  after\n" + "b" * 100
    at = text.index("Zqmark")

    assert excerpt(text, at, len("Zqmark")) == "a" * 48 + " before Zqmark after " + "b" * 52
    assert excerpt("Zqmark", 0, 6) == "Zqmark"


def test_missing_markers_are_those_on_no_page():
    pages = [page("/a/", "Zqseen01")]
    assert missing_markers(pages, {"Zqseen01": "seen", "Zqunseen02": "unseen"}) == {"Zqunseen02": "unseen"}


def test_the_search_asks_for_a_marker_in_the_other_case():
    assert search_query("Zqsealed01") == "zQSEALED01"
    with pytest.raises(ValueError, match="no letter with a case"):
        search_query("0001-2002")


def test_a_json_search_response_lists_its_results():
    found = page("/s/", json.dumps({"count": 1, "results": [{"url": "http://testserver/people/x/"}]}), kind="json")
    empty = page("/s/", json.dumps({"count": 0, "results": []}), kind="json")

    assert search_hits(found) == ["http://testserver/people/x/"]
    assert search_hits(empty) == []
    assert search_hits(page("/s/", "<ol class=results>", kind="html")) == []
    assert search_hits(page("/s/", "{}", kind="json", status=400)) == []


def test_markers_that_begin_one_another_are_caught_before_a_search_confuses_them():
    assert prefix_clashes(["Zqmark1", "Zqmark2", "zqMARK10", "Zqother"]) == [("Zqmark1", "zqMARK10")]
    assert prefix_clashes(["Zqmark01", "Zqmark02"]) == []


def test_the_report_lists_every_leak_grouped_by_marker_with_the_crawl_figures():
    leaks = [
        Leak("Zqa01", "sealed title", "/people/x/", "name"),
        Leak("Zqb02", "restricted line", "/interviews/y/?format=json", "line"),
        Leak("Zqa01", "sealed title", "/search/?q=zQA01", "title", found_on="/"),
    ]
    stats = CrawlStats()
    stats.count(page("/", ""))
    report = leak_report(leaks, stats)

    assert report.splitlines()[:6] == [
        "3 leak(s) of 2 marker(s):",
        "- Zqa01 [sealed title] on 2 response(s):",
        "    /people/x/: …name…",
        "    /search/?q=zQA01 (linked from /): …title…",
        "- Zqb02 [restricted line] on 1 response(s):",
        "    /interviews/y/?format=json: …line…",
    ]
    assert report.endswith("1 responses\n  by status: 200: 1\n  by content type: text/html: 1")
    assert str(leaks[2]) == "Zqa01 [sealed title] at /search/?q=zQA01 (linked from /): …title…"
