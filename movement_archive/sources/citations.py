"""Turn the citation blocks of many records into readable citations with one query for all their sources.

In the sources app rather than in core: it reads sources, their visibility and their credits, which core, standing
on no app, may not. The citation block every record carries stays in core (``core/blocks.py``), naming the source
model by its label only, as a foreign key would.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .models import Source

# What a citation shows of its source (``Source.sent_in_by`` reads the credit); reading another field of a
# ``Citation.source`` costs a query.
CITED_FIELDS = ("key", "title", "contribution__credit", "contribution__credit_name")


@dataclass(frozen=True)
class Citation:
    source: Source
    locator: str
    supports: str


def _raw(obj: Any, attr: str) -> list[dict]:
    stream = getattr(obj, attr, None)
    return list(getattr(stream, "raw_data", None) or [])


def attach_citations(objects: Iterable[Any], user=None, attr: str = "citations") -> None:
    """Set ``obj.cited`` to a list of Citation on each object.

    One query in all, however many objects and citations; a citation of a source the reader may not see
    is left out, so visibility stays decided by ``Source.objects.visible_to``.
    """
    objects = list(objects)
    wanted = {item["value"]["source"] for obj in objects for item in _raw(obj, attr)}
    # With the contribution a source was made from, if any: its credit is shown beside the citation. Only what a
    # citation shows is read (title, address, credit): records built from every column of both tables cost as much
    # as the rest of the query.
    sources = Source.objects.visible_to(user).select_related("contribution").only(*CITED_FIELDS)
    sources = sources.in_bulk(wanted) if wanted else {}
    for obj in objects:
        obj.cited = [
            Citation(sources[item["value"]["source"]], item["value"]["locator"], item["value"].get("supports", ""))
            for item in _raw(obj, attr)
            if item["value"]["source"] in sources
        ]


def citation_data(citations: list[Citation], request) -> list[dict]:
    """The JSON form of citations, the same on every page."""
    return [
        {
            "source": c.source.title,
            "source_url": request.build_absolute_uri(c.source.get_absolute_url()),
            "locator": c.locator,
            "supports": c.supports,
        }
        for c in citations
    ]
