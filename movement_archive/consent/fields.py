"""The link from a record to the contribution it was made from, which the record's consent follows."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def made_from_contribution() -> models.ForeignKey:
    """Read by ``consent.effects`` when the contribution's consent changes; reached back as ``made_<model>s``."""
    return models.ForeignKey(
        "contributions.Contribution",
        verbose_name=_("made from the contribution"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="made_%(class)ss",
    )
