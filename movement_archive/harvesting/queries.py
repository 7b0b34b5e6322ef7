"""The OAI-PMH endpoint's queries: live records from ``syndication.kinds``, removed ones from ``removed_records``.

A harvest walks the kinds in a fixed order, each in primary-key order, then the removed records. A page is found
from where the last one stopped (a kind and a primary key, kept in the resumption token), never by counting from
the start, so the last page of 100,000 organisations costs what the first does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db.models import Min, Q, QuerySet
from django.utils import timezone

from movement_archive.access.policy import ANONYMOUS
from movement_archive.access.queries import consent_q, level_full_q
from movement_archive.deletions.models import DeletedRecord
from movement_archive.syndication import kinds
from movement_archive.syndication.kinds import Entry, Kind


class Removed(NamedTuple):
    """A record once open to anyone and no longer: harvesters are told to delete their copy."""

    kind: str
    key: str
    removed_at: datetime


# Only a copy of a record that anonymous readers could open when it was deleted is announced: a draft or a hidden
# person was never harvested, and announcing even its key (often made from a name) would say it existed. These
# conditions read the copy's own fields because the row, and so ``visible_to``, is gone; they can only leave
# copies out, never let a record in.
def _public_when_deleted(kind: Kind) -> Q:
    if not hasattr(kind.model, "consent"):
        return Q()
    public = Q(data__consent__in=["", "public"])
    if kind.model.access_covers_record:
        public &= Q(data__access__in=["public", "metadata"])
    return public


def _no_longer_public(kind: Kind, since: datetime | None, before: datetime | None) -> list[Removed]:
    """Records the people in them took back: withdrawn, or narrowed to members or researchers. Only those whose
    access level alone would show them to anyone, so that no restricted record is ever named here."""
    model = kind.model
    if not hasattr(model, "consent"):
        return []
    rows = model._default_manager.exclude(consent_q(ANONYMOUS)).filter(consent_changed_at__isnull=False)
    if model.access_covers_record:
        rows = rows.filter(level_full_q(ANONYMOUS, timezone.localdate()) | Q(access="metadata"))
    if since:
        rows = rows.filter(consent_changed_at__gte=since)
    if before:
        rows = rows.filter(consent_changed_at__lt=before)
    return [Removed(kind.name, key, when) for key, when in rows.values_list("key", "consent_changed_at")]


def removed_records(
    kind_names: Iterable[str] | None = None, since: datetime | None = None, before: datetime | None = None
) -> list[Removed]:
    """Records no longer public, removed at or after ``since`` and before ``before``, oldest first.

    The records deleted in the back office (the copies the ``deletions`` app keeps) that were public when deleted
    and have neither been restored nor had their key taken by a visible record since; and the records whose
    consent was withdrawn or narrowed (``_no_longer_public``). Two queries per kind asked for; the list is short
    (deletions and withdrawals are rare), so callers page through it in memory.
    """
    wanted = [kinds.BY_NAME[name] for name in kind_names] if kind_names is not None else list(kinds.HARVESTED)
    types = ContentType.objects.get_for_models(*(kind.model for kind in wanted))
    found: dict[tuple[str, str], Removed] = {}
    for kind in wanted:
        copies = DeletedRecord.objects.filter(
            Q(data__live=True) & _public_when_deleted(kind),
            content_type=types[kind.model],
            restored_at__isnull=True,
        ).exclude(key__in=kind.records().values("key"))
        if since:
            copies = copies.filter(deleted_at__gte=since)
        if before:
            copies = copies.filter(deleted_at__lt=before)
        for key, deleted_at in copies.values_list("key", "deleted_at"):
            # Deleted twice under one key (made again, then deleted again): the latest removal is the one to tell.
            if (kind.name, key) not in found or found[kind.name, key].removed_at < deleted_at:
                found[kind.name, key] = Removed(kind.name, key, deleted_at)
        for removed in _no_longer_public(kind, since, before):
            found[kind.name, removed.key] = removed
    return sorted(found.values(), key=lambda removed: (removed.removed_at, removed.kind, removed.key))


def find(kind: Kind, key: str) -> Entry | Removed | None:
    """The record of ``kind`` with ``key``, live or removed; None when harvesters were never shown it."""
    record = kind.records().filter(key=key).first()
    if record is not None:
        return kind.entry(record)
    return next((removed for removed in removed_records([kind.name]) if removed.key == key), None)


def earliest_datestamp() -> datetime | None:
    """The earliest datestamp of any record: the oldest change of a live record or removal. One query per kind."""
    moments = [kind.records().order_by().aggregate(earliest=Min("updated_at"))["earliest"] for kind in kinds.HARVESTED]
    moments += [removed.removed_at for removed in removed_records()[:1]]
    return min((moment for moment in moments if moment), default=None)


@dataclass(frozen=True)
class Position:
    """Where a harvest stands: ``kind`` indexes the kinds harvested, one past the last meaning the removed records;
    ``after`` is the last primary key read of that kind, or how many removed records were read."""

    kind: int = 0
    after: int = 0


@dataclass(frozen=True)
class Page:
    items: list[Entry | Removed]
    next: Position | None  # None when the harvest is complete


def _dated(records: QuerySet, since: datetime | None, before: datetime | None) -> QuerySet:
    if since:
        records = records.filter(updated_at__gte=since)
    if before:
        records = records.filter(updated_at__lt=before)
    return records


def harvest_page(
    harvested: Sequence[Kind], since: datetime | None, before: datetime | None, start: Position, size: int
) -> Page:
    """Up to ``size`` records from ``start``: live records of each kind in turn, then the removed ones.

    One query per kind the page reaches (each reads one row more than it needs, to know whether it is done), one
    per kind for the removed records once they are reached, and at a kind's end an EXISTS per kind left, so that a
    harvest never ends on a page with nothing in it.
    """
    items: list[Entry | Removed] = []
    position = start
    while position.kind < len(harvested):
        kind = harvested[position.kind]
        room = size - len(items)
        rows = list(_dated(kind.records(), since, before).filter(pk__gt=position.after)[: room + 1])
        items += [kind.entry(row) for row in rows[:room]]
        if len(rows) > room:
            return Page(items, Position(position.kind, rows[room - 1].pk))
        position = Position(position.kind + 1, 0)
        if len(items) == size:
            return Page(items, position if _more(harvested, since, before, position) else None)
    removed = removed_records([kind.name for kind in harvested], since, before)
    room = size - len(items)
    items += removed[position.after : position.after + room]
    done = position.after + room >= len(removed)
    return Page(items, None if done else Position(position.kind, position.after + room))


def _more(harvested: Sequence[Kind], since: datetime | None, before: datetime | None, position: Position) -> bool:
    later = harvested[position.kind :]
    if any(_dated(kind.records(), since, before).exists() for kind in later):
        return True
    return bool(removed_records([kind.name for kind in harvested], since, before))
