"""Asking the endpoint as a harvester does, and reading what it says."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from django.test import Client

from . import structure
from .structure import q

ENDPOINT = "/oai"
BASE_URL = "http://testserver/oai"


def ask(client: Client, **arguments: str) -> ET.Element:
    """The response's root, after checking it against the protocol's rules (``structure``)."""
    response = client.get(ENDPOINT, arguments)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return structure.read(response.content)


def error(root: ET.Element) -> tuple[str, str]:
    found = root.find(q("error"))
    assert found is not None, "expected an OAI-PMH error"
    return found.get("code"), found.text


def identifiers(root: ET.Element) -> list[str]:
    return [header.findtext(q("identifier")) for header in root.iter(q("header"))]


def deleted(root: ET.Element) -> list[str]:
    return [h.findtext(q("identifier")) for h in root.iter(q("header")) if h.get("status") == "deleted"]


def token(root: ET.Element) -> ET.Element | None:
    return next(root.iter(q("resumptionToken")), None)


def harvest(client: Client, verb: str = "ListIdentifiers", **arguments: str) -> tuple[list[str], list[ET.Element]]:
    """Every identifier of a whole list, following resumption tokens; and the tokens seen."""
    root = ask(client, verb=verb, **arguments)
    found, tokens = identifiers(root), []
    while (next_token := token(root)) is not None and next_token.text:
        tokens.append(next_token)
        root = ask(client, verb=verb, resumptionToken=next_token.text)
        found += identifiers(root)
    if next_token is not None:
        tokens.append(next_token)
    return found, tokens
