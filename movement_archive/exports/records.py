"""Which pages of the reading rooms are a record's own page, and under what (kind, key) the ledger names it."""

from __future__ import annotations

# URL name -> (kind of record, the address's argument that names it). A record is named by its address rather
# than by its row, because exports know records only through the pages an anonymous reader sees.
RECORD_PAGES: dict[str, tuple[str, str]] = {
    "organisations:detail": ("organisation", "key"),
    "people:detail": ("person", "key"),
    "places:country": ("country", "code"),
    "places:region": ("region", "slug"),
    "organising:detail": ("organising_model", "key"),
    "events:detail": ("event", "key"),
    "documentary:detail": ("episode", "number"),
    "interviews:detail": ("interview", "key"),
    "sources:detail": ("source", "key"),
}
