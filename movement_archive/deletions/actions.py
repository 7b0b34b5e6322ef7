"""Keeping a deleted record, and restoring it.

A copy is taken in ``pre_delete``, inside the deleting transaction: if the deletion fails, so does the copy.
Restoring saves the copy as a new row (under its old key when that is still free) and records a revision, so
the record's history shows where it came back from. Links that other records held to it (an event naming it,
a relation pointing at it) went with the deletion and are not restored; the copy holds only the record's own.
"""

from __future__ import annotations

import json

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.log_actions import get_active_log_context, log

from movement_archive.core.keys import free_key
from movement_archive.core.models import EditorialRecord

from .models import DeletedRecord

RESTORED = "movement_archive.record.restore"


def keep_before_deleting(sender, instance, **kwargs) -> None:
    if not isinstance(instance, EditorialRecord):
        return
    # Through JSON and back, as revisions are: dates and decimals become text, so the copy reads back alike.
    data = json.loads(json.dumps(instance.serializable_data(), cls=DjangoJSONEncoder))
    DeletedRecord.objects.create(
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        key=getattr(instance, "key", ""),
        title=str(instance)[:255],
        data=data,
        deleted_by=get_active_log_context().user,
    )


def restore(deleted: DeletedRecord, user) -> EditorialRecord:
    """Bring a deleted record back, as a draft unless it was live when deleted. Returns the new record."""
    model = deleted.content_type.model_class()
    with transaction.atomic():
        record = model.from_serializable_data(
            _without_parent_keys(model, deleted.data), check_fks=True, strict_fks=False
        )
        was_live = record.live
        if model.objects.filter(pk=record.pk).exists():
            record.pk = None
        if model.objects.filter(key=record.key).exists():
            record.key = free_key(model, record.key)
        record.latest_revision = record.live_revision = None
        record.locked, record.locked_by, record.locked_at = False, None, None
        record.live = False
        record.save()
        revision = record.save_revision(user=user, clean=False, log_action=True)
        if was_live:
            revision.publish(user=user)
        deleted.restored_at = timezone.now()
        deleted.save(update_fields=["restored_at"])
        log(record, RESTORED, user=user, data={"deleted_record": deleted.pk})
    return model.objects.get(pk=record.pk)


def _without_parent_keys(model, data: dict) -> dict:
    # Each child names its parent by the deleted row's key. Checked against the database, that key no longer
    # exists and the child would be dropped; left out, the child is attached to the record being rebuilt.
    data = dict(data)
    for relation in get_all_child_relations(model):
        name, parent_field = relation.get_accessor_name(), relation.field.name
        if isinstance(data.get(name), list):
            data[name] = [{k: v for k, v in child.items() if k != parent_field} for child in data[name]]
    return data
