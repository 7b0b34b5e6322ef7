"""Pure writer of OAI-PMH 2.0 responses, with Dublin Core (``oai_dc``) metadata.

Plain data in, UTF-8 bytes out, no Django: the views decide what to say, this module only says it in the order
and the namespaces the protocol's schema (OAI-PMH.xsd) and oai_dc.xsd require.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str


DUBLIN_CORE = MetadataFormat("oai_dc", OAI_DC_SCHEMA, OAI_DC)


@dataclass(frozen=True)
class Repository:
    name: str
    base_url: str
    admin_emails: tuple[str, ...]
    earliest_datestamp: datetime
    deleted_record: str = "persistent"
    granularity: str = "YYYY-MM-DDThh:mm:ssZ"


@dataclass(frozen=True)
class Set:
    spec: str
    name: str


@dataclass(frozen=True)
class Header:
    identifier: str
    datestamp: datetime
    set_specs: tuple[str, ...] = ()
    deleted: bool = False


@dataclass(frozen=True)
class DublinCore:
    """The Dublin Core elements written, each in this order and only when not empty."""

    title: str
    identifier: str  # the record's public page
    type: str
    date: str = ""
    description: str = ""
    publisher: str = ""


@dataclass(frozen=True)
class Record:
    header: Header
    metadata: DublinCore | None = None  # None for a deleted record


@dataclass(frozen=True)
class ResumptionToken:
    """``value`` empty on the last page of a list that was split, as the protocol asks."""

    value: str
    cursor: int


@dataclass(frozen=True)
class Error:
    code: str
    message: str


@dataclass(frozen=True)
class Response:
    base_url: str
    response_date: datetime
    # The request's arguments, echoed in <request>; None after badVerb or badArgument, when the protocol wants
    # the base URL alone.
    arguments: Mapping[str, str] | None = field(default_factory=dict)


def datestamp(moment: datetime) -> str:
    """UTC to the second, the repository's granularity."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# Documents ---------------------------------------------------------------------------------------------------


def document(response: Response, body: ET.Element) -> bytes:
    """The OAI-PMH document answering a request, ``body`` being the verb's element."""
    return _bytes(_root(response, [body]))


def error_document(response: Response, errors: Iterable[Error]) -> bytes:
    elements = []
    for error in errors:
        element = ET.Element("error", {"code": error.code})
        element.text = error.message
        elements.append(element)
    return _bytes(_root(response, elements))


def _root(response: Response, children: list[ET.Element]) -> ET.Element:
    # Names are written with their prefixes as they are, and namespaces declared by hand: the document ElementTree's
    # namespace handling would give, without its process-wide table of prefixes.
    root = ET.Element("OAI-PMH", {"xmlns": OAI, "xmlns:xsi": XSI, "xsi:schemaLocation": f"{OAI} {OAI_SCHEMA}"})
    _text(root, "responseDate", datestamp(response.response_date))
    request = _text(root, "request", response.base_url)
    for name, value in (response.arguments or {}).items():
        request.set(name, value)
    root.extend(children)
    return root


def _bytes(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


# The verbs' elements -----------------------------------------------------------------------------------------


def identify(repository: Repository) -> ET.Element:
    element = ET.Element("Identify")
    _text(element, "repositoryName", repository.name)
    _text(element, "baseURL", repository.base_url)
    _text(element, "protocolVersion", "2.0")
    for email in repository.admin_emails:
        _text(element, "adminEmail", email)
    _text(element, "earliestDatestamp", datestamp(repository.earliest_datestamp))
    _text(element, "deletedRecord", repository.deleted_record)
    _text(element, "granularity", repository.granularity)
    return element


def list_metadata_formats(formats: Iterable[MetadataFormat]) -> ET.Element:
    element = ET.Element("ListMetadataFormats")
    for metadata_format in formats:
        child = ET.SubElement(element, "metadataFormat")
        _text(child, "metadataPrefix", metadata_format.prefix)
        _text(child, "schema", metadata_format.schema)
        _text(child, "metadataNamespace", metadata_format.namespace)
    return element


def list_sets(sets: Iterable[Set]) -> ET.Element:
    element = ET.Element("ListSets")
    for item in sets:
        child = ET.SubElement(element, "set")
        _text(child, "setSpec", item.spec)
        _text(child, "setName", item.name)
    return element


def list_identifiers(headers: Iterable[Header], token: ResumptionToken | None) -> ET.Element:
    element = ET.Element("ListIdentifiers")
    element.extend(_header(header) for header in headers)
    _token(element, token)
    return element


def list_records(records: Iterable[Record], token: ResumptionToken | None) -> ET.Element:
    element = ET.Element("ListRecords")
    element.extend(_record(record) for record in records)
    _token(element, token)
    return element


def get_record(record: Record) -> ET.Element:
    element = ET.Element("GetRecord")
    element.append(_record(record))
    return element


# Parts -------------------------------------------------------------------------------------------------------


def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, name)
    element.text = text
    return element


def _header(header: Header) -> ET.Element:
    element = ET.Element("header", {"status": "deleted"} if header.deleted else {})
    _text(element, "identifier", header.identifier)
    _text(element, "datestamp", datestamp(header.datestamp))
    for spec in header.set_specs:
        _text(element, "setSpec", spec)
    return element


def _record(record: Record) -> ET.Element:
    element = ET.Element("record")
    element.append(_header(record.header))
    if record.metadata is not None and not record.header.deleted:
        metadata = ET.SubElement(element, "metadata")
        metadata.append(dublin_core(record.metadata))
    return element


def dublin_core(dc: DublinCore) -> ET.Element:
    attributes = {"xmlns:oai_dc": OAI_DC, "xmlns:dc": DC, "xsi:schemaLocation": f"{OAI_DC} {OAI_DC_SCHEMA}"}
    element = ET.Element("oai_dc:dc", attributes)
    for name in ("title", "identifier", "type", "date", "description", "publisher"):
        value = getattr(dc, name)
        if value:
            _text(element, f"dc:{name}", value)
    return element


def _token(parent: ET.Element, token: ResumptionToken | None) -> None:
    if token is not None:
        _text(parent, "resumptionToken", token.value).set("cursor", str(token.cursor))
