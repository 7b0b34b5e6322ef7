"""A copy of every editorial record taken just before it is deleted, so that an administrator can bring it back."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class DeletedRecord(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=255)
    key = models.CharField(_("key"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=255)
    # The record with its inline children (other names, practices, relations), as Wagtail keeps it in revisions.
    data = models.JSONField()
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("deleted by")
    )
    deleted_at = models.DateTimeField(_("deleted"), auto_now_add=True, db_index=True)
    restored_at = models.DateTimeField(_("restored"), null=True, blank=True)

    class Meta:
        ordering = ["-deleted_at", "-pk"]
        verbose_name = _("deleted record")
        verbose_name_plural = _("deleted records")
        permissions = [("restore_deletedrecord", _("Can restore deleted records"))]

    def __str__(self) -> str:
        return self.title
