"""Finding and rewriting the addresses in a page and in a stylesheet, with no Django involved."""

from __future__ import annotations

import movement_archive.exports.addresses
import movement_archive.exports.links
from movement_archive.exports.links import addresses, loaded_addresses, rewrite, stylesheet_addresses
from movement_archive.testing.purity import is_framework, loaded_by

PAGE = """<!doctype html><html><head>
<link rel="stylesheet" href="/static/core/archive.css">
<link rel="alternate" type="application/json" href="?format=json">
<script type="application/ld+json">{"url": "http://127.0.0.1:8000/people/ana/", "name": "\\u003ca href=x"}</script>
</head><body>
<a class="brand" href="/">Movement Archive</a>
<a href="/organisations/?page=2&amp;x=&quot;y&quot;" rel="next">Next page</a>
<img src='/places/map.svg' alt="The map">
<p>Write href="/not-a-link/" in text and it stays text.</p>
<form action="/search/" method="get"><input name="q"></form>
<br/>
</body></html>"""


def test_every_address_in_a_start_tag_is_found_unescaped():
    found = addresses(PAGE)
    assert ("a", "href", '/organisations/?page=2&x="y"') in found
    assert ("img", "src", "/places/map.svg") in found
    assert ("form", "action", "/search/") in found
    assert all(address != "/not-a-link/" for _tag, _attribute, address in found)


def test_json_ld_and_text_are_not_taken_for_links():
    assert not any("127.0.0.1" in address for _tag, _attribute, address in addresses(PAGE))


def test_rewriting_changes_only_the_addresses_it_is_asked_to():
    rewritten = rewrite(PAGE, lambda tag, attribute, address: "index.html" if address == "/" else None)
    assert '<a class="brand" href="index.html">' in rewritten
    assert rewritten.replace('href="index.html"', 'href="/"', 1) == PAGE


def test_rewritten_addresses_are_escaped_again():
    rewritten = rewrite(PAGE, lambda tag, attribute, address: address + "&more" if tag == "a" else None)
    assert 'href="/organisations/?page=2&amp;x=&quot;y&quot;&amp;more"' in rewritten


def test_the_addresses_a_browser_loads_on_its_own_are_told_apart_from_links():
    # The JSON twin is a <link rel="alternate">: followed when asked for, never loaded with the page.
    assert loaded_addresses(PAGE) == ["/static/core/archive.css", "/places/map.svg"]


def test_a_stylesheet_names_its_fonts_and_images():
    css = """@font-face { src: url("fonts/a.woff2") } .x { background: url(img/b.svg) }
    .y { background: url('c.png') } .z { background: url(data:image/png;base64,AAAA) }"""
    assert stylesheet_addresses(css) == ["fonts/a.woff2", "img/b.svg", "c.png"]


def test_the_link_modules_load_neither_django_nor_wagtail():
    modules = (movement_archive.exports.addresses, movement_archive.exports.links)
    loaded = loaded_by("".join(f"import {module.__name__}\n" for module in modules))
    assert not [name for name in loaded if is_framework(name)]
