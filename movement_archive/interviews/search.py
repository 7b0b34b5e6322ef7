"""An interview's parts in the search index, taken out and put back whole when its narrators' consent changes.

A three-hour interview has thousands of segments; taking them out one by one would be thousands of queries
(as ``actions._forget`` explains), so the database backend's entries go in one statement.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import TextField
from django.db.models.functions import Cast
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from .actions import INDEX_BATCH
from .models import IndexPoint, Interview, Segment


def remove_parts_from_search(interview: Interview) -> None:
    for model, rows in _parts(interview):
        keys = rows.annotate(key=Cast("pk", TextField())).values("key")
        entries = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id__in=keys)
        entries._raw_delete(entries.db)
        for backend in _other_backends():
            for row in rows.iterator():
                backend.delete(row)


def add_parts_to_search(interview: Interview) -> None:
    for model, rows in _parts(interview):
        batch = list(rows)
        for backend in get_search_backends():
            for first in range(0, len(batch), INDEX_BATCH):
                backend.add_bulk(model, batch[first : first + INDEX_BATCH])


def _parts(interview: Interview):
    return (
        (Segment, Segment.objects.filter(transcript__interview=interview)),
        (IndexPoint, IndexPoint.objects.filter(interview=interview)),
    )


def _other_backends():
    """Backends that keep their own index (OpenSearch); the database ones were emptied in one statement."""
    return [backend for backend in get_search_backends() if "database" not in type(backend).__module__]
