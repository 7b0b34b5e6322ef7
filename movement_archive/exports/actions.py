"""Writing the ledger: recording an export, finding the exports that hold a record, flagging them for a rebuild."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from django.conf import settings
from django.db import models, transaction
from django.urls import resolve
from django.utils import timezone
from django.utils.translation import override

from .models import Export, ExportedRecord
from .records import RECORD_PAGES

BATCH = 1000

Ref = tuple[str, str]


def record_export(
    *,
    kind: str,
    path: str,
    language: str,
    command: str,
    refs: Iterable[Ref],
    run_by: str = "",
    user=None,
) -> Export:
    """Add an export and the records it holds to the ledger, in one transaction.

    Earlier exports of the same kind to the same path are marked as replaced by this one: their files are gone,
    so a rebuild asked of them is done. ``refs`` may be any iterable; it is read in batches, never whole.
    """
    with transaction.atomic():
        export = Export.objects.create(
            kind=kind,
            created_at=timezone.now(),
            path=path,
            language=language,
            command=command,
            run_by=run_by,
            user=user,
        )
        count = 0
        refs = iter(refs)
        while batch := list(islice(refs, BATCH)):
            ExportedRecord.objects.bulk_create(
                [ExportedRecord(export=export, kind=kind_, key=key) for kind_, key in batch]
            )
            count += len(batch)
        export.record_count = count
        export.save(update_fields=["record_count"])
        Export.objects.filter(kind=kind, path=path, replaced_by__isnull=True).exclude(pk=export.pk).update(
            replaced_by=export
        )
    return export


def exports_holding(refs: Iterable[Ref]) -> models.QuerySet[Export]:
    """Every export that holds any of these records (replaced ones too), newest first."""
    condition = models.Q(pk__in=[])
    for kind, key in refs:
        condition |= models.Q(kind=kind, key=key)
    holding = ExportedRecord.objects.filter(condition).values("export")
    return Export.objects.filter(pk__in=holding).order_by("-created_at", "-pk")


def flag_for_rebuild(refs: Iterable[Ref], reason: str) -> list[Export]:
    """Mark the exports holding any of these records as needing a rebuild, saying why; return them.

    Exports already replaced by a later one at the same path are left alone: their files no longer exist. A flag
    already set keeps its first time and gathers the new reason on a line of its own.
    """
    now = timezone.now()
    flagged = list(exports_holding(refs).filter(replaced_by__isnull=True))
    for export in flagged:
        export.rebuild_reason = "\n".join(filter(None, [export.rebuild_reason, reason]))
        export.rebuild_requested_at = export.rebuild_requested_at or now
    Export.objects.bulk_update(flagged, ["rebuild_reason", "rebuild_requested_at"])
    return flagged


def record_ref(record: models.Model) -> Ref:
    """The (kind, key) under which exports hold a record with a public page, read from its address.

    Raises ValueError for a record without a page of its own in the reading rooms.
    """
    address = getattr(record, "get_absolute_url", None)
    if address is None:
        raise ValueError(f"{record!r} has no page that exports hold")
    with override(settings.LANGUAGE_CODE):
        match = resolve(address())
    ref = RECORD_PAGES.get(match.view_name)
    if ref is None:
        raise ValueError(f"{record!r} has no page that exports hold")
    kind, argument = ref
    return kind, str(match.kwargs[argument])
