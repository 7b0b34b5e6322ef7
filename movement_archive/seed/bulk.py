"""Writing many records at once for the generator: batched inserts, date columns, publication fields, search index.

``bulk_create`` skips ``save()`` and its signals, so what they would do is done here instead: the EDTF companion
columns are filled (``EDTFField.update_bounds``), records are marked live, and the search index is built in bulk
once the rows exist. Revisions and Wagtail's reference index are left out on purpose: generated benchmark data
need no history and no back-office usage counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from django.db import models, transaction
from django.utils import timezone
from wagtail.search.backends import get_search_backends

from movement_archive.core.fields import EDTFField

PREFIX = "gen-"


def edtf_fields(model: type[models.Model]) -> list[EDTFField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, EDTFField)]


def fill_dates(objs: Iterable[models.Model], fields: list[EDTFField]) -> None:
    """Fill the companion columns the pre_save signal would; an invalid date raises EDTFError."""
    for obj in objs:
        for field in fields:
            field.update_bounds(obj, strict=True)


def published(now: datetime | None = None) -> dict:
    """The publication fields of a record that is live and has no pending draft."""
    now = now or timezone.now()
    return {"live": True, "has_unpublished_changes": False, "first_published_at": now, "last_published_at": now}


def chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def insert(model: type[models.Model], objs: list[models.Model], batch_size: int) -> list[models.Model]:
    """Insert ``objs`` with bulk_create, one transaction per batch; the objects get their primary keys.

    Dates are filled first for models with EDTF fields. On SQLite and PostgreSQL bulk_create sets the keys.
    """
    fields = edtf_fields(model)
    if fields:
        fill_dates(objs, fields)
    for batch in chunks(objs, batch_size):
        with transaction.atomic():
            model.objects.bulk_create(batch, batch_size=batch_size)
    return objs


def through(model: type[models.Model], field_name: str) -> type[models.Model]:
    """The table behind a many-to-many field (ParentalManyToManyField included)."""
    return model._meta.get_field(field_name).remote_field.through


def link(model: type[models.Model], field_name: str, pairs: list[tuple[int, int]], batch_size: int) -> int:
    """Insert many-to-many rows (owner pk, target pk) for ``model.field_name``. Returns how many."""
    table = through(model, field_name)
    field = model._meta.get_field(field_name)
    owner = field.m2m_field_name() + "_id"
    target = field.m2m_reverse_field_name() + "_id"
    insert(table, [table(**{owner: a, target: b}) for a, b in pairs], batch_size)
    return len(pairs)


def highest_pk(model: type[models.Model]) -> int:
    return model.objects.aggregate(top=models.Max("pk"))["top"] or 0


def index_generated(
    model: type[models.Model],
    after_pk: int,
    batch_size: int,
    prefetch: tuple[str, ...] = (),
    select: tuple[str, ...] = (),
) -> int:
    """Add the generated records of ``model`` with a primary key above ``after_pk`` to every search backend.

    Reads the rows back in pages of ``batch_size`` by primary key, with the relations the index reads (other
    names, a locality's country) fetched per page rather than per record. Returns how many were indexed.
    """
    backends = list(get_search_backends())  # a generator: read it once, use it for every page
    rows = model.objects.filter(key__startswith=PREFIX).order_by("pk")
    if prefetch:
        rows = rows.prefetch_related(*prefetch)
    if select:
        rows = rows.select_related(*select)
    count, last = 0, after_pk
    while True:
        page = list(rows.filter(pk__gt=last)[:batch_size])
        if not page:
            return count
        with transaction.atomic():
            for backend in backends:
                backend.add_bulk(model, page)
        count += len(page)
        last = page[-1].pk


def optimize_search_indexes() -> None:
    """After a bulk load, let each search backend that can tidy its index do so (SQLite's FTS5 merges segments)."""
    for backend in get_search_backends():
        if hasattr(backend, "optimize_index"):
            backend.optimize_index()
