"""Reading addresses out of HTML, JSON, XML and text, and writing each address one way: pure code, small strings."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from movement_archive.testing import links
from movement_archive.testing.links import (
    BINARY,
    HTML,
    JSON,
    TEXT,
    XML,
    canonical_query,
    charset_of,
    json_twin,
    kind_of,
    links_in,
    links_in_html,
    links_in_json,
    links_in_xml,
    target,
    variant,
    with_query,
)
from movement_archive.testing.purity import is_framework, loaded_by

HOSTS = ("testserver", "127.0.0.1:8000")
PURE_MODULES = ("links", "leaks")
TESTING = Path(__file__).resolve().parent.parent


# HTML -----------------------------------------------------------------------------------------------------------


def test_a_page_yields_its_links_media_and_get_forms_in_document_order():
    page = """
        <link rel="alternate" type="application/json" href="?format=json">
        <a href="/people/?country=NL&amp;page=2">people</a>
        <form method="get" action="/search/"><input name="q"></form>
        <form method="POST" action="/contribute/"></form>
        <form action="/search/again/"></form>
        <img src="/places/map.svg"><audio src="rec.mp3"><track src="/captions/en.vtt"></audio>
        <video poster="/still.jpg"><source src="/film.webm"></video>
        <meta http-equiv="Refresh" content="0; URL='/moved/'">
        <a name="no-href">anchor</a>
    """
    assert links_in_html(page) == [
        "?format=json",
        "/people/?country=NL&page=2",
        "/search/",
        "/search/again/",
        "/places/map.svg",
        "rec.mp3",
        "/captions/en.vtt",
        "/still.jpg",
        "/film.webm",
        "/moved/",
    ]


def test_json_ld_in_a_page_is_read_as_json_and_a_broken_block_is_passed_over():
    page = """<script type="application/ld+json">{"@id": "http://testserver/people/ana/", "name": "Ana"}</script>
              <script type="application/ld+json">{not json</script>
              <script src="/static/player.js"></script><script>var url = "/not/a/link/";</script>"""
    # The JSON-LD's addresses come after the attributes', as the blocks are read once the page is parsed.
    assert links_in_html(page) == ["/static/player.js", "http://testserver/people/ana/"]


# JSON -----------------------------------------------------------------------------------------------------------


def test_json_addresses_are_found_at_any_depth_and_prose_and_dates_are_not():
    data = {
        "count": 2,
        "next": "?page=3&format=json",
        "previous": "http://testserver/people/?page=1&format=json",
        "results": [
            {"url": "http://testserver/people/ana/", "biography": "Moved from / to / in 1990."},
            {"links": [["/organisations/vandu/"]], "period": "1990/1993", "relative": "?not=a-link-key"},
        ],
        "elsewhere": "https://example.org/x",
    }
    assert links_in_json(data) == [
        "?page=3&format=json",
        "http://testserver/people/?page=1&format=json",
        "http://testserver/people/ana/",
        "/organisations/vandu/",
        "https://example.org/x",
    ]


def test_json_nested_deeper_than_the_recursion_limit_is_still_read():
    data: object = "/bottom/"
    for _ in range(5000):
        data = {"inner": [data]}
    assert links_in_json(data) == ["/bottom/"]


# XML and text ---------------------------------------------------------------------------------------------------


def test_a_sitemap_and_a_feed_yield_their_addresses_unescaped():
    sitemap = """<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>http://testserver/organisations/?page=2&amp;sort=name</loc></url></urlset>"""
    feed = """<feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="/feeds/events.atom"/>
        <entry><link href='http://testserver/events/founding/'/></entry></feed>"""

    assert "http://testserver/organisations/?page=2&sort=name" in links_in_xml(sitemap)
    assert {"/feeds/events.atom", "http://testserver/events/founding/"} <= set(links_in_xml(feed))
    assert links_in(TEXT, "Sitemap: http://testserver/sitemap.xml\nsee /not/this") == ["http://testserver/sitemap.xml"]


def test_a_binary_response_is_never_read_for_links():
    assert links_in(BINARY, '<a href="/in/the/bytes/">') == []


@pytest.mark.parametrize(
    ("content_type", "kind"),
    [
        ("text/html; charset=utf-8", HTML),
        ("application/json", JSON),
        ("application/ld+json", JSON),
        ("application/xml; charset=utf-8", XML),
        ("application/atom+xml", XML),
        ("text/vtt; charset=utf-8", TEXT),
        ("audio/mpeg", BINARY),
        ("application/pdf", BINARY),
        ("image/svg+xml", XML),
        ("", BINARY),
    ],
)
def test_the_content_type_decides_how_a_response_is_read(content_type, kind):
    assert kind_of(content_type) == kind


def test_the_charset_comes_from_the_content_type():
    assert charset_of('text/plain; charset="ISO-8859-1"') == "ISO-8859-1"
    assert charset_of("text/html") == "utf-8"


# Targets --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "base", "expected"),
    [
        ("/people/#top", "/", "/people/"),
        ("ana/", "/people/", "/people/ana/"),
        ("../places/", "/people/ana/", "/people/places/"),
        ("?format=json", "/people/ana/", "/people/ana/?format=json"),
        ("#main", "/people/?page=2", "/people/?page=2"),
        ("http://testserver/search/?q=a+b&type=person", "/", "/search/?q=a+b&type=person"),
        ("https://127.0.0.1:8000/events/", "/", "/events/"),
        ("//testserver/places/", "/", "/places/"),
        ("http://testserver", "/x/", "/"),
        ("https://example.org/people/", "/", None),
        ("//example.org/people/", "/", None),
        ("mailto:editors@example.org", "/", None),
        ("data:,", "/", None),
        ("javascript:void(0)", "/", None),
        ("   ", "/", None),
    ],
)
def test_a_link_becomes_a_target_on_this_site_or_none(link, base, expected):
    assert target(link, base, HOSTS) == expected


def test_two_spellings_of_one_query_are_one_target():
    first = target("/organisations/?sort=name&country=NL&country=PE", "/", HOSTS)
    second = target("/organisations/?country=NL&sort=name&country=PE", "/", HOSTS)

    assert first == second == "/organisations/?country=NL&country=PE&sort=name"
    assert canonical_query("region=Latin%20America&b=") == "b=&region=Latin+America"


def test_a_json_twin_adds_format_json_once():
    assert json_twin("/people/") == "/people/?format=json"
    assert json_twin("/people/?page=2") == "/people/?format=json&page=2"
    assert json_twin("/people/?format=html") == "/people/?format=json"
    assert with_query("/search/?q=old&type=person", q="Zq") == "/search/?q=Zq&type=person"


def test_pages_of_a_list_and_json_twins_are_no_variant_but_filters_are():
    assert variant("/people/") == ""
    assert variant("/people/?format=json") == ""
    assert variant("/people/?page=3", free=("page",)) == ""
    assert variant("/people/?format=json&page=3", free=("page",)) == ""
    assert variant("/people/?page=3") == "page=3"
    assert variant("/people/?country=NL&format=json&page=3", free=("page",)) == "country=NL&page=3"


# Purity ---------------------------------------------------------------------------------------------------------


def test_the_pure_modules_name_no_framework_in_any_import():
    for name in PURE_MODULES:
        path = TESTING / f"{name}.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not [n for n in names if is_framework(n)], f"{name}.py:{node.lineno}"


def test_the_pure_modules_load_no_framework_in_a_fresh_interpreter():
    # movement_archive.testing's __init__ brings in the cast (and Django); a stand-in package lets the two modules
    # be imported alone, as a script using only them would.
    script = (
        "import sys, types\n"
        "package = types.ModuleType('movement_archive.testing')\n"
        f"package.__path__ = [{str(TESTING)!r}]\n"
        "sys.modules['movement_archive.testing'] = package\n"
        + "".join(f"import movement_archive.testing.{name}\n" for name in PURE_MODULES)
    )
    loaded = loaded_by(script)

    assert {"movement_archive.testing.links", "movement_archive.testing.leaks"} <= set(loaded)
    assert [name for name in loaded if is_framework(name)] == []


def test_a_get_form_is_sent_as_it_is_then_one_choice_at_a_time():
    page = """
    <form method="post" action="/admin/delete/"><input name="csrf" type="hidden" value="x"></form>
    <form action="/admin/organisations/">
      <input type="hidden" name="lang" value="en">
      <input type="search" name="q" value="">
      <select name="status"><option value="">Any</option><option value="active">Active</option>
        <option value="closed" selected>Closed</option></select>
      <input type="checkbox" name="live" value="true"><input type="checkbox" name="live" value="false">
      <input type="radio" name="scope" value="local" disabled>
      <button type="submit">Filter</button>
    </form>"""

    assert links.get_form_variants(page) == [
        ("/admin/organisations/", [("lang", "en")]),
        ("/admin/organisations/", [("lang", "en"), ("q", links.SAMPLE_WORD)]),
        ("/admin/organisations/", [("lang", "en"), ("status", "active")]),
        ("/admin/organisations/", [("lang", "en"), ("status", "closed")]),
        ("/admin/organisations/", [("lang", "en"), ("live", "true")]),
        ("/admin/organisations/", [("lang", "en"), ("live", "false")]),
    ]
    assert links.get_form_variants(page, each_choice=False) == [("/admin/organisations/", [("lang", "en")])]


def test_addresses_kept_in_json_for_scripts_are_found_and_a_broken_block_is_passed_over():
    page = """<script id="menu" type="application/json">{"items": [{"url": "/admin/people/"}, {"label": "x"}]}</script>
    <script type="application/json">{not json</script><script>var url = "/admin/never/";</script>"""

    assert links.links_in_json_scripts(page) == ["/admin/people/"]
