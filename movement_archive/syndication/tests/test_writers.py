"""The sitemap and OAI-PMH writers are plain functions of plain data: no Django, now or inside a function."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from movement_archive.harvesting import oai_xml
from movement_archive.syndication import sitemap_xml
from movement_archive.testing.purity import framework_imports, is_framework, loaded_by

MOMENT = datetime(2024, 5, 1, 12, 30, 15, 999, tzinfo=UTC)


def test_importing_the_writers_in_a_fresh_interpreter_loads_no_framework():
    loaded = loaded_by("import movement_archive.syndication.sitemap_xml\nimport movement_archive.harvesting.oai_xml")

    assert "movement_archive.harvesting.oai_xml" in loaded
    assert [name for name in loaded if is_framework(name)] == []


def test_no_writer_names_a_framework_in_any_import_statement():
    import movement_archive.harvesting as harvesting
    import movement_archive.syndication as syndication

    found = framework_imports(harvesting) + framework_imports(syndication)

    assert not [line for line in found if line.startswith(("oai_xml.py", "sitemap_xml.py"))]


def test_a_sitemap_names_each_address_with_its_alternates():
    url = sitemap_xml.Url("https://a.example/x/", MOMENT, (sitemap_xml.Alternate("en", "https://a.example/x/"),))

    root = ET.fromstring(sitemap_xml.urlset([url]))

    (entry,) = root
    assert entry.findtext(f"{{{sitemap_xml.SITEMAP}}}lastmod") == "2024-05-01T12:30:15Z"
    link = entry.find(f"{{{sitemap_xml.XHTML}}}link")
    assert (link.get("rel"), link.get("hreflang"), link.get("href")) == ("alternate", "en", "https://a.example/x/")


def test_a_deleted_record_is_written_as_its_header_alone():
    record = oai_xml.Record(
        oai_xml.Header("oai:a.example:people:x", MOMENT, ("people",), deleted=True),
        oai_xml.DublinCore("Never written", "https://a.example/x/", "person"),
    )

    written = ET.tostring(oai_xml.get_record(record), encoding="unicode")

    assert '<header status="deleted">' in written
    assert "Never written" not in written


def test_text_is_escaped_not_interpreted():
    dc = oai_xml.DublinCore("Dockers & <friends>", "https://a.example/x/", "organisation")

    written = ET.tostring(oai_xml.dublin_core(dc), encoding="unicode")

    assert "<dc:title>Dockers &amp; &lt;friends&gt;</dc:title>" in written
