"""What a harvester may rely on in every response, checked as OAI-PMH.xsd and oai_dc.xsd would check it.

The official schema files are not shipped by any package the project installs, and are not ours to copy into the
repository, so these checks state the schemas' rules that our responses touch: the namespaces, the order of
elements, the datestamps' form, the error codes, the oai_dc element set. See docs/harvesting.md.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from movement_archive.harvesting.oai_xml import DC, OAI, OAI_DC, OAI_DC_SCHEMA, OAI_SCHEMA, XSI

DATESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
ERROR_CODES = {
    "badArgument",
    "badResumptionToken",
    "badVerb",
    "cannotDisseminateFormat",
    "idDoesNotExist",
    "noRecordsMatch",
    "noMetadataFormats",
    "noSetHierarchy",
}
DC_ELEMENTS = {
    "title", "creator", "subject", "description", "publisher", "contributor", "date", "type", "format",
    "identifier", "source", "language", "relation", "coverage", "rights",
}  # fmt: skip
SCHEMA_LOCATION = f"{{{XSI}}}schemaLocation"


def q(name: str) -> str:
    return f"{{{OAI}}}{name}"


def names(element: ET.Element) -> list[str]:
    return [child.tag.split("}")[1] for child in element]


def read(content: bytes) -> ET.Element:
    """The response's root, once every rule below holds."""
    root = ET.fromstring(content)
    assert root.tag == q("OAI-PMH")
    assert root.get(SCHEMA_LOCATION) == f"{OAI} {OAI_SCHEMA}"
    children = list(root)
    assert names(root)[:2] == ["responseDate", "request"]
    assert DATESTAMP.fullmatch(children[0].text)
    assert children[1].text.startswith("http")
    rest = children[2:]
    assert rest, "a response holds errors or the verb's answer"
    if rest[0].tag == q("error"):
        for error in rest:
            assert error.tag == q("error")
            assert error.get("code") in ERROR_CODES
            assert error.text and error.text.strip()
    else:
        (body,) = rest
        assert body.tag == q(children[1].get("verb"))
        CHECKS[body.tag.split("}")[1]](body)
    return root


def _identify(body: ET.Element) -> None:
    order = names(body)
    assert order[:3] == ["repositoryName", "baseURL", "protocolVersion"]
    emails = [n for n in order[3:] if n == "adminEmail"]
    assert emails and order[3 : 3 + len(emails)] == emails
    assert order[3 + len(emails) :] == ["earliestDatestamp", "deletedRecord", "granularity"]
    assert DATESTAMP.fullmatch(body.findtext(q("earliestDatestamp")))
    assert body.findtext(q("protocolVersion")) == "2.0"


def _list_metadata_formats(body: ET.Element) -> None:
    assert list(body)
    for item in body:
        assert item.tag == q("metadataFormat")
        assert names(item) == ["metadataPrefix", "schema", "metadataNamespace"]


def _list_sets(body: ET.Element) -> None:
    assert list(body)
    for item in body:
        assert names(item) == ["setSpec", "setName"]
        assert re.fullmatch(r"[A-Za-z0-9\-_.!~*'()]+", item.findtext(q("setSpec")))


def header(element: ET.Element) -> None:
    assert element.tag == q("header")
    assert element.get("status") in (None, "deleted")
    order = names(element)
    assert order[:2] == ["identifier", "datestamp"]
    assert set(order[2:]) <= {"setSpec"}
    assert DATESTAMP.fullmatch(element.findtext(q("datestamp")))


def record(element: ET.Element) -> None:
    assert element.tag == q("record")
    header(element[0])
    if element[0].get("status") == "deleted":
        assert names(element) == ["header"]
        return
    assert names(element) == ["header", "metadata"]
    (dc,) = list(element[1])
    assert dc.tag == f"{{{OAI_DC}}}dc"
    assert dc.get(SCHEMA_LOCATION) == f"{OAI_DC} {OAI_DC_SCHEMA}"
    for child in dc:
        assert child.tag.startswith(f"{{{DC}}}")
        assert child.tag.split("}")[1] in DC_ELEMENTS
        assert list(child) == []


def _listed(body: ET.Element, item) -> None:
    children = list(body)
    if children and children[-1].tag == q("resumptionToken"):
        token = children.pop()
        assert int(token.get("cursor")) >= 0
    assert children, "a list holds at least one item; an empty one is noRecordsMatch"
    for child in children:
        item(child)


def _get_record(body: ET.Element) -> None:
    (only,) = list(body)
    record(only)


CHECKS = {
    "Identify": _identify,
    "ListMetadataFormats": _list_metadata_formats,
    "ListSets": _list_sets,
    "ListIdentifiers": lambda body: _listed(body, header),
    "ListRecords": lambda body: _listed(body, record),
    "GetRecord": _get_record,
}
