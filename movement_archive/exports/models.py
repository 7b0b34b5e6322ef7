"""The ledger of exports: every static mirror and data dump written, and the records each one holds.

When a record must leave the archive (a person withdraws consent), the ledger says which copies made earlier
still hold it, so that they are rebuilt (``actions.flag_for_rebuild``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportQuerySet(models.QuerySet):
    def to_rebuild(self) -> ExportQuerySet:
        """Exports flagged for a rebuild that no later export to the same place has replaced yet."""
        return self.filter(rebuild_requested_at__isnull=False, replaced_by__isnull=True)

    def for_the_list(self) -> ExportQuerySet:
        """The back office's order: the ones to rebuild first, then the newest."""
        to_rebuild = models.Q(rebuild_requested_at__isnull=False, replaced_by__isnull=True)
        return self.select_related("user", "replaced_by").order_by(
            models.Case(models.When(to_rebuild, then=0), default=1), "-created_at", "-pk"
        )


class Export(models.Model):
    class Kind(models.TextChoices):
        SITE = "site", _("Static mirror")
        DUMP = "dump", _("Data dump")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(_("written"), db_index=True)
    command = models.TextField(_("command"), help_text=_("The command that writes this export again."))
    # The operating-system account that ran the command; ``user`` when someone signed in asked for it.
    run_by = models.CharField(_("run by"), max_length=150, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("user")
    )
    path = models.CharField(_("path"), max_length=1000)
    language = models.CharField(_("language"), max_length=20)
    record_count = models.PositiveIntegerField(_("records"), default=0)
    rebuild_requested_at = models.DateTimeField(_("rebuild requested"), null=True, blank=True)
    rebuild_reason = models.TextField(_("why it needs a rebuild"), blank=True)
    # The later export of the same kind to the same path, which replaced this one's files.
    replaced_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("replaced by")
    )

    objects = ExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        indexes = [models.Index(fields=["kind", "path"], name="export_place")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.path} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def needs_rebuild(self) -> bool:
        return self.rebuild_requested_at is not None and self.replaced_by_id is None


class ExportedRecord(models.Model):
    """One record an export holds, named as the archive's addresses name it: ("person", "ana-lopez")."""

    export = models.ForeignKey(Export, on_delete=models.CASCADE, related_name="records", verbose_name=_("export"))
    kind = models.CharField(_("kind"), max_length=40)
    key = models.CharField(_("key"), max_length=100)

    class Meta:
        verbose_name = _("exported record")
        verbose_name_plural = _("exported records")
        indexes = [models.Index(fields=["kind", "key"], name="exported_record")]
        constraints = [models.UniqueConstraint(fields=["export", "kind", "key"], name="one_record_per_export")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"
