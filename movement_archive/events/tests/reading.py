"""Reading the event pages as a visitor would: headings, the events under them, the JSON-LD."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def timeline_outline(response) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """[(decade heading, [(year heading, [event titles])])] in the order the page shows them.

    Headings read as a screen reader says them: "1980s (continued)" for a decade begun on the previous page.
    """
    outline = []
    for section in soup(response).select("section.decade"):
        groups = [
            (
                heading.get_text(" ", strip=True),
                [a.get_text(strip=True) for a in heading.find_next_sibling("ol").select("h4 a")],
            )
            for heading in section.find_all("h3", recursive=False)
        ]
        outline.append((section.h2.get_text(" ", strip=True), groups))
    return outline


def event_item(response, key: str):
    """The timeline entry of the event with this key."""
    return soup(response).find(id=f"event-{key}")


def jsonld(response) -> dict:
    (script,) = soup(response).find_all("script", type="application/ld+json")
    return json.loads(script.string)
