"""Where each address of the archive lands in a static mirror, and how mirrored files link to each other."""

from __future__ import annotations

import pytest

from movement_archive.exports.addresses import language_of, mirror_file, relative_link, twin_of


@pytest.mark.parametrize(
    ("path", "query", "file"),
    [
        ("/", "", "index.html"),
        ("/people/ana-lopez/", "", "people/ana-lopez/index.html"),
        ("/people/ana-lopez/", "format=json", "people/ana-lopez/index.json"),
        ("/organisations/", "page=3", "organisations/page-3.html"),
        ("/organisations/", "page=3&format=json", "organisations/page-3.json"),
        ("/organisations/", "page=1", "organisations/index.html"),
        ("/es/places/map/", "", "es/places/map/index.html"),
        ("/places/map.svg", "", "places/map.svg"),
        ("/interviews/first/captions/en.vtt", "", "interviews/first/captions/en.vtt"),
        ("/static/core/archive.e253ca4a4a7e.css", "", "static/core/archive.e253ca4a4a7e.css"),
        ("/interviews/first/", "t=83.5", "interviews/first/index.html"),
    ],
)
def test_each_address_becomes_one_file(path, query, file):
    assert mirror_file(path, query) == file


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/organisations/", "country=nl"),  # a filter: the mirror cannot answer it
        ("/organisations/", "page=2&country=nl"),
        ("/organisations/", "page=two"),
        ("/organisations/", "page=0"),
        ("/organisations/", "format=xml"),
        ("/places/map.svg", "page=2"),
        ("/people/../../etc/", ""),
        ("people/", ""),
    ],
)
def test_addresses_a_static_copy_cannot_answer_have_no_file(path, query):
    assert mirror_file(path, query) is None


def test_a_page_of_a_list_cannot_collide_with_a_record_keyed_like_it():
    assert mirror_file("/organisations/", "page=2") != mirror_file("/organisations/page-2/")


def test_the_twin_sits_beside_its_page():
    assert twin_of("people/index.html") == "people/index.json"
    assert twin_of("organisations/page-2.html") == "organisations/page-2.json"


@pytest.mark.parametrize(
    ("source", "target", "fragment", "link"),
    [
        ("index.html", "people/index.html", "", "people/index.html"),
        ("people/ana/index.html", "index.html", "", "../../index.html"),
        ("people/ana/index.html", "people/ana/index.json", "", "index.json"),
        ("es/people/index.html", "static/core/a.css", "", "../../static/core/a.css"),
        ("organisations/page-2.html", "organisations/index.html", "main", "index.html#main"),
        ("index.html", "people/ana maria/index.html", "", "people/ana%20maria/index.html"),
    ],
)
def test_links_between_files_are_relative(source, target, fragment, link):
    assert relative_link(source, target, fragment) == link


def test_the_language_of_an_address_is_its_prefix_or_the_default():
    languages = ("en", "es")
    assert language_of("/es/people/", languages, "en") == "es"
    assert language_of("/people/", languages, "en") == "en"
    assert language_of("/", languages, "en") == "en"
    assert language_of("/en/people/", languages, "en") == "en"
    assert language_of("/estonia/", languages, "en") == "en"
